"""ANCHORS stated of a place's area in the passive, wave 18 (issue 14): "The Vellmar innovation district is anchored by
X", "Vellmar's AI scene is anchored by X and Y", "the Tartu health-tech cluster remains anchored by X".

Why: economic-development reports name the area a firm anchors by its town and an area noun ("innovation district",
"research corridor", "tech scene"); the parse-based anchor frame reads only a named park or the town itself as the
subject, and a wide-area head ("district", "corridor") hid the town. The form: an optional "the", a place, an
optional possessive, up to four lower-case words (hyphens, short acronyms) ending in an area noun
(``anchored_area_nouns`` of ``data/lexicon/place_anchor_forms.json``), a present copula, "anchored by", and one or
more organisations joined by commas and "and". Past ("was anchored by") and denied ("is not anchored by") forms are
no current tie.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any, Callable

from aikg.ingest.nlp.lexicon import lexicon_data

#: switch for an A/B measurement in one tree (``AIKG_ANCHOR_AREA=off``); on by default
ENABLED_ENV = "AIKG_ANCHOR_AREA"
ORG = ("Institute", "Company")
COPULAS = frozenset({"is", "remains", "are", "remain"})
MAX_AREA_WORDS = 4


@lru_cache(maxsize=1)
def _area_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon_data("place_anchor_forms.json")["anchored_area_nouns"])


def anchored_area(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str],
                  emit: Callable[[int, int, str], None]) -> None:
    """"The <Town> <area words> is anchored by X (, Y and Z)": ANCHORS from each organisation to the town."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return
    starts = {s: (i, e) for i, s, e in spans}
    for i, _s, e in spans:
        if types[i] != "Cluster":
            continue
        k = e + (e < sent.end and doc[e].text in ("'s", "’s"))
        area = _area_end(doc, k, sent.end)
        if area is None or area + 3 >= sent.end or doc[area].lower_ not in COPULAS:
            continue
        if doc[area + 1].lower_ != "anchored" or doc[area + 2].lower_ != "by":
            continue
        for org in _orgs(doc, area + 3, sent.end, starts, types):
            emit(org, i, "rule:anchored-area")


def _area_end(doc: Any, k: int, end: int) -> int | None:
    """The token after lower-case words ending in an area noun from ``k`` ("innovation district"), or None."""
    best = None
    for n in range(k, min(end, k + 2 * MAX_AREA_WORDS)):
        t = doc[n]
        if not (t.is_lower and t.is_alpha or t.text == "-" or t.is_upper and t.is_alpha and len(t.text) <= 4):
            break
        if t.lower_ in _area_nouns():
            best = n + 1
    return best


def _orgs(doc: Any, k: int, end: int, starts: dict[int, tuple[int, int]], types: list[str]) -> list[int]:
    """Organisations from ``k`` joined by commas and "and" ("X, Y and Z")."""
    out: list[int] = []
    while k < end:
        if doc[k].lower_ == "the" and k + 1 not in starts:
            k += 1
        got = starts.get(k)
        if got is None or types[got[0]] not in ORG:
            break
        out.append(got[0])
        k = got[1]
        if k < end and doc[k].text == ",":
            k += 1
        if k < end and doc[k].lower_ == "and":
            k += 1
    return out
