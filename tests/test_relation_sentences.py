"""The shared sentence loop and "keep a new relation" step of the document-level relation rules
(relation_sentences.py), on the mentions the real spaCy pipeline finds in invented texts."""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from aikg.ingest.nlp.mention_index import nested
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_sentences import keep_new, reading_order, sentences
from tests.helpers import facts_of

TEXT = ("Selvara Labs is based in Kalmar. It received a grant from the Orrin Innovation Fund.\n"
        "The Tarvik Council backs the Ostrel Centre for Applied Robotics.")


@pytest.fixture(scope="module")
def facts():
    return facts_of(shared_extractor(), TEXT)


def _index(facts, name: str) -> int:
    return next(i for i, m in enumerate(facts.mentions) if m.text == name)


def test_sentences_hold_the_mentions_wholly_inside_them(facts):
    ms = facts.mentions
    got = list(sentences(TEXT, ms))
    assert [TEXT[a:b] for a, b, _ in got] == ["Selvara Labs is based in Kalmar.",
                                              "It received a grant from the Orrin Innovation Fund.",
                                              "The Tarvik Council backs the Ostrel Centre for Applied Robotics."]
    inside = nested(ms)
    for a, b, here in got:
        assert here == sorted(here, key=lambda i: ms[i].start)
        assert all(a <= ms[i].start and ms[i].end <= b and i not in inside for i in here)
        assert {i for i in range(len(ms)) if a <= ms[i].start and ms[i].end <= b and i not in inside} == set(here)
    assert "Selvara Labs" in {ms[i].text for i in got[0][2]}
    assert "Orrin Innovation Fund" not in {ms[i].text for i in got[0][2]}


def test_reading_order_keeps_only_the_types_asked(facts):
    ms = facts.mentions
    order = reading_order(ms, ("Cluster",))
    assert order and all(ms[i].type == "Cluster" for i in order)
    assert [here for _, _, here in sentences(TEXT, ms, order)][0] == [_index(facts, "Kalmar")]


def test_keep_new_appends_an_allowed_pair_once_with_the_sentence(facts):
    ms = facts.mentions
    fund, lab = _index(facts, "Orrin Innovation Fund"), _index(facts, "Selvara Labs")
    start, end = 0, TEXT.index("\n")
    have: set[tuple[str, str]] = set()
    new: list[RelationCandidate] = []
    keep_new("FUNDS", TEXT, ms, [(fund, lab, "rule:test"), (fund, lab, "rule:again")], have, new, start, end, 0.7)
    assert [(r.type, r.source, r.target, r.method, r.sentence) for r in new] == [
        ("FUNDS", fund, lab, "rule:test", TEXT[start:end])]
    assert (ms[fund].canonical, ms[lab].canonical) in have


def test_keep_new_refuses_a_self_pair_a_known_pair_and_what_the_schema_refuses(facts):
    ms = facts.mentions
    fund, lab, town = _index(facts, "Orrin Innovation Fund"), _index(facts, "Selvara Labs"), _index(facts, "Kalmar")
    new: list[RelationCandidate] = []
    have = {(ms[fund].canonical, ms[lab].canonical)}
    keep_new("FUNDS", TEXT, ms, [(lab, lab, "rule:self"), (fund, lab, "rule:known"), (town, lab, "rule:schema")],
             have, new, 0, len(TEXT), 0.7)
    assert new == []
