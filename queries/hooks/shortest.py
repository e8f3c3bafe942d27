"""shortest_connection: the shortest chains between two entities, found by a breadth-first search
grown from both ends at once.

``allShortestPaths`` searches from one end only: between two people four hops apart it walked most
of a 100k-entity graph (through a cluster with thousands of members) before finding two paths, 1.4 s.
Grown from both ends, the search meets in the middle after a few small steps, each one indexed read
(``graph/cypher/expand_connections.cypher``), and always grows the side whose frontier has fewer
relationships (the ``degree`` summary the loader keeps). The chains found are the same: every chain
of the shortest length, those whose every relationship reaches ``min_confidence`` kept, ordered by
their relationship types, then by the ids along them, the first ``paths`` sent to the query text,
which reads each hop's names and support.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from aikg.graph.cypher_files import statement

if TYPE_CHECKING:
    import pandas as pd

    from aikg.graph.store import GraphStore
    from aikg.queries.catalog import Query


class Edge(NamedTuple):
    """A relationship as stored (start, type, end) with its confidence."""

    source: str
    type: str
    target: str
    confidence: float | None


class _Side:
    """The search grown from one end: distance and every shortest-path parent of each node reached."""

    def __init__(self, root: str) -> None:
        self.dist: dict[str, int] = {root: 0}
        self.parents: dict[str, list[tuple[str, Edge]]] = {}
        self.frontier: set[str] = {root}
        self.depth = 0
        self.weight = 0  # relationships of the frontier (0 at the start: the first step is one read)

    def grow(self, rows: list[dict[str, Any]]) -> None:
        level = self.depth + 1
        new: dict[str, int] = {}
        for row in rows:
            other = row["other"]
            if self.dist.get(other, level) < level:
                continue  # reached earlier: not a step forward
            edge = Edge(row["at"], row["type"], other, row["confidence"]) if row["out"] else \
                Edge(other, row["type"], row["at"], row["confidence"])
            self.dist[other] = level
            self.parents.setdefault(other, []).append((row["at"], edge))
            new[other] = row["degree"] or 0
        self.depth, self.frontier, self.weight = level, set(new), sum(new.values())

    def chains(self, node: str) -> Iterator[tuple[list[str], list[Edge]]]:
        """Every shortest chain from this side's root to ``node``: (nodes, edges), root first."""
        if self.dist[node] == 0:
            yield [node], []
            return
        for prev, edge in self.parents[node]:
            for nodes, edges in self.chains(prev):
                yield nodes + [node], edges + [edge]


def search(store: "GraphStore", source: str, target: str, max_hops: int) -> list[tuple[list[str], list[Edge]]]:
    """Every shortest chain from ``source`` to ``target`` of at most ``max_hops`` relationships."""
    if source == target:
        return []
    sides = (_Side(source), _Side(target))
    expand = statement("expand_connections")
    while sides[0].depth + sides[1].depth < max_hops and sides[0].frontier and sides[1].frontier:
        grown, other = sides if sides[0].weight <= sides[1].weight else sides[::-1]
        ids = sorted(grown.frontier)
        # first only the relationships that reach the other side (the two visited sets are disjoint
        # until they meet): when there are some, the next level is not needed
        meeting = store.read(expand, {"ids": ids, "targets": sorted(other.dist)})
        if meeting:
            grown.grow(meeting)
            return _joined(sides, grown, other)
        grown.grow(store.read(expand, {"ids": ids, "targets": None}))
    return []


def _joined(sides: tuple[_Side, _Side], grown: _Side, other: _Side) -> list[tuple[list[str], list[Edge]]]:
    """Every shortest chain through the nodes where the two searches met: (nodes, edges), source first."""
    meet = [v for v in grown.frontier if v in other.dist]
    hops = min(grown.dist[v] + other.dist[v] for v in meet)
    found = []
    for v in sorted(v for v in meet if grown.dist[v] + other.dist[v] == hops):
        for head_nodes, head_edges in sides[0].chains(v):
            for tail_nodes, tail_edges in sides[1].chains(v):
                found.append((head_nodes + tail_nodes[::-1][1:], head_edges + tail_edges[::-1]))
    return found


def _key(chain: tuple[list[str], list[Edge]]) -> tuple[str, str]:
    """The query's order: relationship types along the chain, then the ids along it."""
    nodes, edges = chain
    return "".join(e.type + "," for e in edges), "".join(n + "," for n in nodes)


def prepare(store: "GraphStore", query: "Query", values: dict[str, Any], send: dict[str, Any]) -> dict[str, Any]:
    chains = search(store, values["source"], values["target"], int(values["max_hops"]))
    least = float(values["min_confidence"])
    kept = [c for c in chains if all(e.confidence is not None and e.confidence >= least for e in c[1])]
    kept.sort(key=_key)
    send = dict(send)
    send["hops"] = [{"path": i + 1, "hop": h + 1, "hops": len(edges), "source": e.source, "type": e.type,
                     "target": e.target}
                    for i, (_, edges) in enumerate(kept[: int(values["paths"])]) for h, e in enumerate(edges)]
    return send


def finish(df: "pd.DataFrame", query: "Query", values: dict[str, Any]) -> "pd.DataFrame":
    return df
