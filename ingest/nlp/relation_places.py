"""Where an organisation is, stated by the shape of the phrase around a place name.

* "Karoo Compute (Cape Town)", "- Kestrel Agronomics (Brandon), which ...": a place in brackets
  right after an organisation's name (directory lists, speaker lines).
* "the Bergen startup Fjellkode", "the Columbus venture firm Drive Capital": a place used as the
  modifier of an organisation noun right before the name.
* "Communitech, the Kitchener innovation hub", "the Know-Center, a Graz research centre": the same
  modifier in an apposition after the name.

The organisation nouns are data (``place_org_nouns`` in ``data/lexicon/relations.json``).
"""

from __future__ import annotations

from typing import Any, Callable

ORG = ("Institute", "Company", "Agency")
ARTICLES = {"the", "a", "an"}
MAX_NOUN_WORDS = 3  # lower-case words between the place and the organisation noun's end


def _noun_run(doc: Any, k: int, end: int, org_nouns: frozenset[str]) -> int:
    """End (exclusive) of 1-3 lower-case words after ``k`` whose last is an organisation noun, or -1."""
    best = -1
    for n in range(k, min(end, k + MAX_NOUN_WORDS)):
        w = doc[n]
        if not (w.is_lower or w.text == "-") or w.is_punct and w.text != "-":
            break
        if w.lower_ in org_nouns:
            best = n + 1
    return best


def place_phrases(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str],
                  org_nouns: frozenset[str], emit: Callable[[int, int, str], None]) -> None:
    """LOCATED_IN(org -> place) from brackets and place-modified organisation nouns."""
    by_start = {s: i for i, s, e in spans}
    for i, s, e in spans:
        if types[i] != "Cluster":
            continue
        # "Karoo Compute (Cape Town)"
        if s - 2 >= sent.start and doc[s - 1].text == "(" and e < sent.end and doc[e].text == ")":
            org = next((j for j, sj, ej in spans if ej == s - 1 and types[j] in ORG), None)
            if org is not None:
                emit(org, i, "rule:org-bracket-place")
                continue
        if s - 1 < sent.start or doc[s - 1].lower_ not in ARTICLES:
            continue
        k = _noun_run(doc, e, sent.end, org_nouns)
        if k < 0:
            continue
        # "the Bergen startup Fjellkode"
        if k in by_start and types[by_start[k]] in ORG:
            emit(by_start[k], i, "rule:place-noun-org")
            continue
        # "Communitech, the Kitchener innovation hub"
        c = s - 2
        if c > sent.start and doc[c].text == ",":
            org = next((j for j, sj, ej in spans if ej == c and types[j] in ORG), None)
            if org is not None and (k >= sent.end or doc[k].text in {",", ".", ";", ")", "that", "which", "and"}):
                emit(org, i, "rule:org-apposition-place")
