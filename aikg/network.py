"""Network exports of a catalog query's edges (the face joins the catalog and the graph layer).

The whole-graph export is :func:`aikg.graph.network_export.export_network`; this adds the
``--query NAME --param k=v`` form used by ``aikg export graphml|gexf`` and the web explorer.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from aikg.core.errors import QueryError
from aikg.graph.network_export import ExportReport, export_network, read_network, write_network
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


PARAM = "min_confidence"


def with_min_confidence(name: str, params: Mapping[str, Any] | None, min_confidence: float | None) -> dict[str, Any]:
    """``params`` with the catalog query's ``min_confidence`` set (``--min-confidence``); a query that declares
    none is refused by name, listing those that do, and the value may not also come through ``--param``."""
    out = dict(params or {})
    if min_confidence is None:
        return out
    catalog = load_catalog()
    if PARAM not in {p.name for p in catalog.get(name).params}:
        takes = [q.name for q in catalog if any(p.name == PARAM for p in q.params)]
        raise QueryError(f"query {name} takes no minimum confidence (its rows are not extracted relationships); "
                         f"queries that do: {', '.join(takes)}")
    if PARAM in out:
        raise QueryError(f"query {name}: give the minimum confidence once (--min-confidence or --param {PARAM}=...)")
    out[PARAM] = min_confidence
    return out


def export(store: GraphStore, path: str | Path, fmt: str, query: str | None = None,
           params: Mapping[str, Any] | None = None, min_confidence: float | None = None) -> ExportReport:
    """GraphML/GEXF of the whole graph, or of the edges a catalog query returns; ``min_confidence`` leaves
    out weaker relationships (the query's own parameter, or a filter on the whole graph's edges)."""
    if query is None:
        if params:
            raise QueryError("--param needs --query (the whole graph takes no parameters)")
        if not min_confidence:
            return export_network(store, path, fmt)
        graph = read_network(store)
        graph.remove_edges_from([(u, v, k) for u, v, k, c in graph.edges(keys=True, data="confidence")
                                 if c is not None and c < min_confidence])
        out = write_network(graph, path, fmt)
        return ExportReport(out, fmt, graph.number_of_nodes(), graph.number_of_edges())
    return export_network(store, path, fmt, edges=query_edges(store, query, with_min_confidence(query, params, min_confidence)))
