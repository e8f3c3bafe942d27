"""Work done in a town: "X designs vision chips in Bromont", "X's engineers work in Kuopio" (issue 14, LOCATED_IN).

Why: company pages and regional news place a firm by what it makes or does there ("Kalvola Robotics builds drones in
Oulu", "Virta Analytics trains its models in Kuopio", "X, which assembles its sensors in Kajaani,"); the town after
such a verb is no site noun's, so the place stages dropped it and no relation rule read it. The slot: an
organisation right before a present-tense verb of making or working (``work_verbs`` of
``data/lexicon/work_places.json``; adverbs such as "now" between), or its possessive and a staff noun ("X's engineers
work"), or ", which" after it; then an object of lower-case words, numbers, short acronyms and possessive
determiners (no preposition but "of": "designs chips for customers in Tokyo" puts the town on the customers; no plan
or ending word) and "in" with one town or a list of towns. Such a town is kept as the organisation's site and, when
nothing else types it, made a place (``town_ok`` of town_at_slots). ``work_slot`` is read by relation_place_work.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from functools import lru_cache
from typing import Any

from aikg.core.paths import shipped
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.town_at_slots import town_ok

#: switch for an A/B measurement in one tree (``AIKG_WORK_PLACES=off``); on by default
ENABLED_ENV = "AIKG_WORK_PLACES"
MAX_TOWN = 3  # capitalised words of a town no mention covers
POSSESSIVES = ("'s", "’s", "'", "’")
DETERMINERS = frozenset({"its", "their", "our", "his", "her", "the", "a", "an"})


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    data = json.loads(shipped("lexicon", "work_places.json").read_text(encoding="utf-8"))
    return {k: frozenset(v) if isinstance(v, list) else v for k, v in data.items() if not k.startswith("_")}


def enabled() -> bool:
    """Is the wave-18 work-place reading on (``AIKG_WORK_PLACES``)?"""
    return os.environ.get(ENABLED_ENV, "on") != "off"


def work_slot(doc: Any, k: int, lo: int) -> tuple[int, int] | None:
    """For the "in" at ``k``: (verb index, end of the organisation that must be its subject) when a work verb and
    its object lead to it ("X builds drones in", "X's engineers work in", "X, which trains its models in"), else
    None. ``lo`` is the sentence's first token."""
    w = _words()
    v = k - 1
    while v > lo and k - v <= w["max_object"] and doc[v].lower_ not in w["work_verbs"]:
        t = doc[v]
        if t.lower_ in w["object_stops"] and not (t.lower_ in w["site_from"] and _work(doc, v, lo, w)):
            return None
        if not (t.is_lower and t.is_alpha or t.like_num or t.text == "-" or t.lower_ in DETERMINERS
                or t.is_upper and t.is_alpha and len(t.text) <= 4):
            return None
        v -= 1
    if v <= lo or doc[v].lower_ not in w["work_verbs"]:
        return None  # no tag test: the entity pass has no tagger; the subject right before makes it a verb
    while v - 2 > lo and doc[v - 1].lower_ in ("and", ",") and doc[v - 2].lower_ in w["work_verbs"]:
        v -= 2  # "designs and builds drones in"
    e = v
    while e > lo and doc[e - 1].lower_ in w["adverbs"]:
        e -= 1
    if e - 2 >= lo and doc[e - 1].lower_ in ("which", "that") and doc[e - 2].text == ",":
        e -= 2  # "X, which builds drones in", "X's research team, which works from offices in"
        if doc[e - 1].lower_ not in w["staff_nouns"]:
            return v, e
    if e - 3 >= lo and doc[e - 1].lower_ in w["staff_nouns"]:
        s = e - 1
        while s - 1 > lo and doc[s - 1].is_lower and doc[s - 1].is_alpha and s > e - 3:
            s -= 1  # "X's research team works"
        if any(doc[t].lower_ in w["staff_stops"] for t in range(s, e)):
            return None  # "X's former engineers work in Y": people who left
        if doc[s - 1].text in POSSESSIVES:
            return v, s - 1
        return None
    return v, e


def _work(doc: Any, v: int, lo: int, w: dict[str, Any]) -> bool:
    """Is the "from"/"out"/"of" at ``v`` led by "work"/"works" right before it ("works from", "works out of")?"""
    k = v - 1
    while k > lo and doc[k].lower_ in w["site_from"]:
        k -= 1
    return doc[k].lower_ in ("work", "works")


def work_places(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Keep (or make) the towns after "<Org> <work verb> ... in" as the organisation's site."""
    if not enabled():
        return cands
    ends = {c.end: c for c in cands if c.type in ORG_TYPES}
    starts = {c.start: c for c in cands}
    out = list(cands)
    changed = False
    for sent in doc.sents:
        for k in range(sent.start + 3, sent.end - 1):
            if doc[k].lower_ != "in" or (slot := work_slot(doc, k, sent.start)) is None or slot[1] not in ends:
                continue
            t = k + 1
            while t < sent.end:
                c = starts.get(t)
                end = c.end if c is not None else _town_end(doc, t, starts)
                if end is None or not town_ok(doc, t, end, c, out, env):
                    break
                if c is None:
                    out.append(Candidate(t, end, "Cluster", "rule", label="GPE", ctx_typed=True))
                elif c.type != "Cluster":
                    out[out.index(c)] = replace(c, type="Cluster", label="GPE", ctx_typed=True, place=False)
                else:
                    c.place = False
                changed = True
                t = _next_town(doc, end, sent.end)
    return sorted(out, key=lambda s: (s.start, s.end)) if changed else cands


def _town_end(doc: Any, k: int, starts: dict[int, Candidate]) -> int | None:
    """End of one to three capitalised words from ``k`` that no mention starts inside, closed by punctuation, "and",
    "in" or the line."""
    end = k
    while end < len(doc) and end - k < MAX_TOWN and doc[end].is_alpha and doc[end].text[:1].isupper() \
            and not doc[end].is_upper and (end == k or end not in starts and "\n" not in doc[end - 1].whitespace_):
        end += 1
    if end == k:
        return None
    closed = end >= len(doc) or doc[end].is_punct or doc[end].lower_ in ("and", "in", "since") \
        or "\n" in doc[end - 1].whitespace_
    return end if closed else None


def _next_town(doc: Any, end: int, stop: int) -> int:
    """Start of the next town of a list (", B", ", and B", " and B"), or ``stop``."""
    k = end
    if k < stop and doc[k].text == ",":
        k += 1
    if k < stop and doc[k].lower_ == "and":
        k += 1
    return k if end < k < stop and doc[k].text[:1].isupper() else stop
