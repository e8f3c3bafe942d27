"""LOCATED_IN from the town an organisation was founded in, read from the words of the entity pass (no parse).

Why: encyclopedia articles, interviews and About blocks place an organisation by the town of its founding, and the
annotation counts it as where it is: "X, which the Academy set up in Siem Reap in 2018", "X was founded in Tartu in
2016 by A and B", "Founded in Kisumu in 2020, X builds ...", "X, established in Bitola in 2019, ...", "Y set up X in
Valga last year". The organisation placed is the one founded (not its founder): the name before ", which",
before ", founded in" or before "was founded in", the name right after a fronted "Founded in <Town> ...," clause,
or the object between the verb and "in". Nothing when the sentence says the organisation moved since ("founded in
Oslo, it moved to Bergen in 2021"), when the founding is a plan ("plans to set up X in Oslo"), or when the place
is no Cluster (a country stays with the other stages). Words: ``founding_relative_verbs``,
``founding_place_stops`` of ``data/lexicon/place_anchor_forms.json``.
"""

from __future__ import annotations

from typing import Any, Callable

from aikg.ingest.nlp.relation_employer_place import words
from aikg.ingest.nlp.token_index import TokenIndex

FOUNDED = ("Institute", "Company", "Agency", "Programme")
COPULAS = frozenset({"was", "were", "is", "are", "has", "have", "had", "been", "being"})
MAX_GAP = 6  # words between the founding verb and "in": "set up in", "opened in", "founded last year in"
MAX_CLAUSE = 12  # words between an organisation's name and the founding verb of its relative clause
MAX_FRONTED = 20  # words of a fronted "Founded in Kisumu in 2020 by A and B," clause


def founding_places(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str],
                    emit: Callable[[int, int, str], None]) -> None:
    """LOCATED_IN(founded organisation -> town) for each "<founding verb> in <Town>" of the sentence."""
    w = words()
    low = TokenIndex.of(doc).lower[sent.start:sent.end]  # speed only: no spaCy Token per word
    if "in" not in low or any(x in w["founding_place_stops"] for x in low):
        return
    starts = {s: (i, e) for i, s, e in spans}
    ends = {e: i for i, s, e in spans}
    for k in range(sent.start, sent.end - 1):
        verb = _verb_end(doc, k, sent.start)
        if verb is None:
            continue
        v0, v1 = verb
        place = _place_after(doc, v1, sent.end, starts, types)
        if place is None:
            continue
        org = _founded(doc, sent, v0, v1, place[1], starts, ends, types)
        if org is not None:
            emit(org, place[0], "rule:founding-place")


def _verb_end(doc: Any, k: int, start: int) -> tuple[int, int] | None:
    """(first token, token after) of a founding verb ending at ``k`` ("founded", "set up", "co-founded")."""
    one = doc[k].lower_
    if one == "up" and k - 1 >= start and doc[k - 1].lower_ == "set":
        return k - 1, k + 1
    if one in words()["founding_relative_verbs"] and one != "set":
        if k - 2 >= start and doc[k - 1].text == "-" and doc[k - 2].lower_ == "co":
            return k - 2, k + 1
        return k, k + 1
    return None


def _place_after(doc: Any, v1: int, end: int, starts: dict[int, tuple[int, int]],
                 types: list[str]) -> tuple[int, int] | None:
    """(place mention, token the place ends at) of "in <Town>" right after the verb, past a short time phrase
    ("founded in 2016 in Tartu", "set up last year in Valga")."""
    for n in range(v1, min(end - 1, v1 + MAX_GAP)):
        t = doc[n]
        if t.lower_ == "in":
            got = starts.get(n + 1)
            if got is not None and types[got[0]] == "Cluster":
                return got[0], n
            if not doc[n + 1].like_num:  # "in 2016 in Tartu": go on past the year
                return None
            continue
        if not (t.like_num or t.is_lower and t.is_alpha and t.lower_ in ("last", "this", "year", "early", "late")
                or t.text[:1].isupper() and t.lower_ in _MONTHS):
            return None
    return None


_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"})


def _founded(doc: Any, sent: Any, v0: int, v1: int, at_in: int, starts: dict[int, tuple[int, int]],
             ends: dict[int, int], types: list[str]) -> int | None:
    """The organisation the verb founded (see the module's docstring), or None."""
    # "Founded in Kisumu in 2020, X builds ...": the name after the fronted clause's comma
    if v0 == sent.start or doc[v0 - 1].is_space or doc[v0 - 1].text in "-–—•*":
        for t in range(at_in + 2, min(sent.end - 1, at_in + MAX_FRONTED)):
            if doc[t].text == ",":
                org = _after(doc, t, sent.end, starts, types)
                if org is not None:
                    return org
        return None
    # "X, founded in Tartu in 2016," / "X, which A set up in Tartu" / "X was founded in Tartu"
    k = v0 - 1
    while k >= sent.start and doc[k].lower_ in COPULAS | {"first", "originally", "also"}:
        k -= 1
    if k >= sent.start and doc[k].text == "," and v0 - k <= 2:
        org = ends.get(k)
        return org if org is not None and types[org] in FOUNDED else None
    if k + 1 < v0 and doc[k + 1].lower_ in COPULAS:
        org = ends.get(k + 1)
        return org if org is not None and types[org] in FOUNDED else None
    for r in range(v0 - 1, max(sent.start, v0 - MAX_CLAUSE) - 1, -1):
        if doc[r].lower_ in ("which", "that") and r - 1 >= sent.start and doc[r - 1].text == ",":
            if any(doc[t].text in (",", ";", ":") for t in range(r + 1, v0)):
                return None
            org = ends.get(r - 1)
            if org is None and r - 2 >= sent.start and doc[r - 2].text == ")":
                org = ends.get(r - 2)  # "the Centre for X (CX), which the Academy set up in Z": the short form
            return org if org is not None and types[org] in FOUNDED else None
    # "Y set up X in Valga": the object between the verb and "in"
    got = starts.get(v1) or (starts.get(v1 + 1) if doc[v1].lower_ == "the" else None)
    if got is not None and got[1] == at_in and types[got[0]] in FOUNDED:
        return got[0]
    return None


def _after(doc: Any, comma: int, end: int, starts: dict[int, tuple[int, int]], types: list[str]) -> int | None:
    """The organisation that opens the main clause after a fronted clause's comma ("..., the X Institute")."""
    n = comma + 1
    if n < end and doc[n].lower_ == "the":
        n += 1
    got = starts.get(n)
    return got[0] if got is not None and types[got[0]] in FOUNDED else None
