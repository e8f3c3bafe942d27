"""graph_health: whether the duplicate check may read the kept name keys and marks (graph/name_keys.py) or must
fold every name and alias of the graph (a store not yet migrated, or Neo4j)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from aikg.graph.store import GraphStore
    from aikg.queries.catalog import Query


def prepare(store: "GraphStore", query: "Query", values: dict[str, Any], send: dict[str, Any]) -> dict[str, Any]:
    from aikg.graph import name_keys

    return {**send, "keyed": name_keys.ready(store)}


def finish(df: "pd.DataFrame", query: "Query", values: dict[str, Any]) -> "pd.DataFrame":
    return df
