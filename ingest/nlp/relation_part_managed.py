"""PART_OF of a facility described as managed or operated by another organisation (issue 14, wave 14).

Government programme pages and fact sheets describe a site in an apposition: "the Korangi Creek Innovation Centre
(KCIC), a technology park managed by the Karachi Metropolitan Development Authority", "the Tromsø Test Bench, a
shared facility operated by Orrin Labs". An organisation run by another is PART_OF it (docs/annotation.md); the
description must name a facility (``facility_nouns``: "a technology park", "a research station"), so "the X Cluster,
an association managed by the Chamber" or "X, a programme run by Y" say nothing here.

Word lists: ``facility_nouns``, ``managed_verbs`` of ``data/lexicon/part_lines.json``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterable

from aikg.ingest.nlp.lexicon import lexicon_data

ORG = ("Institute", "Company", "Agency")
MODS = 4  # lower-case words before the facility noun ("a shared high-performance computing facility")
Emit = Callable[[Iterable[str], int, int, float, str], None]


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    data = lexicon_data("part_lines.json")
    return frozenset(data["facility_nouns"]), frozenset(data["managed_verbs"])


def managed_facility(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], emit: Emit,
                     conf: float) -> None:
    """PART_OF(X, Y) of "X, a technology park managed by (the) Y" in one sentence."""
    facilities, verbs = _words()
    by_start = {s: (i, e) for i, s, e in spans}
    for i, _s, e in spans:
        if types[i] not in ORG:
            continue
        k = e + 3 if e + 2 < sent.end and doc[e].text == "(" and doc[e + 2].text == ")" else e  # "X (KCIC), a"
        if k + 4 >= sent.end or doc[k].text != "," or doc[k + 1].lower_ not in ("a", "an"):
            continue
        j = k + 2
        while j < min(sent.end, k + 2 + MODS) and (doc[j].is_lower or doc[j].text == "-") \
                and doc[j].lower_ not in facilities:
            j += 1
        if j + 2 >= sent.end or doc[j].lower_ not in facilities or doc[j + 1].lower_ not in verbs \
                or doc[j + 2].lower_ != "by":
            continue
        p = j + 3 + (j + 3 < sent.end and doc[j + 3].lower_ == "the")
        hit = by_start.get(p)
        if hit is not None and types[hit[0]] in ORG and hit[0] != i:
            emit(["PART_OF"], i, hit[0], conf, "rule:managed-facility")
