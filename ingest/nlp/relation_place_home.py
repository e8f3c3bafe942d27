"""LOCATED_IN from a town said to be home to organisations, or where one was founded (issue 14, published forms).

Why: news and university pages place organisations by the town they live in, with adverbs, short forms and
descriptions the parse-based reading ("dep:home") loses:

* "Tartu is also home to the Emajõe Logistics Cooperative (ELC), a non-profit ..." / "The city is now home to A
  and B" ("the city" when the entity pass linked it to the document's town): each organisation named;
* "... moved to Pärnu, where he founded the irrigation start-up Velora Flow": the organisation founded in the
  "where" clause of a town.

Nothing for a past or denied home ("was home to", "is no longer home to": only ``home_copulas`` open the form) or
a plan in the "where" clause ("where she plans to found X"). Read from the words of the entity pass (no parse);
word lists: ``home_copulas``, ``home_adverbs``, ``where_verbs``, ``plan_words`` of place_anchor_forms.json.
"""

from __future__ import annotations

from typing import Any, Callable

from aikg.ingest.nlp.relation_employer_place import words

ORG = ("Institute", "Company", "Agency")
WHERE_REACH = 4  # words between "where" and the founding verb: "where he", "where Mari Tamm first"
DESCRIPTION_REACH = 4  # "the irrigation start-up" before the founded name


def home_places(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str],
                emit: Callable[[int, int, str], None]) -> None:
    """LOCATED_IN(organisation -> town) for "<Town> is home to ..." and "<Town>, where X founded ..." of the sentence."""
    starts = {s: (i, e) for i, s, e in spans}
    for i, _s, e in spans:
        if types[i] != "Cluster" or e + 2 >= sent.end:
            continue
        for org in _home_to(doc, e, sent.end, starts, types) + _where_founded(doc, e, sent.end, starts, types):
            emit(org, i, "rule:home-to-place")


def _home_to(doc: Any, e: int, end: int, starts: dict[int, tuple[int, int]], types: list[str]) -> list[int]:
    """"<Town> is also home to the X (XA) and Y": the organisations after "home to"."""
    w = words()
    k = e
    if doc[k].lower_ not in w["home_copulas"]:
        return []
    k += 1
    while k < end and doc[k].lower_ in w["home_adverbs"]:
        k += 1
    if not (k + 2 < end and doc[k].lower_ == "home" and doc[k + 1].lower_ == "to"):
        return []
    return _names(doc, k + 2, end, starts, types)


def _names(doc: Any, k: int, end: int, starts: dict[int, tuple[int, int]], types: list[str]) -> list[int]:
    """Organisations from ``k`` joined by ",", "and" or ", and", each after an optional "the" and with an optional
    short form in brackets; a described item or any other word ends the run."""
    out: list[int] = []
    while k < end:
        if doc[k].lower_ == "the":
            k += 1
        got = starts.get(k)
        if got is None or types[got[0]] not in ORG:
            break
        out.append(got[0])
        k = got[1]
        if k + 2 < end and doc[k].text == "(" and doc[k + 2].text == ")":
            k += 3  # "(ELC)"
        gap = next((g for g in ((",", "and"), ("and",), (",",)) if tuple(t.lower_ for t in doc[k:k + len(g)]) == g), None)
        if gap is None:
            break
        k += len(gap)
    return out


def _where_founded(doc: Any, e: int, end: int, starts: dict[int, tuple[int, int]], types: list[str]) -> list[int]:
    """"<Town>, where he founded the irrigation start-up X": the organisation the "where" clause founded."""
    w = words()
    if not (e + 3 < end and doc[e].text == "," and doc[e + 1].lower_ == "where"):
        return []
    k = e + 2
    while k < min(end, e + 2 + WHERE_REACH) and doc[k].lower_ not in w["where_verbs"]:
        if doc[k].is_punct or doc[k].lower_ in w["plan_words"] or doc[k].lower_ in w["employer_stops"]:
            return []
        k += 1
    if k >= end or doc[k].lower_ not in w["where_verbs"]:
        return []
    k += 2 if doc[k].lower_ == "set" and k + 1 < end and doc[k + 1].lower_ == "up" else 1
    if doc[k].lower_ == "set":
        return []
    if k < end and doc[k].lower_ in ("the", "a", "an"):
        k += 1
    limit = min(end, k + DESCRIPTION_REACH + 1)
    while k < limit and k not in starts and (doc[k].is_lower or doc[k].text == "-"):
        k += 1
    got = starts.get(k)
    return [got[0]] if got is not None and types[got[0]] in ORG else []
