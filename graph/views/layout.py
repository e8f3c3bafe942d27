"""Positions for the static figures: seeded force layouts, packed so groups never overlap.

Small views: each connected component laid out alone, packed in rows by size. Large views
(more than :data:`GROUP_THRESHOLD` entities with clusters among them): one group per cluster,
the cluster in the middle of its members, so a figure of the whole graph reads as a set of
clusters rather than one central knot. Pure apart from networkx/numpy, imported when called.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from aikg.graph.views.model import ViewNetwork

SPRING_LIMIT = 500  # networkx's spring layout needs scipy from here on
GROUP_THRESHOLD = 60  # from this many entities a figure is drawn grouped by cluster
#: How strongly a relationship ties an entity to a cluster when choosing its group.
MEMBER_WEIGHTS = {"ANCHORS": 3, "LOCATED_IN": 2}
Pos = dict[str, tuple[float, float]]


def force_layout(nodes: list[str], edges: list[tuple[str, str]], *, seed: int = 7,
                 iterations: int = 60) -> Pos:
    """Fruchterman-Reingold with numpy alone (dense; the pairwise terms as matrix products)."""
    import numpy as np

    n = len(nodes)
    index = {nid: i for i, nid in enumerate(nodes)}
    adjacency = np.zeros((n, n), dtype=np.float32)
    for a, b in edges:
        adjacency[index[a], index[b]] = adjacency[index[b], index[a]] = 1.0
    pos = np.random.default_rng(seed).random((n, 2), dtype=np.float32)
    k2 = 1.0 / n  # ideal distance squared
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        sq = (pos ** 2).sum(axis=1)
        dist2 = np.maximum(sq[:, None] + sq[None, :] - np.float32(2.0) * (pos @ pos.T), np.float32(1e-4))
        # repulsion k²/d and attraction d²/k along each pair, both divided by d (the unit vector)
        force = np.float32(k2) / dist2 - adjacency * np.sqrt(dist2) * np.float32(math.sqrt(n))
        disp = pos * force.sum(axis=1)[:, None] - force @ pos
        length = np.sqrt((disp ** 2).sum(axis=1))
        length[length < 0.01] = 0.1
        pos += disp * (np.float32(temperature) / length)[:, None]
        temperature -= cooling
    return {nid: (float(pos[i, 0]), float(pos[i, 1])) for nid, i in index.items()}


def _unit(pos: Mapping[str, tuple[float, float]]) -> Pos:
    """Positions scaled into the unit square (aspect kept)."""
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    return {nid: ((x - min(xs)) / span, (y - min(ys)) / span) for nid, (x, y) in pos.items()}


def component_layout(graph: Any, seed: int, *, centre: str | None = None) -> Pos:
    """One group of nodes in the unit square; ``centre`` (a cluster) is pinned in the middle."""
    import networkx as nx

    n = graph.number_of_nodes()
    if n == 1:
        return {next(iter(graph)): (0.5, 0.5)}
    if n < SPRING_LIMIT:
        fixed = {"pos": {centre: (0.0, 0.0)}, "fixed": [centre]} if centre is not None else {}
        pos = nx.spring_layout(graph, seed=seed, k=1.5 / math.sqrt(n), iterations=200 if n <= 100 else 80,
                               method="force", **fixed)
        if centre is not None:  # pinned: put the centre in the middle of a square around it
            reach = max((max(abs(x), abs(y)) for x, y in pos.values()), default=1.0) or 1.0
            return {nid: (0.5 + x / (2 * reach), 0.5 + y / (2 * reach)) for nid, (x, y) in pos.items()}
    else:  # networkx's spring layout needs scipy from 500 nodes (its sparse solver)
        pos = force_layout(list(graph), list(graph.edges()), seed=seed)
    return _unit(pos)


def pack(groups: Sequence[tuple[list[str], Pos]]) -> Pos:
    """Groups (each in the unit square) scaled by the square root of their size and packed in rows."""
    sides = [max(0.6, math.sqrt(len(members))) for members, _ in groups]
    width = max(max(sides, default=1.0), 1.3 * math.sqrt(sum(s * s for s in sides)))
    gap = 0.5
    out: Pos = {}
    x = y = row_height = 0.0
    for (_, pos), side in zip(groups, sides):
        if x > 0 and x + side > width:
            x, y, row_height = 0.0, y - row_height - gap, 0.0
        for nid, (px, py) in pos.items():
            out[nid] = (x + px * side, y - side + py * side)
        x += side + gap
        row_height = max(row_height, side)
    return out


def _graph(net: ViewNetwork) -> Any:
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(net.nodes)
    graph.add_edges_from((e.source, e.target) for e in net.edges if e.source != e.target)
    return graph


def layout(net: ViewNetwork, seed: int = 7, *, group_threshold: int = GROUP_THRESHOLD) -> Pos:
    """Deterministic positions (see :func:`arrange`)."""
    return arrange(net, seed, group_threshold=group_threshold)[0]


def arrange(net: ViewNetwork, seed: int = 7, *,
            group_threshold: int = GROUP_THRESHOLD) -> tuple[Pos, list[tuple[str | None, list[str]]]]:
    """Positions, and the cluster groups when the view was drawn grouped ([] otherwise).

    Grouped by cluster for a view of more than ``group_threshold`` entities with clusters
    among them, else by connected component. A seeded Fruchterman-Reingold (spring) layout:
    networkx's for groups under 500 entities, :func:`force_layout` (numpy only, no scipy)
    beyond. Lone entities line up after the larger groups instead of being flung to the edges.
    """
    import networkx as nx

    graph = _graph(net)
    if graph.number_of_nodes() == 0:
        return {}, []
    if len(net.nodes) > group_threshold:
        groups = cluster_groups(net)
        if groups:
            return pack([(members, component_layout(graph.subgraph(members), seed, centre=hub))
                         for hub, members in groups]), groups
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    return pack([(comp, component_layout(graph.subgraph(comp), seed)) for comp in components]), []


def _home_clusters(net: ViewNetwork) -> dict[str, str]:
    """Each entity tied to a cluster of the view by ANCHORS or LOCATED_IN: its strongest such cluster."""
    clusters = {nid for nid, n in net.nodes.items() if n.type == "Cluster"}
    size = Counter(e.target for e in net.edges if e.target in clusters and e.type in MEMBER_WEIGHTS)
    ties: dict[str, Counter[str]] = {}
    for e in net.edges:
        if e.type in MEMBER_WEIGHTS and e.target in clusters and e.source not in clusters:
            ties.setdefault(e.source, Counter())[e.target] += MEMBER_WEIGHTS[e.type]
    home = {c: c for c in clusters}
    for nid, weights in ties.items():
        home[nid] = min(weights, key=lambda c: (-weights[c], -size[c], net.nodes[c].name, c))
    return home


def _spread(net: ViewNetwork, home: dict[str, str]) -> None:
    """Entities with no cluster join the group most of their neighbours are in (rounds, best connected first)."""
    neighbours: dict[str, list[str]] = {nid: [] for nid in net.nodes}
    for e in net.edges:
        if e.source != e.target:
            neighbours[e.source].append(e.target)
            neighbours[e.target].append(e.source)
    order = sorted(net.nodes, key=lambda nid: (-len(neighbours[nid]), nid))
    changed = True
    while changed:
        changed = False
        for nid in order:
            if nid in home:
                continue
            votes = Counter(home[m] for m in neighbours[nid] if m in home)
            if votes:
                home[nid] = min(votes, key=lambda c: (-votes[c], c))
                changed = True


def cluster_groups(net: ViewNetwork) -> list[tuple[str | None, list[str]]]:
    """(cluster id or None, member ids) per group, largest first; [] when the view has no cluster.

    An entity belongs to the cluster it anchors or is located in (the strongest tie, then the
    bigger cluster), else to the group most of its neighbours belong to; entities reached from
    no cluster form groups of their own, one per connected component.
    """
    import networkx as nx

    home = _home_clusters(net)
    if not home:
        return []
    _spread(net, home)
    members: dict[str, list[str]] = {}
    for nid in net.nodes:
        if nid in home:
            members.setdefault(home[nid], []).append(nid)
    groups: list[tuple[str | None, list[str]]] = [(hub, sorted(ids)) for hub, ids in members.items()]
    rest = _graph(net).subgraph([nid for nid in net.nodes if nid not in home])
    groups += [(None, sorted(c)) for c in nx.connected_components(rest)]
    return sorted(groups, key=lambda g: (-len(g[1]), g[0] or "~", g[1][0]))


def group_of(groups: Iterable[tuple[str | None, list[str]]]) -> dict[str, str | None]:
    """Entity id -> the cluster whose group it is drawn in."""
    return {nid: hub for hub, ids in groups for nid in ids}
