"""Lists of organisation names read from the words around the entity pass's names: the actors before a verb
("A, B and the C will jointly run") and the names after a preposition ("by A and B").

Why: the joint-act rules (relation_joint.py) and the pact rules the parse misses (relation_partner_with.py) read
the same lists; one reading keeps them agreeing. Words only: the entity pass's doc has no parse.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

ORGS = ("Institute", "Company", "Agency")
LIST_WORDS = {",", "and", "&"}
Emit = Callable[[Sequence[str], int, int, float, str], None]


def list_after(doc: Any, k: int, spans: Sequence[tuple[int, int, int]], types: Sequence[str], end: int) -> list[int]:
    """Organisation names from token ``k`` on, joined by commas and "and" (an article may open each)."""
    out: list[int] = []
    starts = {s: (i, e) for i, s, e in spans}
    while k < end:
        while k < end and doc[k].lower_ in ("the", "its", "their"):
            k += 1
        if k not in starts:
            break
        i, e = starts[k]
        if types[i] not in ORGS:
            break
        out.append(i)
        k = e
        if k < end and doc[k].text in ("(",):  # "the Basque Center for Applied Mathematics (BCAM)"
            while k < end and doc[k].text != ")":
                k += 1
            k += 1
        if k >= end or doc[k].lower_ not in LIST_WORDS:
            break
        while k < end and doc[k].lower_ in LIST_WORDS:
            k += 1
    return out


def list_before(doc: Any, k: int, spans: Sequence[tuple[int, int, int]], types: Sequence[str], start: int) -> list[int]:
    """Organisation names ending right before token ``k``, joined by commas and "and"."""
    out: list[int] = []
    ends = {e: (i, s) for i, s, e in spans}
    while k > start:
        if k not in ends:
            break
        i, s = ends[k]
        if types[i] not in ORGS:
            break
        out.append(i)
        k = s
        while k > start and doc[k - 1].lower_ == "the":
            k -= 1
        if k <= start or doc[k - 1].lower_ not in LIST_WORDS:
            break
        while k > start and doc[k - 1].lower_ in LIST_WORDS:
            k -= 1
    return out[::-1]


def pair_all(names: list[int], emit: Emit, conf: float, method: str) -> None:
    """Every two different names of a list partner with each other."""
    for x, a in enumerate(names):
        for b in names[x + 1:]:
            if a != b:
                emit(["PARTNERS_WITH"], a, b, conf, method)


def actors_before(doc: Any, k: int, spans: Sequence[tuple[int, int, int]], types: Sequence[str], start: int,
                   aux: frozenset[str]) -> list[int]:
    """The actor list before a verb at ``k``, over auxiliaries ("A and B will jointly run")."""
    while k > start and doc[k - 1].lower_ in aux:
        k -= 1
    return list_before(doc, k, spans, types, start)
