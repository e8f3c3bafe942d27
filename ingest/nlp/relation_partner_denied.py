"""PARTNERS_WITH the sentence takes back, read from its words after every rule has run (no parse).

Partnerships answer the headline question (clusters sharing partners), so an edge the text denies must not reach
the graph. Three forms the trigger-level guards (relation_guard.py, relation_forms.negated) let through on
published text:

* a partner noun denied by a comparison: "X is a customer of Y rather than a partner", "a supplier instead of a
  partner" (the sentence states a customer or supplier tie, not a partnership), or made a fund's investor or a job
  title: "counts A and B among its limited partners", "X, managing partner at Y";
* a colon that opens a quote, not a list: "A, partner at Nistru Capital, said: "Răut has ..."" (the partner noun is a
  person's job title; the quoted company is no partner of the fund);
* a tie the sentence dates to the past: "Until 2022, X partnered with Y", "Between 2019 and 2021 X worked with Y"
  (unless "now", "still" or "today" states it again);
* a tie the sentence says is not settled: "I hope X can partner with Y, but nothing is signed", "no agreement has been
  reached yet";
* a tie a clause right after the pair ends or leaves open: "a partnership with Y that expired in 2022", "X's
  partnership with Y expired in 2022", "had a joint lab with Y from 2018 to 2021", "a partnership between X and Y is
  under discussion".

An edge is dropped only when its sentence has no other, undenied partnership phrase. Word lists:
``data/lexicon/partner_denied.json``.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.relation_partner_described import described_items
from aikg.ingest.nlp.relation_partner_topic import partners_of_topic


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    d = lexicon_data("partner_denied.json")

    def alt(k: str) -> str:
        return "|".join(sorted((re.escape(w) for w in d[k]), key=len, reverse=True))

    nouns = alt("partner_nouns")
    denied = re.compile(rf"\b(?:{alt('denials')})\s+(?:(?:a|an|the)\s+)?(?:[a-z-]+\s+)?(?:{nouns})\b"
                        rf"|\b(?:{alt('not_partner_titles')})\s+partners?\b", re.I)
    any_partner = re.compile(rf"\b(?:{nouns}|{alt('partner_verbs')})\b", re.I)
    quote = re.compile(rf"\b(?:{alt('speech_verbs')})\s*:\s*[\"“']", re.I)
    past = re.compile(rf"^\W*(?:{alt('past_openers')})\s+(?:(?:[A-Z][a-z]+|early|late|mid)\s+)?(?:19|20)\d\d\b")
    again = re.compile(rf"\b(?:{alt('again_words')})\b", re.I)
    ended = re.compile(rf"\b(?:(?:that|which)\s+)?(?:has\s+|had\s+|have\s+)?(?:since\s+|already\s+)?"
                       rf"(?:{alt('ended_clause_verbs')}|{alt('pending_predicates')})\b(?!\s+up\b)"
                       r"|\b(?:from|between)\s+(?:19|20)\d\d\s+(?:to|until|till|and)\s+(?:19|20)\d\d\b", re.I)
    unsettled = re.compile(rf"\b(?:{alt('unsettled_subjects')})\s+(?:is|has\s+been|have\s+been|was|were|are)\s+(?:yet\s+)?"
                           rf"(?:{alt('unsettled_verbs')})\b", re.I)
    return denied, any_partner, quote, past, again, ended, unsettled


def partners_denied(text: str, facts: Any) -> None:
    """Drop, in place, the PARTNERS_WITH edges of ``facts`` whose sentence denies, quotes or dates them."""
    if os.environ.get("AIKG_PARTNER_DENIED", "on") == "off":  # off: for the A/B of docs/extraction.md only
        return
    partners_of_topic(text, facts)  # "Industry partners include A": the unit the passage is about (relation_partner_topic)
    described_items(text, facts)  # "the Angra do Heroísmo start-up T": T, not the town (relation_partner_described)
    denied, any_partner, quote, past, again, ended, unsettled = _patterns()
    keep = []
    for r in facts.relations:
        if r.type == "PARTNERS_WITH" and _taken_back(r, denied, any_partner, quote, past, again):
            continue
        if r.type == "PARTNERS_WITH" and unsettled.search(r.sentence):
            continue  # "I hope X can partner with Y, but nothing is signed": a plan
        if r.type == "PARTNERS_WITH" and _ended_after(r, facts.mentions, ended, again):
            continue  # "a partnership with Y that expired in 2022", "a joint lab with Y from 2018 to 2021"
        keep.append(r)
    facts.relations[:] = _owner_list_apart(keep, facts.mentions, text)


OWNED_LIST = re.compile(r"^(?:['’]s?|\s)*\s*(?:[\w-]+\s+){0,4}?(?:partners|partner organisations|partner organizations)"
                        r"\s+(?:include|includes|included|are|were)\b|^(?:['’]s?)\s+(?:[\w-]+\s+){0,4}?partners\s*:", re.I)


def _owner_list_apart(relations: list[Any], mentions: Any, text: str) -> list[Any]:
    """Drop PARTNERS_WITH(A, B) when the sentence lists A and B as partners of an owner C ("C's customers and partners
    include A and B", "C's partners: A, B"): each is C's partner, not the other's."""
    pw = [r for r in relations if r.type == "PARTNERS_WITH"]
    if len(pw) < 3:
        return relations
    by_sent: dict[tuple[int, int], set[frozenset[str]]] = {}
    for r in pw:
        by_sent.setdefault((r.sent_start, r.sent_end), set()).add(
            frozenset((mentions[r.source].canonical, mentions[r.target].canonical)))

    def listed(r: Any) -> bool:
        pairs = by_sent[(r.sent_start, r.sent_end)]
        a, b = mentions[r.source], mentions[r.target]
        for c in mentions:
            if not (r.sent_start <= c.start < min(a.start, b.start)) or c.canonical in (a.canonical, b.canonical):
                continue
            if frozenset((c.canonical, a.canonical)) in pairs and frozenset((c.canonical, b.canonical)) in pairs \
                    and OWNED_LIST.match(text[c.end:min(a.start, b.start)]):
                return True
        return False
    return [r for r in relations if r.type != "PARTNERS_WITH" or not listed(r)]


def _taken_back(r: Any, denied: re.Pattern[str], any_partner: re.Pattern[str], quote: re.Pattern[str],
                past: re.Pattern[str], again: re.Pattern[str]) -> bool:
    s = r.sentence
    if "colon" in r.method and quote.search(s):
        return True  # 'A, partner at B, said: "C has ..."'
    hits = list(denied.finditer(s))
    if hits:
        rest = s
        for h in reversed(hits):
            rest = rest[:h.start()] + " " + rest[h.end():]
        if not any_partner.search(rest):
            return True  # "a customer of Y rather than a partner"
    return bool(past.search(s)) and not again.search(s)  # "Until 2022, X partnered with Y"


def _ended_after(r: Any, mentions: Any, ended: re.Pattern[str], again: re.Pattern[str]) -> bool:
    """A clause right after the pair that ends the tie ("with Y that expired in 2022", "with Y from 2018 to 2021"),
    unless the sentence states it again ("now", "still")."""
    last = max(mentions[r.source].end, mentions[r.target].end) - r.sent_start
    if last < 0:
        return False
    m = ended.search(r.sentence, last)
    return m is not None and m.start() - last <= 12 and not again.search(r.sentence)
