"""Interactive HTML views and static figures of the graph.

Build a :class:`ViewNetwork` from the store (or from a query result), then write it::

    from aikg.graph import views
    net = views.network_around(store, "Vector Institute", depth=2)
    views.write_html(net, "vector.html")      # standalone page, no network requests
    views.write_image(net, "vector.png")      # PNG, SVG or PDF for reports

The cluster map (clusters joined by the partners they share) is :mod:`aikg.graph.views.cluster_map`
(the model and a label-safe layout) and :mod:`aikg.graph.views.cluster_map_draw` (figure and page).

Building is separate from writing: ``aikg.graph.views.model`` is pure, ``aikg.graph.views.fetch`` reads
the store, ``aikg.graph.views.html`` and ``aikg.graph.views.image`` write files. pyvis, networkx and
matplotlib are imported only when a file is written.
"""

from __future__ import annotations

from typing import Any

from aikg.graph.edge_list import EDGE_COLUMNS
from aikg.graph.views.fetch import (
    DEFAULT_MAX_NODES,
    AmbiguousEntityError,
    UnknownEntityError,
    cluster_network,
    find_node,
    network_around,
    network_from_edges,
    whole_graph,
)
from aikg.graph.views.model import (
    ViewEdge,
    ViewNetwork,
    ViewNode,
    build_network,
    cap_network,
    filter_network,
)

__all__ = [
    "DEFAULT_MAX_NODES", "EDGE_COLUMNS", "AmbiguousEntityError", "UnknownEntityError", "ViewEdge", "ViewNetwork",
    "ViewNode", "build_network", "cap_network", "cluster_network", "filter_network", "network_around",
    "network_from_edges", "render_html", "find_node", "whole_graph", "write_html", "write_image",
]


def write_html(net: ViewNetwork, path: Any, title: str | None = None, **options: Any) -> Any:
    """Write ``net`` as a standalone interactive HTML page (see :mod:`aikg.graph.views.html`)."""
    from aikg.graph.views.html import write_html as _write

    return _write(net, path, title, **options)


def render_html(net: ViewNetwork, title: str | None = None, **options: Any) -> str:
    from aikg.graph.views.html import render_html as _render

    return _render(net, title, **options)


def write_image(net: ViewNetwork, path: Any, **options: Any) -> Any:
    """Write a static PNG, SVG or PDF of ``net`` (see :mod:`aikg.graph.views.image`)."""
    from aikg.graph.views.image import write_image as _write

    return _write(net, path, **options)
