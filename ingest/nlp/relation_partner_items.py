"""PARTNERS_WITH for every organisation of a "with" list, once one item of it is a partner (no parse).

Why: a partnership phrase is often followed by a list whose later items are described before they are named: "It
delivers the programme in partnership with the Truro-based A and the Mi'kmaw-owned data firm B", "Hosted by X, in
partnership with A (AA) and the Arusha start-up B", "X has research agreements with A in Chile and with B, a Mendoza
start-up". The frames and windows find the first item (the parser hangs the described item on a description noun, and a
window takes the nearest name), so the owner they found is given the other items too. An item is read only after
"," / "and" / "and with", an optional article and a short description (lower-case words, "Town-based", a place); the list
ends at a relative clause ("B, which advises applicants"), an apposition with no name, an item that opens a new clause
("with A, and B runs the lab"), a person, a place or a programme, or a description that makes the item no partner ("the
customer C"). The owner is never paired with another item, and items never with each other (annotation guidelines).
Word lists: ``data/lexicon/partner_items.json``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data

ORGS = ("Institute", "Company", "Agency")
_WORD = re.compile(r"\(|\)|[,;:.—–]|[^\s,;:.()—–]+(?:\.(?=[^\s]))?[^\s,;:.()—–]*")
MAX_DESCRIPTION = 5  # words that may describe an item before its name ("the Mi'kmaw-owned data firm B")
_CAPITAL = re.compile(r"[A-Z][\w'’-]*\s+")
_LOWER = re.compile(r"[a-z][\w'’-]*\s+")
#: ", a business network" closed by ", and": an apposition of the item before it
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+(?:[a-z][\w'’-]*\s+){0,4}[a-z][\w'’-]*(?=,\s+and\b)")


@dataclass(frozen=True)
class ItemWords:
    heads: frozenset[str]
    articles: frozenset[str]
    not_items: frozenset[str]
    stops: frozenset[str]
    after_item: frozenset[str]
    based: tuple[str, ...]


@lru_cache(maxsize=1)
def _words() -> ItemWords:
    d = lexicon_data("partner_items.json")
    low = lambda k: frozenset(w.lower() for w in d[k])  # noqa: E731
    return ItemWords(low("heads"), low("articles"), low("not_items"), low("stops"), low("after_item"),
                     tuple("-" + w for w in d["based_suffixes"]))


def partner_list_items(text: str, facts: Any) -> None:
    """Add, in place, PARTNERS_WITH(owner, B) for each further item B of a "with" list whose first item the owner
    already partners with in the same sentence."""
    if os.environ.get("AIKG_PARTNER_FORMS", "on") == "off":  # off: the A/B of docs/extraction.md only
        return
    w = _words()
    _named_unit_first(text, facts)
    pw = [r for r in facts.relations if r.type == "PARTNERS_WITH"]
    if not pw:
        return
    have = {(r.sent_start, frozenset((r.source, r.target))) for r in pw}
    by_start = sorted(range(len(facts.mentions)), key=lambda i: facts.mentions[i].start)
    new = []
    for r in pw:
        for item, owner in ((r.target, r.source), (r.source, r.target)):
            if not _heads_list(text, r.sent_start, facts.mentions[item].start, facts.mentions, w):
                continue
            for b in _more_items(text, r.sent_start + len(r.sentence), item, facts.mentions, by_start, w):
                key = (r.sent_start, frozenset((owner, b)))
                if b == owner or key in have or facts.mentions[b].canonical == facts.mentions[owner].canonical:
                    continue
                have.add(key)
                src, tgt = (owner, b) if owner == r.source else (b, owner)
                new.append(replace(r, source=src, target=tgt, method=r.method.split("+")[0] + "+rule:with-list-item"))
    facts.relations.extend(new)
    facts.relations[:] = [r for r in facts.relations if r.type != "PARTNERS_WITH" or not _new_clause(text, r, facts.mentions, w)]


_AND_BEFORE = re.compile(r",\s+and\s+(?:the\s+)?$")


def _new_clause(text: str, r: Any, mentions: list[Any], w: ItemWords) -> bool:
    """"X delivers the course in partnership with A, and B hosts the classes": B, after ", and" and before a verb, is
    the subject of a new clause, not a second item of the "with" list."""
    a, b = sorted((mentions[r.source], mentions[r.target]), key=lambda m: m.start)
    between = text[a.end:b.start]
    if not _AND_BEFORE.search(between) or " with " not in text[r.sent_start:b.start]:
        return False
    nxt = _WORD.match(text, b.end + len(text[b.end:b.end + 3]) - len(text[b.end:b.end + 3].lstrip()))
    word = nxt.group() if nxt else ""
    return word[:1].islower() and word.isalpha() and word.lower() not in w.after_item and word.lower() not in (
        "and", "or", "to", "which", "who", "that", "in", "on", "for", "at", "as", "since", "under")


_UNIT_OF = re.compile(r"\s*(?:\([^()]{1,20}\)|\))?\s*of\s+(?:the\s+)?")


def _named_unit_first(text: str, facts: Any) -> None:
    """"Hosted by the IMI of the University of Wearside, in partnership with A": the named unit before "of" is the
    party, not the organisation it belongs to (as for "the University's IMI"). Only when the owner comes before the
    partner and nothing but "of (the)" stands between unit and owner."""
    ms = facts.mentions
    have = {(r.sent_start, frozenset((r.source, r.target))) for r in facts.relations if r.type == "PARTNERS_WITH"}
    out = []
    for r in facts.relations:
        if r.type == "PARTNERS_WITH":
            for o, a in ((r.source, r.target), (r.target, r.source)):
                if ms[o].start >= ms[a].start:
                    continue
                u = next((i for i, m in enumerate(ms) if m.type in ORGS and r.sent_start <= m.start and m.end <= ms[o].start
                          and i != a and ms[o].start - m.end < 25 and _UNIT_OF.fullmatch(text, m.end, ms[o].start)), None)
                if u is None or ms[u].canonical == ms[a].canonical:
                    continue
                key = (r.sent_start, frozenset((u, a)))
                if key not in have:
                    have.add(key)
                    src, tgt = (u, a) if o == r.source else (a, u)
                    out.append(replace(r, source=src, target=tgt, method=r.method + "+rule:named-unit-of"))
                r = None
                break
        if r is not None:
            out.append(r)
    facts.relations[:] = out


def _heads_list(text: str, sent_start: int, start: int, mentions: list[Any], w: ItemWords) -> bool:
    """Is the name at ``start`` the first item after "with" (an article and a description may come between)?"""
    found = list(_WORD.finditer(text, sent_start, start))
    words = [m.group() for m in found]
    places = [(m.start, m.end) for m in mentions if m.type == "Cluster" and sent_start <= m.start < start]
    k = len(words) - 1
    n = lower = 0
    while k >= 0 and n < MAX_DESCRIPTION + 2 and words[k].lower() not in w.heads:
        town = lower and words[k][:1].isupper() and words[k].isalpha() or any(
            a <= found[k].start() < b for a, b in places)  # "with the Port Talbot / Milford Haven steel-coating firm"
        if not _describing(words[k], w) and words[k].lower() not in w.articles and not town:
            return False
        lower += words[k][:1].islower()
        k -= 1
        n += 1
    return k >= 0 and words[k].lower() in w.heads


_FUNCTION = frozenset({"of", "by", "for", "in", "at", "from", "to", "on", "with", "and", "or", "as", "into", "under",
                       "is", "are", "was", "were", "has", "have", "had", "will", "would", "its", "their", "his", "her",
                       "behind", "via", "through", "near", "than", "about", "after", "before", "between", "within",
                       "without", "across", "against", "over", "around", "beside", "besides", "whose", "which", "who"})


def _describing(word: str, w: ItemWords) -> bool:
    """A word of an item's description: lower case ("data", "firm", "start-up", "farmer-owned") or "Truro-based";
    not a function word ("the research institute of B" is an apposition, not a described item)."""
    low = word.lower()
    if low in w.not_items or low in w.stops or low in w.heads or low in _FUNCTION:
        return False
    if word[:1].islower() and any(c.isalpha() for c in word):
        return True
    return low.endswith(w.based)


def _more_items(text: str, sent_end: int, first: int, mentions: list[Any], by_start: list[int],
                w: ItemWords) -> list[int]:
    """The organisations after the item ``first`` that belong to its list."""
    at = {mentions[i].start: i for i in by_start}
    out: list[int] = []
    pos = mentions[first].end
    while pos < sent_end:
        pos = _past_qualifier(text, pos, sent_end)
        m = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)(?:also\s+)?(?:with\s+)?").match(text, pos, sent_end)
        if not m or not m.group().strip():
            return out
        pos = m.end()
        nxt = _item_at(text, pos, sent_end, at, mentions, w)  # "A, the research arm of B" is no item (of)
        if nxt is None:
            return out
        i, pos = nxt
        follow = _WORD.match(text, pos + len(text[pos:sent_end]) - len(text[pos:sent_end].lstrip()), sent_end)
        if follow and follow.group().lower() not in w.after_item:
            return out  # "with A, and B runs the lab": B opens a new clause
        if follow and follow.group() in ("'s", "’s"):
            return out
        out.append(i)
    return out


def _past_qualifier(text: str, pos: int, end: int) -> int:
    """Past "(ACRONYM)", " in Chile" and ", a business network," (an apposition before ", and with C") after an item."""
    m = re.compile(r"\s*\([^()]{1,60}\)").match(text, pos, end)
    if m:
        pos = m.end()
    m = _APPOSITION.match(text, pos, end)
    if m and not any(f in m.group().split() for f in _FUNCTION):
        pos = m.end()
    m = re.compile(r"\s+in\s+(?:[A-Z][\w'’.-]*\s?){1,3}(?=,|\s+and\b)").match(text, pos, end)
    return m.end() if m else pos


def _item_at(text: str, pos: int, end: int, at: dict[int, int], mentions: list[Any],
             w: ItemWords) -> tuple[int, int] | None:
    """(mention, end offset) of the organisation named at ``pos`` after an article and a description, or None."""
    for n in range(MAX_DESCRIPTION + 2):
        while pos < end and text[pos].isspace():
            pos += 1
        i = at.get(pos)
        if i is not None:
            m = mentions[i]
            if m.type in ORGS:
                return i, m.end
            if m.type != "Cluster":
                return None
            pos = m.end  # "the Arusha start-up B": the place describes B
            if pos < end and text[pos] in "-–":
                pos += 1
                wm = _WORD.match(text, pos, end)
                pos = wm.end() if wm else pos  # "the Truro-based B"
            continue
        wm = _WORD.match(text, pos, end)
        if not wm:
            return None
        word = wm.group()
        if n == 0 and word.lower() in w.articles or _describing(word, w):
            pos = wm.end()
            continue
        after_town = _past_town(text, pos, end, at, w) if n else None  # "the Hartlepool steel fabricator C"
        if after_town is not None:
            pos = after_town
            continue
        return None
    return None


def _past_town(text: str, pos: int, end: int, at: dict[int, int], w: ItemWords) -> int | None:
    """The start of the name after an unrecognised town and a lower-case description ("Ras Jebel software firm B"),
    or None: one to three capitalised words, then one to three description words, then a name."""
    for _ in range(3):
        m = _CAPITAL.match(text, pos, end)
        if not m:
            return None
        pos = m.end()
        k, seen = pos, 0
        while seen < 3:
            lw = _LOWER.match(text, k, end)
            if not lw or not _describing(lw.group().strip(), w):
                break
            k, seen = lw.end(), seen + 1
            if k in at:
                return k
    return None
