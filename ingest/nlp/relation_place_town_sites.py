"""LOCATED_IN in more published forms, wave 19 (issue 14; read from the entity pass's words, no parse).

Why: held-out LOCATED_IN recall was 0.717 (379 missed, the largest count). Forms of company, university and
regional-news pages that no earlier rule reads, once ``mentions/town_sites`` keeps their towns:

* an owner's town before a site noun: "Training runs at Morrow University's Tampere campus", "Tarvane Logistics'
  Tampere team built the robot", "across its Tampere and Kuopio offices" (``rule:w19-owner-site``; not after a verb
  of closing, selling, moving or planning: "closed its Kuopio office", "plans to open its Kuopio office");
* a town's superlative body in apposition: "Morrow University, Tampere's largest university, runs ..."
  (``rule:w19-largest-of``);
* a fronted headquarters: "From its headquarters in Tampere, Tarvane Logistics ships ..." (``rule:w19-from-hq``);
* a second site joined to the first: "employs 46 people at its headquarters in Bergamo and at a test laboratory in
  Treviglio" (``rule:w19-second-site``), said of the organisation that opens the sentence.

Word lists: ``data/lexicon/anchor_site_words.json``; ``AIKG_TOWN_SITES=off`` turns the module off.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Mapping

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.town_sites import enabled
from aikg.ingest.nlp.relation_employer_place import words as place_words

ORG = ("Institute", "Company", "Agency")
_POSSESSIVE = frozenset({"'s", "’s", "'"})
_OWNER_WORDS = frozenset({"its", "their"})
MAX_SITE_WORDS = 4  # "at a test laboratory", "at its new assembly plant"
Emit = Callable[[int, int, str], None]


@lru_cache(maxsize=1)
def _w() -> Mapping[str, frozenset[str]]:
    raw = lexicon_data("anchor_site_words.json")
    return {k: frozenset(w.lower() for w in v) for k, v in raw.items()
            if isinstance(v, list) and all(isinstance(x, str) for x in v)}


def places_town_sites(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], emit: Emit) -> None:
    """Every form of the module docstring in one sentence: LOCATED_IN(organisation, town) through ``emit``."""
    if not enabled():
        return
    starts = {s: (i, e) for i, s, e in spans}
    ends = {e: (i, s) for i, s, e in spans}
    opener = _opener(doc, sent, starts, types)
    for i, s, e in spans:
        if types[i] != "Cluster":
            continue
        _owner_site(doc, sent, i, s, e, starts, ends, types, opener, emit)
        _largest_of(doc, sent, i, s, e, ends, types, emit)
        _second_site(doc, sent, i, s, spans, types, opener, emit)
    _from_hq(doc, sent, starts, types, emit)


def _opener(doc: Any, sent: Any, starts: dict[int, tuple[int, int]], types: list[str]) -> int | None:
    """The organisation that opens the sentence (after an optional "The"), or None."""
    k = sent.start + (doc[sent.start].lower_ == "the")
    got = starts.get(k)
    return got[0] if got is not None and types[got[0]] in ORG else None


PLAN_REACH = 5  # "intends to set up its Kuopio plant": the plan word within five words before "its"


def _stopped(doc: Any, sent: Any, k: int) -> bool:
    """A verb of closing, selling, moving or planning in the three words before token ``k``, or a plan word
    ("hopes to open its Kuopio lab", ``plan_words`` of place_anchor_forms.json) in the five before it."""
    stop = _w()["site_verbs_stop"]
    if any(doc[x].lower_ in stop for x in range(max(sent.start, k - 3), k)):
        return True
    plans = place_words()["plan_words"]
    x = k - 1
    while x >= max(sent.start, k - PLAN_REACH) and not doc[x].is_punct:
        if doc[x].lower_ in plans:
            return True
        x -= 1
    return False


def _owner_site(doc: Any, sent: Any, place: int, s: int, e: int, starts: dict[int, tuple[int, int]],
                ends: dict[int, tuple[int, int]], types: list[str], opener: int | None, emit: Emit) -> None:
    """"X's Tampere campus", "its Tampere and Kuopio offices": the owner before the town(s), a site noun after."""
    w = _w()
    k = e
    while k + 1 < sent.end and doc[k].lower_ in ("and", "&") and k + 1 in starts and types[starts[k + 1][0]] == "Cluster":
        k = starts[k + 1][1]  # "its Tampere and Kuopio offices": the first town reads past the second
    if k >= sent.end or doc[k].lower_ not in w["site_nouns"]:
        return
    b = s - 1
    if b - 1 >= sent.start and doc[b].lower_ in ("and", "&") and b in ends and types[ends[b][0]] == "Cluster":
        b = ends[b][1] - 1  # the second town of "its Tampere and Kuopio offices": back over the first
    if b < sent.start or doc[b].lower_ in w["site_stop_before"]:
        return
    if doc[b].lower_ in _OWNER_WORDS:
        got = ends.get(b + 1)
        owner = got[0] if got is not None and types[got[0]] in ORG else opener
    elif doc[b].text in _POSSESSIVE and b in ends and types[ends[b][0]] in ORG:
        owner, first = ends[b][0], ends[b][1]
        if first - 1 >= sent.start and doc[first - 1].lower_ in w["site_stop_before"] or _stopped(doc, sent, first):
            return  # "left the former Kestrel Labs' Tartu office": the owner's site is a past one
    else:
        return
    if owner is not None and not _stopped(doc, sent, b):
        emit(owner, place, "rule:w19-owner-site")


def _largest_of(doc: Any, sent: Any, place: int, s: int, e: int, ends: dict[int, tuple[int, int]], types: list[str],
                emit: Emit) -> None:
    """"X, Tampere's largest university,": the organisation before the comma."""
    w = _w()
    if s - 1 <= sent.start or doc[s - 1].text != "," or e + 2 >= sent.end:
        return
    got = ends.get(s - 1)
    if got is None or types[got[0]] not in ORG:
        return
    if doc[e].text not in _POSSESSIVE or doc[e + 1].lower_ not in w["largest_words"]:
        return
    if any(doc[x].lower_ in w["org_head_nouns"] for x in range(e + 2, min(sent.end, e + 5))):
        emit(got[0], place, "rule:w19-largest-of")


def _from_hq(doc: Any, sent: Any, starts: dict[int, tuple[int, int]], types: list[str], emit: Emit) -> None:
    """"From its headquarters in Tampere, X ...": the organisation after the fronted phrase."""
    w = _w()
    k = sent.start
    if k + 5 >= sent.end or doc[k].lower_ != "from" or doc[k + 1].lower_ not in _OWNER_WORDS:
        return
    n = k + 2
    while n < sent.end and n - k < 6 and doc[n].lower_ != "in":
        n += 1
    if n >= sent.end or not any(doc[x].lower_ in w["from_hq_nouns"] for x in range(k + 2, n)):
        return
    got = starts.get(n + 1)
    if got is None or types[got[0]] != "Cluster":
        return
    j = got[1]
    if j < sent.end and doc[j].text == ",":
        j += 1
    j += j < sent.end and doc[j].lower_ == "the"
    org = starts.get(j)
    if org is not None and types[org[0]] in ORG:
        emit(org[0], got[0], "rule:w19-from-hq")


def _second_site(doc: Any, sent: Any, place: int, s: int, spans: list[tuple[int, int, int]], types: list[str],
                 opener: int | None, emit: Emit) -> None:
    """"... at its headquarters in A and at a test laboratory in B": B is the opener's as A is."""
    w = _w()
    if opener is None or s - 3 <= sent.start or doc[s - 1].lower_ != "in":
        return
    k = s - 2  # the site noun before "in"
    if doc[k].lower_ not in w["site_nouns"]:
        return
    n = k - 1
    while n > sent.start and k - n <= MAX_SITE_WORDS and doc[n].lower_ not in ("and",):
        if not (doc[n].is_lower or doc[n].text == "-"):
            return
        if doc[n].lower_ in w["site_stop_before"]:
            return
        n -= 1
    if doc[n].lower_ != "and" or n - 1 <= sent.start:
        return
    prev = next(((i, ps) for i, ps, pe in spans if pe == n and types[i] == "Cluster"), None)
    if prev is None or doc[prev[1] - 1].lower_ != "in":
        return
    opener_end = next(e for i, _, e in spans if i == opener)
    if any(types[i] in ORG and doc[ps].lower_ not in _OWNER_WORDS for i, ps, _ in spans if opener_end <= ps < s):
        return  # another organisation between: the site may be its
    emit(opener, place, "rule:w19-second-site")
