"""Draw a :class:`~aikg.graph.views.cluster_map.MapPlan`: a matplotlib figure (PNG/SVG/PDF) and a standalone page.

Both draw the plan as laid out, one point of the plan being one point of the figure and
``HTML_SCALE`` pixels of the page, so the labels stay where the plan put them: clear of each
other and of the circles. The page is built like every view page (pyvis data, vis-network
inlined from pyvis, our own escaping template; no request leaves the file).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from aikg.core.errors import ConfigError
from aikg.graph.views.cluster_map import ClusterMap, MapPlan, plan_map
from aikg.graph.views.labels import centre
from aikg.graph.views.style import TYPE_COLOURS

FORMATS = ("html", "png", "svg", "pdf")
CLUSTER_COLOUR = TYPE_COLOURS["Cluster"]
LINK_COLOUR = "#0072B2"
FONT_FAMILY = "DejaVu Sans"  # matplotlib's own font; the page asks for it first, so both measure alike
HTML_FONT_PX = 14.0
TITLE_BAND = 34.0  # points above the map; below it, the legend (as tall as its biggest circle) and a note
LABEL_GID = "aikg-map-label-"
NODE_GID = "aikg-map-node-"
LINK_NOTE = "Each line is labelled with the first shared partners (most mentioned first) and how many there are."
SIZE_NOTE = ("Circle area: the cluster's member organisations (in brackets). Line: partners the two clusters' "
             "anchors share, thicker for more, labelled with the first of them and the count.")


@cache
def _measurer(font: float) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(dpi=72)
    FigureCanvasAgg(fig)
    return fig, fig.canvas.get_renderer()


def measure(text: str, font: float) -> tuple[float, float]:
    """Width and height in points of ``text`` as the figure draws it (matplotlib's own text layout)."""
    fig, renderer = _measurer(font)
    artist = fig.text(0, 0, text, fontsize=font, family=FONT_FAMILY, ha="center", va="center", parse_math=False,
                      linespacing=1.15)
    try:
        box = artist.get_window_extent(renderer)
        return float(box.width), float(box.height)
    finally:
        artist.remove()


def plan(cmap: ClusterMap, seed: int = 7) -> MapPlan:
    """The map laid out with matplotlib's text measurements."""
    from aikg.graph.views.cluster_map import FONT

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from")
        return plan_map(cmap, lambda text: measure(text, FONT), seed=seed)


# -- the figure ------------------------------------------------------------------------------------

def legend_band(the_plan: MapPlan) -> float:
    """Points below the map for the legend and the note."""
    return 44.0


def _legend(fig: Any, total_height: float) -> None:
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], marker="o", linestyle="", markersize=10, color=CLUSTER_COLOUR, markeredgecolor="white",
                      label="cluster (area: member organisations, in brackets)"),
               Line2D([], [], color=LINK_COLOUR, linewidth=3, alpha=0.7,
                      label="partners the anchors share (thicker: more)")]
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 18 / total_height), ncol=2, fontsize=8,
               frameon=False, handlelength=2.5, borderaxespad=0.0, borderpad=0.0)
    fig.text(0.5, 4 / total_height, LINK_NOTE, fontsize=7, color="#555555", ha="center", va="bottom",
             parse_math=False)


def draw_map(cmap: ClusterMap, the_plan: MapPlan | None = None, *, title: str | None = None, dpi: int = 150) -> Any:
    """A matplotlib ``Figure`` of the map: one plan point is one figure point."""
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.patches import Circle

    the_plan = the_plan or plan(cmap)
    band = legend_band(the_plan)
    total = the_plan.height + TITLE_BAND + band
    fig = Figure(figsize=(the_plan.width / 72, total / 72), dpi=dpi)
    ax = fig.add_axes((0, band / total, 1, the_plan.height / total))
    ax.set_xlim(0, the_plan.width)
    ax.set_ylim(0, the_plan.height)
    ax.set_axis_off()
    fig.text(0.5, 1 - 8 / total, title or cmap.title, fontsize=13, ha="center", va="top", parse_math=False)
    nodes = the_plan.nodes
    ax.add_collection(LineCollection([(nodes[k.a][:2], nodes[k.b][:2]) for k, _ in the_plan.links],
                                     linewidths=[w for _, w in the_plan.links], colors=LINK_COLOUR, alpha=0.55,
                                     zorder=1))
    for i, (x, y, r) in enumerate(nodes.values()):
        ax.add_patch(Circle((x, y), r, facecolor=CLUSTER_COLOUR, edgecolor="white", linewidth=1.0, zorder=2,
                            gid=f"{NODE_GID}{i}"))
    for i, label in enumerate(the_plan.labels):
        cx, cy = centre(label.box)
        ax.text(cx, cy, label.text, fontsize=the_plan.font, family=FONT_FAMILY, ha="center", va="center",
                linespacing=1.15, zorder=3, parse_math=False, gid=f"{LABEL_GID}{i}",
                color="#222222" if label.key.startswith("cluster") else "#114477",
                bbox={"boxstyle": "square,pad=0.05", "fc": "white", "ec": "none", "alpha": 0.85})
    _legend(fig, total)
    return fig


def map_label_artists(fig: Any) -> list[Any]:
    """The label texts of a cluster-map figure (for the overlap checks)."""
    return [t for ax in fig.axes for t in ax.texts if str(t.get_gid() or "").startswith(LABEL_GID)]


def map_node_artists(fig: Any) -> list[Any]:
    return [p for ax in fig.axes for p in ax.patches if str(p.get_gid() or "").startswith(NODE_GID)]


