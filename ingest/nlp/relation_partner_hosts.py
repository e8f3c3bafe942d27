"""PARTNERS_WITH of an event's or programme's host and the partners it names (issue 14, wave 19; no parse).

Conference programmes, event pages and programme fact sheets open with "Hosted by the Orrin Institute for Applied AI
(OIAA), Tarn University, in partnership with Tarn Polytechnic and the Vellmar Regional Chamber." The host (the first
organisation after the verb) partners with every organisation of the list after "in partnership with"
(``rule:w19-hosted-with``); the organisation apposed to the host (", Tarn University,") only describes it, so a
partnership a window rule gave it with the list's items is taken back. A host whose list holds no organisation, or
a verb not of hosting ("Funded by X in partnership with ..."), gives nothing.

Word lists: ``data/lexicon/member_partner_lines.json`` (``host_verbs``, ``host_links``). ``AIKG_PARTNER_HOSTS=off`` turns
the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mention_index import nested
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_fund_wrong_funder import SENTENCE
from aikg.ingest.nlp.relation_member_groups import _name

CONF = 0.7
ORGS = ("Company", "Institute", "Agency")
#: the words between two items of a list, with an article and a short description ("and the Vellmar-based ")
ITEM_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+|a\s+|an\s+)?(?:[a-z][\w'’-]*\s+){0,3}")
#: an acronym or a town in brackets after a name: " (OIAA)"
BRACKET = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?")
#: the comma and space before the link or an apposed parent
COMMA = re.compile(r",?\s*")


def _w() -> Mapping[str, Any]:
    return lexicon_data("member_partner_lines.json")


def _alt(key: str) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _w()[key]), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once)."""
    return {
        "lead": re.compile(rf"\b(?:{_alt('host_verbs')})\s+(?:jointly\s+)?by\s+(?:the\s+)?$", re.I),
        "link": re.compile(rf"(?i:{_alt('host_links')})\s+(?:the\s+|a\s+|an\s+)?(?:[a-z][\w'’-]*\s+){{0,3}}"),
    }


def partner_hosts(text: str, facts: Any) -> None:
    """Add, in place, the host's partnerships of the form above to ``facts`` and drop those of its apposed parent."""
    if os.environ.get("AIKG_PARTNER_HOSTS", "on") == "off":
        return
    ms = facts.mentions
    inside = nested(ms)
    order = sorted((i for i in range(len(ms)) if i not in inside), key=lambda i: ms[i].start)
    starts = [ms[i].start for i in order]
    found: list[tuple[int, list[int], int | None, int, int]] = []
    for p in SENTENCE.finditer(text):
        here = [i for i in order[bisect_left(starts, p.start()):bisect_right(starts, p.end())] if ms[i].end <= p.end()]
        hit = _hosted(text, ms, here, p.start())
        if hit is not None:
            found.append((*hit, p.start(), p.end()))
    if not found:
        return
    have = {("PARTNERS_WITH", *sorted((_name(ms, r.source), _name(ms, r.target)))) for r in facts.relations
            if r.type == "PARTNERS_WITH"}
    drop: set[tuple[int, int, frozenset[str]]] = set()
    for host, items, parent, start, end in found:
        for item in items:
            key = ("PARTNERS_WITH", *sorted((_name(ms, host), _name(ms, item))))
            if parent is not None:
                drop.add((start, end, frozenset((_name(ms, parent), _name(ms, item)))))
            if key in have or key[1] == key[2]:
                continue
            have.add(key)
            facts.relations.append(RelationCandidate("PARTNERS_WITH", host, item, CONF, "rule:w19-hosted-with", start, end,
                                                     text[start:end], None))
    facts.relations[:] = [r for r in facts.relations if not (r.type == "PARTNERS_WITH" and _dropped(ms, r, drop))]


def _dropped(ms: Sequence[Any], r: Any, drop: set[tuple[int, int, frozenset[str]]]) -> bool:
    """Is ``r`` a partnership of an apposed parent with an item, in (or overlapping) that sentence?"""
    pair = frozenset((_name(ms, r.source), _name(ms, r.target)))
    return any(pair == p and r.sent_start < end and start < r.sent_end for start, end, p in drop)


def _hosted(text: str, ms: Sequence[Any], here: list[int], start: int) -> tuple[int, list[int], int | None] | None:
    """(host, partners, apposed parent) of "Hosted by H (ACR), P, in partnership with A and B" in one sentence."""
    pats = _patterns()
    for h in here:
        if ms[h].type not in ORGS or not pats["lead"].search(text[max(start, ms[h].start - 40):ms[h].start]):
            continue
        at = BRACKET.match(text, ms[h].end).end()
        parent = None
        comma = re.compile(r",\s*").match(text, at)  # ", Tarn University," apposed to the host
        nxt = next((i for i in here if ms[i].start >= at), None)
        if comma and nxt is not None and ms[nxt].start == comma.end() and ms[nxt].type in ORGS:
            after = BRACKET.match(text, ms[nxt].end).end()
            if pats["link"].match(text, COMMA.match(text, after).end()):
                parent, at = nxt, after
        link = pats["link"].match(text, COMMA.match(text, at).end())
        if link is None:
            return None
        items = _list_from(text, ms, here, link.end())
        return (h, items, parent) if items else None
    return None


def _list_from(text: str, ms: Sequence[Any], here: list[int], at: int) -> list[int]:
    """The organisations of the list that starts at character ``at``: "A, the Vellmar-based B and C"."""
    items: list[int] = []
    rest = [i for i in here if ms[i].start >= at]
    if not rest or ms[rest[0]].start != at:
        return []
    prev = rest[0]
    if ms[prev].type in ORGS:
        items.append(prev)
    for i in rest[1:]:
        gap = text[ms[prev].end:ms[i].start]
        if not ITEM_GAP.fullmatch(gap) and not (ms[prev].type == "Cluster" and re.fullmatch(r"-based\s+", gap)):
            if not (ms[i].type in ORGS and re.fullmatch(r"\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+)"
                                                        r"(?:the\s+|a\s+|an\s+)?(?:[a-z][\w'’-]*\s+){0,3}", gap)):
                break
        if ms[i].type in ORGS:
            items.append(i)
        prev = i
    return items
