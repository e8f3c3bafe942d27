"""Network exports of a catalog query's edges (the face joins the catalog and the graph layer).

The whole-graph export is :func:`aikg.graph.network_export.export_network`; this adds the
``--query NAME --param k=v`` form used by ``aikg export graphml|gexf`` and the web explorer.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from aikg.core.errors import QueryError
from aikg.graph.network_export import ExportReport, export_network
from aikg.graph.store import GraphStore
from aikg.queries.catalog import load_catalog, run_query


def edge_queries() -> list[str]:
    """Names of the catalog queries whose rows are relationships (they can be exported as a network)."""
    return [q.name for q in load_catalog() if q.returns_edges]


def query_edges(store: GraphStore, name: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """The rows of an edge-list query; a query that lists no relationships is refused by name."""
    query = load_catalog().get(name)
    if not query.returns_edges:
        raise QueryError(f"query {name} does not list relationships, so it has no network to export; "
                         f"queries that do: {', '.join(edge_queries())}")
    df = run_query(store, name, params)
    return [dict(row) for row in df.to_dict(orient="records")]


def export(store: GraphStore, path: str | Path, fmt: str, query: str | None = None,
           params: Mapping[str, Any] | None = None) -> ExportReport:
    """GraphML/GEXF of the whole graph, or of the edges a catalog query returns."""
    if query is None:
        if params:
            raise QueryError("--param needs --query (the whole graph takes no parameters)")
        return export_network(store, path, fmt)
    return export_network(store, path, fmt, edges=query_edges(store, query, params))
