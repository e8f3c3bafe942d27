"""The speed changes of issue 14 wave 4 answer as the plain code did.

Why: ``lexicon.alternation`` now escapes a word list once per process (the w15 rule modules build their patterns
per sentence); ``RoundLists`` looks its phrases up by their first word and tries each form only at a word that
can open it; ``MembershipForms`` builds its member nouns once. These tests compare the new readings with the
plain ones, and read investor lists with the real pipeline from invented news in several published forms.
"""

from __future__ import annotations

import re

import pytest

from aikg.ingest.nlp.lexicon import alternation, lexicon_data
from aikg.ingest.nlp.relation_rounds import LEAD_FORMS, PUT_FORMS, TAKE_FORMS, RoundLists
from tests.helpers import facts_of


def _plain_alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@pytest.mark.parametrize("words", [["founded", "co-founded", "set up"], ["a.b", "c+", "(x)", "c+"], [], ["é", "ß"]])
def test_alternation_is_the_plain_one(words: list[str]) -> None:
    assert alternation(words) == _plain_alternation(words)
    assert alternation(iter(words)) == _plain_alternation(words)  # a generator too
    assert alternation(words) == _plain_alternation(words)  # and again, from the cache


def test_alternation_follows_a_changed_list() -> None:
    words = ["led", "co-led"]
    first = alternation(words)
    words.append("jointly led")
    assert alternation(words) == _plain_alternation(words) != first


def _plain_at(low: list[str], k: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    for p in phrases:
        if tuple(low[k:k + len(p)]) == p:
            return len(p)
    return 0


@pytest.fixture(scope="module")
def lists() -> RoundLists:
    return RoundLists(lexicon_data("relations.json"))


SENTENCES = (
    "ostrana labs raised $ 4 million in a round co-led by vennick partners , with participation from quorra .",
    "the series a was jointly led by dallow capital alongside the brisk angel network and joined by rask bank .",
    "tillo is backed by korvath , funded by melsen and co-funded by the city , with funding from halden .",
    "led by with participation alongside together with backed by",
)


@pytest.mark.parametrize("text", SENTENCES)
def test_phrase_index_reads_as_the_scan(lists: RoundLists, text: str) -> None:
    low = text.split()
    for plain, index in ((lists.lead, lists._lead_at), (lists.with_, lists._with_at), (lists.backer, lists._backer_at)):
        for k in range(len(low)):
            assert lists._at(low, k, index.get(low[k], ())) == _plain_at(low, k, plain), (low[k:], k)


def test_join_gate_holds_every_opening_word(lists: RoundLists) -> None:
    assert set(PUT_FORMS) | set(LEAD_FORMS) | set(TAKE_FORMS) | set(lists.join) <= lists._verb_words


@pytest.mark.parametrize("text, funders, owner", [
    ("Ostrana Labs raised $4 million in a seed round led by Vennick Partners, with participation from Quorra "
     "Ventures and the angel investor Dalia Mereth.", {"Vennick Partners", "Quorra Ventures"}, "Ostrana Labs"),
    ("Tillo Robotics is backed by Korvath Capital, the Oslo fund Brisk Ventures and Rask Bank.",
     {"Korvath Capital", "Brisk Ventures", "Rask Bank"}, "Tillo Robotics"),
])
def test_round_lists_still_read(no_gazetteer_extractor, text: str, funders: set[str], owner: str) -> None:  # noqa: ANN001
    f = facts_of(no_gazetteer_extractor, text)
    got = {(f.mentions[r.source].text, f.mentions[r.target].text) for r in f.relations if r.type == "FUNDS"}
    assert {(x, owner) for x in funders} <= got


def test_no_round_no_list(no_gazetteer_extractor) -> None:  # noqa: ANN001
    f = facts_of(no_gazetteer_extractor, "Ostrana Labs opened a lab led by Vennick Partners in Pelmar.")
    assert not [r for r in f.relations if r.type == "FUNDS"]
