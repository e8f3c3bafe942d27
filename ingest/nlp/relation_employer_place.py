"""LOCATED_IN from "the largest employer in Y", read from the words of the entity pass (no parse).

Why: news, think-tank and encyclopedia prose place a firm by its size in a town, and the annotation guidelines
count that as LOCATED_IN (never ANCHORS: size is not anchoring):

* "The largest technology employer in Bălți is the cable maker Nordcablu" (the firm after a copula);
* "Kepler Mills is the largest employer in Tarnów" / "Kepler Mills, the largest employer in Tarnów, ...";
* "Jaraguá do Sul's largest employer, the motor maker Motores Itapocu, ..." (the place as possessor; "The city's"
  is the document's city when the entity pass linked it);
* "the largest employer of data engineers in Krosno is ...", "the Lautoka sugar mill of Western Cane Milling Ltd";
* "In Vranje, the biggest employer is the furniture maker X" (a fronted place before the phrase).

A denial or a past tie in the clause ("is no longer the largest employer", "was once the largest employer",
"not the largest employer") gives nothing; "the biggest employer among them" names no place. Words:
``data/lexicon/place_anchor_forms.json``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.token_index import TokenIndex

ORG = ("Institute", "Company", "Agency")
MAX_MODIFIERS = 3  # "largest private technology employer"
MAX_OF_WORDS = 4  # "employer of machine - learning engineers in"
MAX_DESCRIPTION = 7  # "the Lautoka sugar mill of" before the firm's name


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """The word lists of ``place_anchor_forms.json``, lower-cased."""
    raw = lexicon_data("place_anchor_forms.json")
    return {k: frozenset(w.lower() for w in v) for k, v in raw.items() if isinstance(v, list)}


def employer_places(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str],
                    emit: Callable[[int, int, str], None]) -> None:
    """LOCATED_IN(firm -> place) for each superlative employer phrase of the sentence that names both."""
    w = words()
    low = TokenIndex.of(doc).lower[sent.start:sent.end]  # speed only: no spaCy Token per word
    if not w["employer_nouns"] & set(low) or not w["employer_superlatives"] & set(low):
        return
    ends = {e: i for i, s, e in spans}
    starts = {s: (i, e) for i, s, e in spans}
    for k in range(sent.start + 1, sent.end):
        if doc[k].lower_ not in w["employer_nouns"]:
            continue
        b = _superlative_start(doc, k, sent.start, w)
        if b is None:
            continue
        place, after = _place(doc, b, k, sent.end, ends, starts, types, w)
        if place is None:
            place = _fronted_place(doc, sent.start, b, starts, types, w)
        if place is None:
            continue
        org = _org_after(doc, after, sent.end, starts, types, w)  # the phrase as subject: "... is X"
        if org is None:
            org = _org_before(doc, b, sent.start, ends, {i: s for i, s, e in spans}, types, w)
        if org is not None and not _denied(doc, sent.start, b, w):
            emit(org, place, "rule:employer-place")


def _superlative_start(doc: Any, k: int, start: int, w: dict[str, frozenset[str]]) -> int | None:
    """Start of "the|its largest [private technology]" before the employer noun at ``k`` (the superlative or the
    possessive's end), or None without a superlative."""
    sup = None
    for n in range(k - 1, max(start - 1, k - 2 - MAX_MODIFIERS), -1):
        t = doc[n]
        if t.lower_ in w["employer_superlatives"] or t.lower_ == "single" and sup is not None:
            sup = n
            continue
        if not (t.is_lower and t.is_alpha or t.text == "-") or t.lower_ in ("the", "its", "of"):
            break
    if sup is None:
        return None
    if sup - 1 >= start and doc[sup - 1].lower_ in ("the", "its"):
        return sup - 1
    return sup


def _place(doc: Any, b: int, k: int, end: int, ends: dict[int, int], starts: dict[int, tuple[int, int]],
           types: list[str], w: dict[str, frozenset[str]]) -> tuple[int | None, int]:
    """The place of the phrase and the token after the phrase: a possessor ("Bălți's largest employer") or
    "in Y" after the noun, past "of <people>" ("employer of data engineers in Krosno"); "the region" or "the province"
    is wider than the place the text named, and places nothing."""
    if b - 1 >= 0 and doc[b].lower_ not in ("the", "its") and doc[b - 1].text in ("'s", "’s"):
        owner = ends.get(b - 1)
        if owner is not None and types[owner] == "Cluster" and doc[b - 2].lower_ not in w["wide_area_words"]:
            return owner, k + 1
        return None, k + 1
    n = k + 1
    if n < end and doc[n].lower_ == "of":
        n += 1
        while n < min(end, k + 2 + MAX_OF_WORDS) and doc[n].lower_ != "in" and (
                doc[n].is_lower and doc[n].is_alpha or doc[n].text == "-"):
            n += 1
    if n + 1 < end and doc[n].lower_ == "in":
        at = n + 1
        if at not in starts and doc[at].lower_ == "the":
            at += 1
        place = starts.get(at)
        if place is not None and types[place[0]] == "Cluster" and doc[at].lower_ not in w["wide_area_words"]:
            return place
    return None, n


def _fronted_place(doc: Any, start: int, b: int, starts: dict[int, tuple[int, int]], types: list[str],
                   w: dict[str, frozenset[str]]) -> int | None:
    """"In Vranje, the biggest employer is X": the place of a fronted "In Y," right before the phrase at ``b``."""
    if not (start + 2 < b and doc[start].lower_ in ("in", "across", "around")):
        return None
    got = starts.get(start + 1)
    if got is None or types[got[0]] != "Cluster" or doc[start + 1].lower_ in w["wide_area_words"]:
        return None
    k = got[1] + (got[1] < b and doc[got[1]].text == ",")
    return got[0] if k == b else None


def _org_before(doc: Any, b: int, start: int, ends: dict[int, int], firsts: dict[int, int], types: list[str],
                w: dict[str, frozenset[str]]) -> int | None:
    """"X is the largest employer", "X, the largest employer", "X remains the largest employer"."""
    if doc[b].lower_ not in ("the",):
        return None
    k = b - 1
    if k - 1 >= start and doc[k].lower_ == "of" and doc[k - 1].lower_ == "one":
        k -= 2  # "X is one of the largest employers in Y"
    if k >= start and doc[k].text == ",":  # "X, the largest employer in Y": not "According to X, the largest ..."
        org = ends.get(k)
        if org is None or types[org] not in ORG:
            return None
        first = firsts[org]
        return None if first - 1 >= start and doc[first - 1].pos_ == "ADP" else org
    while k >= start and doc[k].lower_ in w["employer_adverbs"] - {","}:
        k -= 1
    if k < start or doc[k].lower_ not in w["employer_copulas"]:
        return None
    k -= 1
    while k >= start and doc[k].lower_ in w["employer_adverbs"] - {","}:
        k -= 1
    org = ends.get(k + 1)
    return org if org is not None and types[org] in ORG else None


def _org_after(doc: Any, k: int, end: int, starts: dict[int, tuple[int, int]], types: list[str],
               w: dict[str, frozenset[str]]) -> int | None:
    """The firm after the phrase: ", however, is still the cable maker X", ", the motor maker X,"."""
    apposed = k < end and doc[k].text == ","
    n = k
    while n < end and (doc[n].lower_ in w["employer_adverbs"]):
        n += 1
    if n < end and doc[n].lower_ in w["employer_copulas"]:
        n += 1
        while n < end and doc[n].lower_ in w["employer_adverbs"] - {","}:
            n += 1
    elif not apposed or n != k + 1:
        return None
    limit = min(end, n + MAX_DESCRIPTION)
    while n < limit:
        i, e = starts.get(n, (None, n))
        if i is not None and types[i] in ORG:
            return i
        t = doc[n]
        if i is not None and types[i] == "Cluster":  # "the Lautoka sugar mill of ..."
            n = e
            continue
        if not (t.is_lower and t.is_alpha or t.text == "-") or t.lower_ in w["employer_stops"]:
            return None
        n += 1
    return None


def _denied(doc: Any, start: int, b: int, w: dict[str, frozenset[str]]) -> bool:
    """A denial or past word in the clause before the phrase ("was once the largest", "is no longer the")."""
    k = b - 1
    while k >= start and doc[k].text not in (";", ":") and doc[k].lower_ not in ("which", "who", "but"):
        if doc[k].lower_ in w["employer_stops"]:
            return True
        k -= 1
        if b - k > 6:
            break
    return False
