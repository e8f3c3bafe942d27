"""Speed changes of wave 8 (issue 14/18) keep every reading: the shared sentence split is cached per text, the
evidence trim skips its pattern when no quote ends the sentence, and the per-sentence rules return at once when
their cue word (or, for LOCATED_IN, a place) is absent. The facts themselves are compared in bulk by
``bench/facts_snapshot.py``; these tests pin the helpers and a few readings through the real pipeline."""

from __future__ import annotations

import pytest

from aikg.ingest.document import LoadedDocument
from aikg.ingest.nlp.relation_places import names_place
from aikg.ingest.nlp.sentence_spans import TITLED_SENTENCE_BREAK, sentence_spans
from aikg.ingest.nlp.sentence_text import trim_sentence

TEXT = "Varnek Grid is based in Tulsa. Dr. Ana Ruiz leads it.\nPartners\nOrrin Data joined in 2024."


def test_sentence_spans_cached_split_is_the_same_split() -> None:
    first = list(sentence_spans(TEXT, 10))
    again = sentence_spans(TEXT, 10)
    assert next(again) == first[0]  # still an iterator
    assert [first[0], *again] == first
    assert list(sentence_spans(TEXT, 0)) == [(a - 10, b - 10, s) for a, b, s in first]  # offset is part of the key
    titled = [s for _, _, s in sentence_spans(TEXT, 0, TITLED_SENTENCE_BREAK)]
    assert "Dr. Ana Ruiz leads it." in titled and "Dr." not in titled


@pytest.mark.parametrize("text,kept", [
    ('The lab opened in Oslo. "', "The lab opened in Oslo."),  # a quote opening the next sentence goes
    ("The lab opened in Oslo. “ ", "The lab opened in Oslo."),
    ('She said "we build robots"', 'She said "we build robots"'),  # a closing quote stays
    ("No quote here.", "No quote here."),
    ("", ""),
])
def test_trim_sentence_forms(text: str, kept: str) -> None:
    start, end, out = trim_sentence(5, 5 + len(text), text)
    assert out == kept and start == 5 and end == 5 + len(kept)


def test_names_place_needs_a_cluster_in_the_sentence() -> None:
    types = ["Company", "Cluster", "Person"]
    assert names_place([(0, 0, 2), (1, 5, 6)], types)
    assert not names_place([(0, 0, 2), (2, 7, 9)], types)
    assert not names_place([], types)


@pytest.fixture(scope="module")
def extractor():  # noqa: ANN201
    from aikg.ingest.nlp import Extractor

    return Extractor()


def _rels(ex, text: str) -> set[tuple[str, str, str]]:  # noqa: ANN001
    f = ex.extract(LoadedDocument(id="t", source="t", title="", kind="text", text=text))
    return {(r.type, f.mentions[r.source].canonical, f.mentions[r.target].canonical) for r in f.relations}


@pytest.mark.parametrize("text,pair", [
    ("The gripper was jointly developed by Korvane Robotics and Tessaly Labs.", ("Korvane Robotics", "Tessaly Labs")),
    ("Korvane Robotics and Tessaly Labs have teamed up on a welding course.", ("Korvane Robotics", "Tessaly Labs")),
    ("Korvane Robotics signed a cooperation agreement in 2025 with Tessaly Labs.", ("Korvane Robotics", "Tessaly Labs")),
])
def test_gated_partner_rules_still_read(extractor, text: str, pair: tuple[str, str]) -> None:  # noqa: ANN001
    got = {(a, b) for t, a, b in _rels(extractor, text) if t == "PARTNERS_WITH"}
    assert pair in got or pair[::-1] in got


def test_no_cue_no_partnership(extractor) -> None:  # noqa: ANN001
    got = _rels(extractor, "Korvane Robotics and Tessaly Labs both sell welding robots to shipyards.")
    assert not any(t == "PARTNERS_WITH" for t, _, _ in got)


def test_place_rules_still_read_a_bracketed_town(extractor) -> None:  # noqa: ANN001
    got = _rels(extractor, "Partners include Korvane Robotics (Tampere, Finland) and a few others.")
    assert ("LOCATED_IN", "Korvane Robotics", "Tampere") in got
