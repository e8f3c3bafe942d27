"""Write a view as one standalone HTML page: pyvis builds the vis-network data, our template draws the page.

Why not pyvis's own page: its template loads Bootstrap from cdn.jsdelivr.net whatever
``cdn_resources`` says (pyvis issues #228/#229), renders the heading unescaped and
twice, and pulls in tom-select. We keep pyvis for what it does well (nodes, edges,
options via ``add_node``/``add_edge``/``set_options``/``get_network_data``, and the
vis-network 9.1.2 files it ships) and inline those files into our own page, so a saved
file makes no network request.

Escaping: every value that comes from documents reaches the page either through the
autoescaping template (text and attributes) or inside the JSON data block, where ``<``,
``>`` and ``&`` are written as ``\\u003c`` etc. so the data can never close its
``<script>`` element or open a comment. Tooltips travel as plain text and the page
turns them into DOM text nodes (``textContent``), so no value is ever parsed as HTML.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path
from typing import Any

from aikg.core.paths import as_path, package_file
from aikg.graph.views.model import ViewNetwork
from aikg.graph.views.style import (
    edge_tooltip,
    node_label,
    node_size,
    node_tooltip,
    relation_colour,
    relation_label,
    type_colour,
)

TEMPLATE_DIR = as_path(package_file("aikg.graph.views", "templates"))
TEMPLATE = "view.html"
EDGE_LABEL_LIMIT = 40  # draw relationship names on edges only in small views
VIS_VERSION = "9.1.2"


def script_json(value: Any) -> str:
    """JSON safe to embed in an HTML ``<script>`` element (cannot contain ``</script`` or ``<!--``)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                     ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return text


@cache
def vis_assets() -> tuple[str, str]:
    """The vis-network script and stylesheet that pyvis ships, checked safe to inline."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / f"vis-{VIS_VERSION}"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():  # would end the inline element early
        raise RuntimeError(f"vis-network {VIS_VERSION} from pyvis cannot be inlined safely")
    return js, css


def physics_options(node_count: int) -> dict[str, Any]:
    """forceAtlas2Based, stabilised before the first draw; the page turns physics off afterwards."""
    iterations = 1000 if node_count <= 300 else 600
    return {
        "enabled": node_count > 1,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.01, "springLength": 110,
                             "springConstant": 0.08, "damping": 0.5, "avoidOverlap": 0.3},
        "maxVelocity": 50,
        "minVelocity": 1,
        "timestep": 0.5,
        "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25, "fit": True},
    }


def vis_options(net: ViewNetwork) -> dict[str, Any]:
    n = len(net.nodes)
    return {
        "physics": physics_options(n),
        "layout": {"randomSeed": 7, "improvedLayout": n <= 150},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": n > 300, "multiselect": True},
        "nodes": {"shape": "dot", "borderWidth": 1,
                  "font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"smooth": {"enabled": True, "type": "continuous"}, "selectionWidth": 2,
                  "font": {"size": 10, "align": "middle", "strokeWidth": 3, "color": "#444444"},
                  "arrows": {"to": {"enabled": False, "scaleFactor": 0.5}}},
    }


def to_pyvis(net: ViewNetwork, *, edge_labels: bool | None = None) -> Any:
    """The view as a ``pyvis.network.Network`` (not yet written)."""
    from pyvis.network import Network

    deg = net.degrees()
    top = max(deg.values(), default=0)
    focus = set(net.focus)
    vnet = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    for node in net.nodes.values():
        colour = type_colour(node.type)
        ring = "#222222" if node.id in focus else colour
        vnet.add_node(node.id, label=node_label(node),
                      color={"background": colour, "border": ring,
                             "highlight": {"background": colour, "border": "#000000"},
                             "hover": {"background": colour, "border": "#000000"}},
                      size=node_size(deg[node.id], top), title=node_tooltip(node, deg[node.id]),
                      borderWidth=4 if node.id in focus else 1, etype=node.type, degree=deg[node.id],
                      focus=node.id in focus, name=node.name)
    show_labels = len(net.edges) <= EDGE_LABEL_LIMIT if edge_labels is None else edge_labels
    for i, edge in enumerate(net.edges):
        colour = relation_colour(edge.type)
        options: dict[str, Any] = {
            "id": f"e{i}", "title": edge_tooltip(edge, net), "rtype": edge.type, "support": edge.support,
            "color": {"color": colour, "highlight": colour, "hover": colour, "opacity": 0.85},
            "width": round(1 + min(5.0, math.log2(max(edge.support, 1))), 2),
            "arrows": {"to": {"enabled": not edge.symmetric}},
        }
        if show_labels:
            options["label"] = edge.label or relation_label(edge.type)
        vnet.add_edge(edge.source, edge.target, **options)
    vnet.set_options(json.dumps(vis_options(net)))
    return vnet


def page_context(net: ViewNetwork, title: str | None = None, *, edge_labels: bool | None = None) -> dict[str, Any]:
    """Everything the template needs; text values are escaped by the template, data by :func:`script_json`."""
    vnet = to_pyvis(net, edge_labels=edge_labels)
    nodes, edges, _heading, _height, _width, options = vnet.get_network_data()
    type_counts: dict[str, int] = {}
    for node in net.nodes.values():
        type_counts[node.type] = type_counts.get(node.type, 0) + 1
    rel_counts: dict[str, int] = {}
    for edge in net.edges:
        rel_counts[edge.type] = rel_counts.get(edge.type, 0) + 1
    max_support = max((e.support for e in net.edges), default=0)
    data = {"nodes": nodes, "edges": edges, "options": json.loads(options) if isinstance(options, str) else options,
            "focus": list(net.focus)}
    return {
        "title": title or net.title,
        "messages": list(net.messages),
        "node_count": len(net.nodes),
        "edge_count": len(net.edges),
        "capped": net.capped,
        "total_nodes": net.total_nodes,
        "types": [{"name": t, "colour": type_colour(t), "count": type_counts[t]} for t in net.types()],
        "relations": [{"name": r, "label": relation_label(r), "colour": relation_colour(r), "count": rel_counts[r]}
                      for r in net.relation_types()],
        "max_support": max_support,
        "find": sorted(((n.name, n.type, n.id) for n in net.nodes.values()), key=lambda t: (t[0].casefold(), t[2])),
        "data_json": script_json(data),
    }


@cache
def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    return Environment(loader=FileSystemLoader(str(TEMPLATE_DIR)), autoescape=select_autoescape(default=True),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render_html(net: ViewNetwork, title: str | None = None, *, edge_labels: bool | None = None) -> str:
    """The page as a string (no I/O)."""
    from markupsafe import Markup

    js, css = vis_assets()
    ctx = page_context(net, title, edge_labels=edge_labels)
    ctx["data_json"] = Markup(ctx["data_json"])
    return _environment().get_template(TEMPLATE).render(vis_js=Markup(js), vis_css=Markup(css), **ctx)


def write_html(net: ViewNetwork, path: str | Path, title: str | None = None, *,
               edge_labels: bool | None = None) -> Path:
    """Write the standalone page to ``path`` (folders are created) and return the path."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(net, title, edge_labels=edge_labels), encoding="utf-8")
    return out
