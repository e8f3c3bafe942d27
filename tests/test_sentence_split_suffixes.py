"""Sentences do not end at the point of a legal form (issue 14; ``ingest/nlp/pipeline.py``) and a legal form is no
half of a word ("Co-founder"; ``mentions/name_joins.py``). Every name is invented and the gazetteer is empty.

Forms: "s.r.o.", "Pvt.", "Pvt. Ltd.", "Cía. Ltda.", "S.p.A.", "S.A. de C.V.", "sh.p.k." followed by a lower-case
verb, a comma or a second legal form. Near-misses: a legal form at the end of a sentence before a capitalised
sentence, and an ordinary full stop.
"""

from __future__ import annotations

import pytest

from tests.helpers import facts_of, relations_in


@pytest.fixture(scope="module")
def bare(no_gazetteer_extractor):
    return no_gazetteer_extractor


def sentences(extractor, text: str) -> list[str]:
    """The sentences of ``text`` as the entity pass splits them."""
    facts_of(extractor, "Warm-up.")  # loads the pipelines
    doc = next(extractor._pipes.ents([text]))
    return [s.text for s in doc.sents]


@pytest.mark.parametrize("text", [
    "Teplička Automotive s.r.o. is based in Žilina.",
    "Himali Voice Pvt. Ltd. is headquartered in Kathmandu.",
    "Nilgiri Seeds Pvt. is based in Ooty.",
    "Páramo Analytics Cía. Ltda. is based in Quito.",
    "Vortice Dati S.p.A. partnered with Politecnico di Lecco.",
    "Grupo Sureste S.A. de C.V. is based in Mérida.",
    "Rozafa Vision sh.p.k., a drone maker, is based in Shkodër.",
    "Chenango Cell Corp. was founded in 2014 in Binghamton.",
])
def test_a_legal_form_ends_no_sentence_before_its_verb(bare, text):
    assert sentences(bare, text) == [text]


@pytest.mark.parametrize("text, n", [
    ("The contract went to Teplička Automotive s.r.o. The firm is based in Žilina.", 2),
    ("We partner with Himali Voice Pvt. Ltd. Our office is in Patan.", 2),
    ("The round closed in May. is it done?", 2),
])
def test_a_legal_form_may_still_end_a_sentence(bare, text, n):
    assert len(sentences(bare, text)) == n


@pytest.mark.parametrize("text, rel", [
    ("Teplička Automotive s.r.o. is based in Žilina.", ("LOCATED_IN", "Teplička Automotive s.r.o", "Žilina")),
    ("Himali Voice Pvt. Ltd. is headquartered in Kathmandu.", ("LOCATED_IN", "Himali Voice Pvt. Ltd", "Kathmandu")),
    ("Páramo Analytics Cía. Ltda. is based in Quito and is funded by Andes Capital.",
     ("FUNDS", "Andes Capital", "Páramo Analytics Cía. Ltda")),
    ("Vortice Dati S.p.A. partnered with Politecnico di Lecco to build a data centre.",
     ("PARTNERS_WITH", "Vortice Dati S.p.A", "Politecnico di Lecco")),
])
def test_relations_across_a_legal_form(bare, text, rel):
    assert rel in relations_in(bare, text)


@pytest.mark.parametrize("text", [
    "Tomas Lindqvist, Co-founder & CTO of Fjordlys AI, said the company would expand to Bergen.",
    "Amara Osei, Co-Chair of the Volta Data Forum, opened the meeting.",
])
def test_co_before_a_hyphen_is_no_legal_form(bare, text):
    names = {m.text for m in facts_of(bare, text).mentions}
    assert not any(n.endswith(", Co") or n.endswith(" Co") for n in names), names


@pytest.mark.parametrize("text, person, body", [
    ("Tomas Lindqvist, Co-founder & CTO of Fjordlys AI, said the company would expand to Bergen.",
     "Tomas Lindqvist", "Fjordlys AI"),
    ("Ana Ruiz, Chief Technology Officer at Pampa Data Labs, opened the session.", "Ana Ruiz", "Pampa Data Labs"),
    ("The keynote is by Kofi Mensah, CTO of Volta Grid Analytics.", "Kofi Mensah", "Volta Grid Analytics"),
])
def test_a_job_title_before_of_is_no_part_of_the_name(bare, text, person, body):
    names = {m.text for m in facts_of(bare, text).mentions}
    assert body in names and not any(n.endswith(" of " + body) or n.endswith(" at " + body) for n in names), names
    assert ("AFFILIATED_WITH", person, body) in relations_in(bare, text)
