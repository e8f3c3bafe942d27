"""Names that one sentence relates to each other are different entities (cannot-links).

Two mentions are kept apart when they are the two ends of a relation candidate, when they
sit in the same sentence as a relation candidate under different names, or when they are
neighbours in a list ("A, B and C"; told by the short gap between them); the last two spare a
short form of the other name ("Mustafa Suleyman. Suleyman now leads ..."). Mentions the text
itself links (apposition, anaphor, acronym) are exempt. "Helix Robotics Labs partners with
Helios Robotics Labs" therefore always gives two organisations.
"""

from __future__ import annotations

from bisect import bisect_left

from aikg.ingest.nlp.records import DocFacts
from aikg.ingest.nlp.resolution.links import Edge
from aikg.ingest.nlp.resolution.nodes import Node

LIST_GAP = 6  # characters between neighbours in a list: ", ", " and ", ", and ", " & ", " or "


def _components(edges: list[Edge]) -> dict[int, int]:
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent}


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    return len(short) < len(long) and any(long[k:k + len(short)] == short for k in range(len(long) - len(short) + 1))


def _pair(a: int, b: int, nodes: list[Node], linked: dict[int, int], *, loose: bool = False) -> tuple[int, int] | None:
    """The pair to forbid, or None; ``loose`` (all but relation ends) spares a short form of the other name."""
    na, nb = nodes[a], nodes[b]
    if a == b or not na.tokens or not nb.tokens or na.ns != nb.ns or na.key_str == nb.key_str:
        return None
    if loose and (_contains(na.surface, nb.surface) or _contains(nb.surface, na.surface)):
        return None
    if linked.get(a, a) == linked.get(b, b):
        return None
    return (min(a, b), max(a, b))


def sentence_conflicts(f: DocFacts, index: dict[tuple, int], nodes: list[Node], explicit: list[Edge]) -> set[tuple[int, int]]:
    """Pairs of node indices that must stay in different groups."""
    linked = _components(explicit)
    node = [index[(f.doc_id, i)] for i in range(len(f.mentions))]
    out: set[tuple[int, int]] = set()

    def add(a: int, b: int, loose: bool = False) -> None:
        p = _pair(a, b, nodes, linked, loose=loose)
        if p:
            out.add(p)

    order = sorted(range(len(f.mentions)), key=lambda i: (f.mentions[i].start, f.mentions[i].end))
    starts = [f.mentions[i].start for i in order]
    spans: set[tuple[int, int]] = set()
    for r in f.relations:
        if 0 <= r.source < len(node) and 0 <= r.target < len(node):
            add(node[r.source], node[r.target])
        spans.add((r.sent_start, r.sent_end))
    for lo, hi in sorted(spans):
        inside = [order[k] for k in range(bisect_left(starts, lo), bisect_left(starts, hi))]
        for x in range(len(inside)):
            for y in range(x + 1, len(inside)):
                add(node[inside[x]], node[inside[y]], loose=True)
    for x, y in zip(order, order[1:]):
        gap = f.mentions[y].start - f.mentions[x].end
        if 0 <= gap <= LIST_GAP:
            add(node[x], node[y], loose=True)
    return out