def _save(cmap: ClusterMap, target: Any, fmt: str, the_plan: MapPlan | None, title: str | None, dpi: int) -> None:
    import matplotlib

    metadata = {"svg": {"Date": None}, "pdf": {"CreationDate": None}, "png": {"Software": "aikg"}}[fmt]
    with warnings.catch_warnings(), matplotlib.rc_context({"svg.hashsalt": "aikg", "svg.fonttype": "path"}):
        warnings.filterwarnings("ignore", message="Glyph .* missing from")
        fig = draw_map(cmap, the_plan, title=title, dpi=dpi)
        fig.savefig(target, format=fmt, dpi=dpi, facecolor="white", metadata=metadata)


def write_figure(cmap: ClusterMap, path: str | Path, the_plan: MapPlan | None = None, *, title: str | None = None,
                 dpi: int = 150) -> Path:
    """PNG, SVG or PDF of the map (by suffix); the same map gives the same SVG."""
    out = Path(path)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in FORMATS[1:]:
        raise ConfigError(f"{out}: unknown image format {out.suffix!r}; use one of .png, .svg, .pdf")
    out.parent.mkdir(parents=True, exist_ok=True)
    _save(cmap, out, fmt, the_plan, title, dpi)
    return out


def figure_bytes(cmap: ClusterMap, fmt: str = "svg", *, title: str | None = None, dpi: int = 150) -> bytes:
    """The figure as bytes (what the explorer serves)."""
    import io

    if fmt not in FORMATS[1:]:
        raise ConfigError(f"unknown image format {fmt!r}; use one of png, svg, pdf")
    buf = io.BytesIO()
    _save(cmap, buf, fmt, None, title, dpi)
    return buf.getvalue()


# -- the page --------------------------------------------------------------------------------------

def _vis_data(cmap: ClusterMap, the_plan: MapPlan) -> dict[str, Any]:
    """Nodes (circles and label texts at fixed places) and links for vis-network, via pyvis."""
    from pyvis.network import Network

    k = HTML_FONT_PX / the_plan.font
    vnet = Network(height="100%", width="100%", directed=False, cdn_resources="in_line")
    for cluster in cmap.clusters.values():
        x, y, r = the_plan.nodes[cluster.id]
        vnet.add_node(cluster.id, label=" ", shape="dot", size=round(r * k, 2), x=round(x * k, 2), y=round(-y * k, 2),
                      fixed=True, physics=False, title=cluster.tooltip, color=CLUSTER_COLOUR, borderWidth=1,
                      kind="cluster", name=cluster.name)
    for label in the_plan.labels:
        cx, cy = centre(label.box)
        vnet.add_node(f"label:{label.key}", label=label.text, shape="text", x=round(cx * k, 2), y=round(-cy * k, 2),
                      fixed=True, physics=False, title=label.tooltip, kind="label", margin=1,
                      font={"size": HTML_FONT_PX, "face": f"{FONT_FAMILY}, Verdana, sans-serif",
                            "color": "#222222" if label.key.startswith("cluster") else "#114477",
                            "background": "rgba(255,255,255,0.85)"})
    for i, (link, width) in enumerate(the_plan.links):
        vnet.add_edge(link.a, link.b, id=f"link:{i}", width=round(width * k, 2), title=link.tooltip(cmap.clusters),
                      color={"color": LINK_COLOUR, "opacity": 0.55, "highlight": LINK_COLOUR, "hover": LINK_COLOUR},
                      smooth=False)
    nodes, edges, *_ = vnet.get_network_data()
    options = {"physics": {"enabled": False}, "layout": {"randomSeed": 7, "improvedLayout": False},
               "interaction": {"hover": True, "dragNodes": False, "tooltipDelay": 150},
               "nodes": {"font": {"size": HTML_FONT_PX}}, "edges": {"smooth": False}}
    return {"nodes": nodes, "edges": edges, "options": options}


def render_page(cmap: ClusterMap, the_plan: MapPlan | None = None, *, title: str | None = None) -> str:
    """The standalone page as a string."""
    from markupsafe import Markup

    from aikg.graph.views.html import _environment, script_json, vis_assets

    the_plan = the_plan or plan(cmap)
    js, css = vis_assets()
    pairs = [{"a": cmap.clusters[k.a].name, "b": cmap.clusters[k.b].name, "shared": k.shared,
              "partners": ", ".join(k.partners) + (" …" if k.shared > len(k.partners) else "")} for k in cmap.links]
    context = {"title": title or cmap.title, "clusters": len(cmap.clusters), "pairs": pairs, "note": SIZE_NOTE,
               "messages": list(cmap.notes), "left_out": the_plan.left_out,
               "data_json": Markup(script_json(_vis_data(cmap, the_plan)))}
    return _environment().get_template("cluster_map.html").render(vis_js=Markup(js), vis_css=Markup(css), **context)


def write_page(cmap: ClusterMap, path: str | Path, the_plan: MapPlan | None = None, *,
               title: str | None = None) -> Path:
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_page(cmap, the_plan, title=title), encoding="utf-8")
    return out


def write_cluster_map(cmap: ClusterMap, folder: str | Path, formats: Sequence[str] = ("html", "png", "svg"), *,
                      stem: str = "clusters", title: str | None = None) -> list[Path]:
    """Write ``<folder>/<stem>.<format>`` for each format from one plan; returns the paths."""
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ConfigError(f"unknown cluster map format {', '.join(map(repr, bad))}; use some of: {', '.join(FORMATS)}")
    the_plan = plan(cmap)
    out = Path(folder)
    written = []
    for fmt in dict.fromkeys(formats):
        path = out / f"{stem}.{fmt}"
        written.append(write_page(cmap, path, the_plan, title=title) if fmt == "html"
                       else write_figure(cmap, path, the_plan, title=title))
    return written

