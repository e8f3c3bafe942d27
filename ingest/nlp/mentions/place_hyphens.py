"""A double-barrelled town read in half: "Florenceville | -Bristol", "Florenceville- | Bristol-based" (issue 14).

Why: towns joined by a tight hyphen ("Florenceville-Bristol", "Kailua-Kona", "Happy Valley-Goose Bay") are often
read as one half: the half the model or the world list knows ("Bristol") or the one the NER took
("Florenceville"). ``name_joins._hyphen_place`` joins only an unknown first half to a known second one the model
read; this stage joins either way: a town mention and a capitalised word that no mention
covers across a tight hyphen become one town, unless the world list knows both halves as towns ("the
Toronto-Waterloo corridor" names two) or the other half is an organisation's word. A listed town (gazetteer) grows
only leftwards by a half no list knows, and then names the whole town, not the listed one; the half after a listed
town is a district ("Toronto-Leslieville").
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.world_places import world_places

#: switch for an A/B measurement in one tree (``AIKG_PLACE_HYPHENS=off``); on by default
ENABLED_ENV = "AIKG_PLACE_HYPHENS"
MAX_HALF = 2  # capitalised words of the other half ("Goose Bay")


def place_hyphens(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Grow a town mention over a tight hyphen to the capitalised half no mention covers."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    cands = _join_pairs(doc, cands)
    covered = {k for c in cands for k in range(c.start, c.end)}
    out = list(cands)
    changed = False
    for n, c in enumerate(cands):
        if c.type != "Cluster":
            continue
        lo, hi = _left(doc, c.start, covered), _right(doc, c.end, covered)
        if (lo, hi) == (c.start, c.end) or not _not_two_towns(doc, c, lo, hi, env):
            continue
        listed = c.entry is not None or c.source == "gazetteer"
        if listed and world_places().kind(doc[lo:hi].text) != "city" and (hi > c.end or _known_half(doc, c, lo, hi)):
            continue  # a listed town grows only leftwards, by a half no list knows ("Florenceville-" + "Bristol");
            # after it a hyphen names a district ("Toronto-Leslieville")
        out[n] = replace(c, start=lo, end=hi, entry=None, canonical=None, source="rule") if listed \
            else replace(c, start=lo, end=hi)
        covered.update(range(lo, hi))
        changed = True
    return sorted(out, key=lambda s: (s.start, s.end)) if changed else cands


def _join_pairs(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """"Florenceville | - | Bristol" read as two towns, one of them unknown to the world list: one town."""
    by_start = {c.start: c for c in cands}
    wp = world_places()
    drop: set[int] = set()
    out: list[Candidate] = []
    for c in cands:
        if id(c) in drop:
            continue
        nxt = by_start.get(c.end + 1)
        if c.type == "Cluster" and nxt is not None and nxt.type == "Cluster" and _tight(doc, c.end) \
                and doc[c.end].text == "-" and (wp.kind(doc[c.start:c.end].text) is None
                                                 or wp.kind(doc[nxt.start:nxt.end].text) is None):
            out.append(replace(c, end=nxt.end, entry=None, canonical=None, source="rule"))
            drop.add(id(nxt))
            continue
        out.append(c)
    return out


def _tight(doc: Any, k: int) -> bool:
    """A hyphen at ``k`` with no space on either side."""
    return 0 < k < len(doc) - 1 and doc[k].text in ("-", "–") and not doc[k].whitespace_ and not doc[k - 1].whitespace_


def _cap(t: Any) -> bool:
    return t.is_alpha and t.text[:1].isupper() and not t.is_upper


def _right(doc: Any, end: int, covered: set[int]) -> int:
    """End after "-Bristol" / "-Goose Bay" when no mention covers those words, else ``end``."""
    if not _tight(doc, end) or end + 1 in covered or not _cap(doc[end + 1]):
        return end
    k = end + 1
    while k < len(doc) and k - end - 1 < MAX_HALF and _cap(doc[k]) and k not in covered \
            and (k == end + 1 or "\n" not in doc[k - 1].whitespace_):
        k += 1
    return k


def _left(doc: Any, start: int, covered: set[int]) -> int:
    """Start before "Florenceville-" when no mention covers it, else ``start``."""
    if not _tight(doc, start - 1) or start - 2 in covered or not _cap(doc[start - 2]):
        return start
    return start - 2


def _known_half(doc: Any, c: Candidate, lo: int, hi: int) -> bool:
    """Does the world list know the half the mention grows by?"""
    half = doc[lo:c.start - 1].text if lo < c.start else doc[c.end + 1:hi].text
    return world_places().kind(half) is not None


def _not_two_towns(doc: Any, c: Candidate, lo: int, hi: int, env: Env) -> bool:
    """The joined name is no pair of towns the world list knows, and its new half is no organisation's word."""
    wp = world_places()
    if wp.kind(doc[lo:hi].text) == "city":
        return True
    halves = [doc[lo:c.start - 1].text if lo < c.start else None, doc[c.end + 1:hi].text if hi > c.end else None]
    for half in (h for h in halves if h):
        if wp.kind(half) is not None and wp.kind(doc[c.start:c.end].text) is not None:
            return False  # "Toronto-Waterloo": two towns
        if env.typer.type_of_name(half.split()) is not None or half.lower() in env.lex.countries:
            return False
    return True
