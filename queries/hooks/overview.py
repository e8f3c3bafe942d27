"""cluster_overview: clusters with kept counts and clusters counted in the graph come from two branches,
each in order and cut at ``limit``; put them in one order (largest first, then name and id) and cut again."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from aikg.graph.store import GraphStore
    from aikg.queries.catalog import Query


def prepare(store: "GraphStore", query: "Query", values: dict[str, Any], send: dict[str, Any]) -> dict[str, Any]:
    return send


def _key(row: tuple[Any, Any, Any]) -> tuple[Any, ...]:
    """ORDER BY organisations DESC, cluster_name, cluster (a missing name last, as Cypher sorts nulls)."""
    organisations, name, cid = row
    return -(organisations or 0), name is None, name or "", cid


def finish(df: "pd.DataFrame", query: "Query", values: dict[str, Any]) -> "pd.DataFrame":
    if df.empty:
        return df
    keys = list(zip(df["organisations"].tolist(), df["cluster_name"].tolist(), df["cluster"].tolist(), strict=True))
    order = sorted(range(len(keys)), key=lambda i: _key(keys[i]))[: values["limit"]]
    return df.take(order).reset_index(drop=True)
