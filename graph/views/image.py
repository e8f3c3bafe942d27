"""A static figure of a view for reports and papers: networkx layout, matplotlib (Agg), PNG, SVG or PDF."""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aikg.core.errors import ConfigError
from aikg.graph.views.labels import Label, centre, disc_box, node_centres, place
from aikg.graph.views.layout import Pos, arrange, force_layout, group_of, layout  # noqa: F401 (kept importable here)
from aikg.graph.views.model import ViewNetwork
from aikg.graph.views.style import node_label, relation_colour, relation_label, type_colour

FORMATS = ("png", "svg", "pdf")
DEFAULT_LABELS = 20  # name this many entities (the most connected); the rest are dots with a colour
LABEL_PAD = 1.5  # points kept clear around each label
LABEL_GID = "aikg-label-"


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


def label_order(net: ViewNetwork, deg: dict[str, int], limit: int,
                groups: Sequence[tuple[str | None, list[str]]] = ()) -> list[str]:
    """The entities to label: the view's centre, the clusters heading groups of three or more, then the
    most connected (ties: more documents, name); at most ``limit``."""
    hubs = {hub: -len(ids) for hub, ids in groups if hub is not None and len(ids) >= 3}
    ranked = sorted(net.nodes, key=lambda nid: (nid not in net.focus, nid not in hubs, hubs.get(nid, 0), -deg[nid],
                                                -net.nodes[nid].doc_count, net.nodes[nid].name, nid))
    return ranked[:max(limit, 0)]


def label_artists(fig: Any) -> list[Any]:
    """The label texts of a figure drawn here (what the overlap checks measure)."""
    return [t for ax in fig.axes for t in ax.texts if str(t.get_gid() or "").startswith(LABEL_GID)]


def _edges(ax: Any, net: ViewNetwork, pos: Pos, group: dict[str, str | None]) -> None:
    """Relationships as lines; those between two cluster groups fainter, so each group reads as one."""
    from matplotlib.collections import LineCollection

    for inner in (False, True):
        edges = [e for e in net.edges if (group.get(e.source) == group.get(e.target)) == inner]
        if edges:
            ax.add_collection(LineCollection(
                [(pos[e.source], pos[e.target]) for e in edges], colors=[relation_colour(e.type) for e in edges],
                linewidths=[(0.8 + min(3.0, math.log2(max(e.support, 1)))) * (1.0 if inner else 0.6) for e in edges],
                alpha=0.7 if inner else 0.3, zorder=1))


def _nodes(ax: Any, net: ViewNetwork, pos: Pos, deg: dict[str, int]) -> dict[str, float]:
    """Draw the nodes; returns each node's marker area in points² (for the label placement)."""
    ids = list(net.nodes)
    top = max(deg.values(), default=0) or 1
    shrink = min(1.0, math.sqrt(80 / len(ids)))  # smaller dots in crowded views
    areas = {i: shrink * (40 + 460 * math.sqrt(deg[i] / top)) for i in ids}
    ax.scatter([pos[i][0] for i in ids], [pos[i][1] for i in ids], s=[areas[i] for i in ids],
               c=[type_colour(net.nodes[i].type) for i in ids],
               edgecolors=["#222222" if i in net.focus else "white" for i in ids],
               linewidths=[2.0 if i in net.focus else 0.6 for i in ids], zorder=2)
    return areas


def _legend(ax: Any, net: ViewNetwork) -> Any:
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], marker="o", linestyle="", markersize=8, color=type_colour(t), label=t)
               for t in net.types()]
    handles += [Line2D([], [], color=relation_colour(r), linewidth=2, label=relation_label(r))
                for r in net.relation_types()]
    if not handles:
        return None
    return ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False,
                     title="Entities and relationships", title_fontsize=8, alignment="left")


def _place_labels(fig: Any, ax: Any, net: ViewNetwork, pos: Pos, areas: dict[str, float], chosen: list[str],
                  obstacles: list[Any]) -> int:
    """Put each chosen label beside its node where it meets no other label; returns how many were left out.

    The figure is drawn once first, so the layout and the data-to-pixel transform are final;
    then the layout engine is switched off so adding the labels moves nothing.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    fig.canvas.draw()
    fig.set_layout_engine("none")
    ax.set_autoscale_on(False)
    renderer = fig.canvas.get_renderer()
    px = fig.dpi / 72.0
    to_px = ax.transData.transform
    discs = {nid: disc_box(tuple(to_px(pos[nid])), math.sqrt(areas[nid]) / 2 * px + 1) for nid in net.nodes}
    texts, requests = {}, []
    for i, nid in enumerate(chosen):
        text = ax.text(*pos[nid], node_label(net.nodes[nid]), fontsize=8, ha="center", va="center", zorder=3,
                       parse_math=False, gid=f"{LABEL_GID}{i}",
                       bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7})
        extent = text.get_window_extent(renderer)
        texts[nid] = text
        at = tuple(to_px(pos[nid]))
        radius = math.sqrt(areas[nid]) / 2 * px
        requests.append(Label(nid, extent.width, extent.height,
                              node_centres(at, radius, extent.width, extent.height, LABEL_PAD * px + 2)))
    box = ax.get_window_extent(renderer)
    blocked = [tuple(o.get_window_extent(renderer).extents) for o in obstacles if o is not None]
    placed = place(requests, obstacles=blocked, soft=[discs[nid] for nid in net.nodes],
                          bounds=tuple(box.extents), pad=LABEL_PAD * px)
    for nid, text in texts.items():
        if nid in placed:
            text.set_position(tuple(ax.transData.inverted().transform(centre(placed[nid]))))
        else:
            text.remove()
    return len(chosen) - len(placed)


def draw(net: ViewNetwork, *, title: str | None = None, size: tuple[float, float] = (11.0, 8.5),
         seed: int = 7, max_labels: int = DEFAULT_LABELS, dpi: int = 150) -> Any:
    """A matplotlib ``Figure`` of the view (no pyplot, no global state).

    Only the ``max_labels`` most connected entities are named (the centre of the view first),
    each where it overlaps no other label; a legend names the entity and relationship types.
    """
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, dpi=dpi, layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_aspect("equal", adjustable="datalim")
    heading = ax.set_title(title or net.title, fontsize=13, parse_math=False)
    pos, groups = arrange(net, seed=seed)
    deg = net.degrees()
    _edges(ax, net, pos, group_of(groups) if groups else {})
    areas = _nodes(ax, net, pos, deg) if pos else {}
    if pos:
        ax.margins(0.08)
    legend = _legend(ax, net)
    notes = list(net.messages) or [f"{len(net.nodes):,} entities, {len(net.edges):,} relationships"]
    chosen = label_order(net, deg, max_labels, groups) if pos else []
    if groups:
        notes.append("Grouped by cluster: each cluster amid the organisations located in it or anchoring it "
                     "(faint lines join groups).")
    if len(chosen) < len(net.nodes):
        notes.append(f"Names shown for the {len(chosen)} most connected entities.")
    footer = fig.text(0.01, 0.005, "  ".join(notes), fontsize=7, color="#555555", parse_math=False, wrap=True)
    if chosen:
        left_out = _place_labels(fig, ax, net, pos, areas, chosen, [legend, heading, footer])
        if left_out:
            footer.set_text(footer.get_text() + f" {left_out} of them without room for a name.")
    return fig


def write_image(net: ViewNetwork, path: str | Path, *, title: str | None = None, dpi: int = 150,
                seed: int = 7, max_labels: int = DEFAULT_LABELS) -> Path:
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
        fig = draw(net, title=title, seed=seed, max_labels=max_labels, dpi=dpi)
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
