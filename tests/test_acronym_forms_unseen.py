"""Acronyms the text defines in brackets after an organisation's name and uses again (issue 14;
``mentions/acronyms.py``): every name is invented and the gazetteer is empty.

Forms: acronyms of several tight tokens ("(NM-AIST)", "(TU/e)", "(UNI-SOL)"), capitals outside ASCII ("(İZİTA)"),
syllable acronyms of Spanish/Portuguese names that skip function words ("Concytec", "Secihti", "Cotriplan"), an
acronym whose name ends in a town the NER read alone ("Centre for Applied Research in Djibouti (CARD)").
Near-misses: a town in brackets after a firm, a word in brackets whose letters the name does not give.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.mentions.acronyms import syllables_of
from tests.helpers import facts_of, relations_in


@pytest.fixture(scope="module")
def bare(no_gazetteer_extractor):
    return no_gazetteer_extractor


def uses(extractor, text: str, acr: str) -> list[str | None]:
    """What each occurrence of ``acr`` stands for (its acronym expansion; None where it is no mention of its own)."""
    facts = facts_of(extractor, text)
    out = []
    start = 0
    while (at := text.find(acr, start)) >= 0:
        start = at + 1
        hit = [m for m in facts.mentions if m.start == at and m.end == at + len(acr)]
        out.append(hit[0].acronym_of if hit else None)
    return out


@pytest.mark.parametrize("text, acr, full", [
    ("The Nelson Mandela African Institution of Science and Technology (NM-AIST) partnered with Tanzanite Data "
     "Ltd. NM-AIST researchers will lead the work.", "NM-AIST",
     "Nelson Mandela African Institution of Science and Technology"),
    ("Eindhoven University of Technology (TU/e) and Brabant Photonics B.V. signed an agreement. TU/e will host "
     "the lab, and Brabant Photonics funds TU/e's PhD students.", "TU/e", "Eindhoven University of Technology"),
    ("The Unión de Investigadores Solares (UNI-SOL) is funded by Banco Andino. UNI-SOL is a member of the Red "
     "Solar.", "UNI-SOL", "Unión de Investigadores Solares"),
    ("The İzmir Institute of Advanced Agriculture (İZİTA) hosts the start-up. It is a spin-out of İZİTA.",
     "İZİTA", "İzmir Institute of Advanced Agriculture"),
    ("The Consejo Nacional de Ciencia y Tecnología (Concytec) funds Qhapaq Labs. Concytec is based in Lima.",
     "Concytec", "Consejo Nacional de Ciencia y Tecnología"),
    ("The Secretaría de Ciencia, Humanidades, Tecnología e Innovación (Secihti) funds Tlaloc Data. Secihti also "
     "backs the Puebla AI Hub.", "Secihti", "Secretaría de Ciencia, Humanidades, Tecnología e Innovación"),
    ("Cooperativa Tritícola do Planalto (Cotriplan) joined the Rede Agro Digital. Cotriplan buys sensors from "
     "Pampa Sensores.", "Cotriplan", "Cooperativa Tritícola do Planalto"),
    ("The Centre for Applied Research in Djibouti (CARD) is part of the University of Djibouti. CARD trained an "
     "Afar speech model.", "CARD", "Centre for Applied Research in Djibouti"),
])
def test_every_use_of_the_acronym_stands_for_the_name(bare, text, acr, full):
    assert uses(bare, text, acr) == [full, full] + [full] * (text.count(acr) - 2)


def test_acronym_uses_carry_relations(bare):
    rels = relations_in(bare, "The Unión de Investigadores Solares (UNI-SOL) works on solar data. "
                              "UNI-SOL is a member of the Red Solar Andina.")
    assert ("MEMBER_OF", "Unión de Investigadores Solares", "Red Solar Andina") in rels
    rels = relations_in(bare, "The Consejo Nacional de Ciencia y Tecnología (Concytec) was set up in 1981. "
                              "Concytec is based in Lima.")
    assert ("LOCATED_IN", "Consejo Nacional de Ciencia y Tecnología", "Lima") in rels


@pytest.mark.parametrize("text, word", [
    ("Arganix Robotics (Agadir) partnered with Souss Data (Taroudant). Souss Data is based in Taroudant.", "Agadir"),
    ("Ouarzazate Solar Analytics (Tinghir) opened an office. Tinghir is its home town.", "Tinghir"),
])
def test_a_word_in_brackets_the_name_does_not_spell_is_no_acronym(bare, text, word):
    assert set(uses(bare, text, word)) <= {None}


def test_syllables_need_the_first_and_last_word_and_three_words():
    assert syllables_of("concytec", "consejo nacional de ciencia y tecnología".split())
    assert syllables_of("cotriplan", "cooperativa tritícola do planalto".split())
    assert not syllables_of("tinghir", "ouarzazate solar analytics".split())
    assert not syllables_of("conci", "consejo nacional de ciencia y tecnología".split())  # stops before the end
