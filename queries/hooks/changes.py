"""changes_since: the relationship rows come from their start entities (graph/change_keys.py), in no
particular order; put them in the documented order, oldest first across types, between the entity
rows and the document rows (which the query already orders)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from aikg.graph.store import GraphStore
    from aikg.queries.catalog import Query

GROUPS = ("entity", "relation", "document")


def prepare(store: "GraphStore", query: "Query", values: dict[str, Any], send: dict[str, Any]) -> dict[str, Any]:
    from aikg.graph import change_keys

    # relationships are found from their start entities' linked_at; a store not yet migrated reads them all
    return {**send, "linked": change_keys.ready(store)}


def finish(df: "pd.DataFrame", query: "Query", values: dict[str, Any]) -> "pd.DataFrame":
    import pandas as pd

    if df.empty:
        return df
    parts = [df[df["change"] == group] for group in GROUPS]
    parts[1] = parts[1].sort_values(["first_seen", "type", "id", "target"], kind="stable")
    return pd.concat(parts, ignore_index=True)
