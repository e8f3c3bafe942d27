"""A static figure of a view for reports and papers: networkx layout, matplotlib (Agg), PNG, SVG or PDF."""

from __future__ import annotations

import math
import warnings
from pathlib import Path
from typing import Any

from aikg.core.errors import ConfigError
from aikg.graph.views.model import ViewNetwork
from aikg.graph.views.style import node_label, relation_colour, relation_label, type_colour

FORMATS = ("png", "svg", "pdf")
LABEL_LIMIT = 40  # label every node up to this many; beyond, only the best connected
SPRING_LIMIT = 500  # networkx's spring layout needs scipy from here on


def to_networkx(net: ViewNetwork) -> Any:
    """The view as a ``networkx.MultiDiGraph`` with the view's attributes on nodes and edges."""
    import networkx as nx

    graph = nx.MultiDiGraph(title=net.title)
    for node in net.nodes.values():
        graph.add_node(node.id, name=node.name, type=node.type, aliases=list(node.aliases), doc_count=node.doc_count)
    for edge in net.edges:
        graph.add_edge(edge.source, edge.target, key=edge.type, type=edge.type, support=edge.support,
                       sentence=edge.sentence)
    return graph


def force_layout(nodes: list[str], edges: list[tuple[str, str]], *, seed: int = 7,
                 iterations: int = 60) -> dict[str, tuple[float, float]]:
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


def _component_layout(graph: Any, seed: int) -> dict[str, tuple[float, float]]:
    """One connected component in the unit square."""
    import networkx as nx

    n = graph.number_of_nodes()
    if n == 1:
        return {next(iter(graph)): (0.5, 0.5)}
    if n < SPRING_LIMIT:
        pos = nx.spring_layout(graph, seed=seed, k=1.5 / math.sqrt(n), iterations=200 if n <= 100 else 80,
                               method="force")
    else:  # networkx's spring layout needs scipy from 500 nodes (its sparse solver)
        pos = force_layout(list(graph), list(graph.edges()), seed=seed)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    return {nid: ((x - min(xs)) / span, (y - min(ys)) / span) for nid, (x, y) in pos.items()}


def layout(net: ViewNetwork, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Deterministic positions: each connected component laid out alone, then packed in rows by size.

    A seeded Fruchterman-Reingold (spring) layout: networkx's for components under 500
    entities, :func:`force_layout` (numpy only, no scipy) beyond. Lone entities line up
    after the larger components instead of being flung to the edges.
    """
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(net.nodes)
    graph.add_edges_from((e.source, e.target) for e in net.edges if e.source != e.target)
    if graph.number_of_nodes() == 0:
        return {}
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    sides = [max(0.6, math.sqrt(len(c))) for c in components]
    width = max(max(sides), 1.3 * math.sqrt(sum(s * s for s in sides)))
    gap = 0.5
    pos: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for comp, side in zip(components, sides):
        if x > 0 and x + side > width:
            x, y, row_height = 0.0, y - row_height - gap, 0.0
        for nid, (px, py) in _component_layout(graph.subgraph(comp), seed).items():
            pos[nid] = (x + px * side, y - side + py * side)
        x += side + gap
        row_height = max(row_height, side)
    return pos


def _labelled(net: ViewNetwork, deg: dict[str, int]) -> set[str]:
    if len(net.nodes) <= LABEL_LIMIT:
        return set(net.nodes)
    ranked = sorted(net.nodes, key=lambda nid: (nid not in net.focus, -deg[nid], nid))
    return set(ranked[:LABEL_LIMIT])


def draw(net: ViewNetwork, *, title: str | None = None, size: tuple[float, float] = (11.0, 8.5),
         seed: int = 7) -> Any:
    """A matplotlib ``Figure`` of the view (no pyplot, no global state)."""
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    fig = Figure(figsize=size, layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_title(title or net.title, fontsize=13, parse_math=False)
    pos = layout(net, seed=seed)
    deg = net.degrees()
    top = max(deg.values(), default=0) or 1
    if net.edges:
        ax.add_collection(LineCollection(
            [(pos[e.source], pos[e.target]) for e in net.edges],
            colors=[relation_colour(e.type) for e in net.edges],
            linewidths=[0.8 + min(3.0, math.log2(max(e.support, 1))) for e in net.edges], alpha=0.7, zorder=1))
    if pos:
        ids = list(net.nodes)
        shrink = min(1.0, math.sqrt(80 / len(ids)))  # smaller dots in crowded views
        ax.scatter([pos[i][0] for i in ids], [pos[i][1] for i in ids],
                   s=[shrink * (40 + 460 * math.sqrt(deg[i] / top)) for i in ids],
                   c=[type_colour(net.nodes[i].type) for i in ids],
                   edgecolors=["#222222" if i in net.focus else "white" for i in ids],
                   linewidths=[2.0 if i in net.focus else 0.6 for i in ids], zorder=2)
        for nid in _labelled(net, deg):
            x, y = pos[nid]
            ax.annotate(node_label(net.nodes[nid]), (x, y), xytext=(0, 7), textcoords="offset points",
                        ha="center", va="bottom", fontsize=8, zorder=3, parse_math=False,
                        bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.6})
        ax.margins(0.08)
    handles = [Line2D([], [], marker="o", linestyle="", markersize=8, color=type_colour(t), label=t)
               for t in net.types()]
    handles += [Line2D([], [], color=relation_colour(r), linewidth=2, label=relation_label(r))
                for r in net.relation_types()]
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    notes = list(net.messages) or [f"{len(net.nodes):,} entities, {len(net.edges):,} relationships"]
    fig.text(0.01, 0.005, "  ".join(notes), fontsize=7, color="#555555", parse_math=False, wrap=True)
    return fig


def write_image(net: ViewNetwork, path: str | Path, *, title: str | None = None, dpi: int = 150,
                seed: int = 7) -> Path:
    """Write the figure; the format follows the suffix (``.png``, ``.svg`` or ``.pdf``)."""
    out = Path(path)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ConfigError(f"{out}: unknown image format {out.suffix!r}; use one of .png, .svg, .pdf")
    out.parent.mkdir(parents=True, exist_ok=True)
    import matplotlib

    # a fixed salt keeps SVG element ids, and so the file, the same from run to run
    with warnings.catch_warnings(), matplotlib.rc_context({"svg.hashsalt": "aikg", "svg.fonttype": "path"}):
        warnings.filterwarnings("ignore", message="Glyph .* missing from")  # CJK names in a Latin font
        fig = draw(net, title=title, seed=seed)
        fig.savefig(out, format=fmt, dpi=dpi, facecolor="white", metadata=_metadata(fmt))
    return out


def _metadata(fmt: str) -> dict[str, Any] | None:
    # no creation date, so the same view gives the same file
    if fmt == "svg":
        return {"Date": None}
    if fmt == "pdf":
        return {"CreationDate": None}
    if fmt == "png":
        return {"Software": "aikg"}
    return None
