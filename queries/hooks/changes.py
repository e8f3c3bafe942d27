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
#: the relationship rows' order: oldest first, then type, start and end (a relationship is one per type and pair)
RELATION_ORDER = ("first_seen", "type", "id", "target")
#: joins a relationship's sort keys into one string: the lowest character, so the joined strings sort as the
#: tuples of their parts would (none of them holds it: timestamps, schema types and entity ids)
SEP = "\x00"


def prepare(store: "GraphStore", query: "Query", values: dict[str, Any], send: dict[str, Any]) -> dict[str, Any]:
    from aikg.graph import change_keys

    # relationships are found from their start entities' linked_at; a store not yet migrated reads them all
    return {**send, "linked": change_keys.ready(store)}


def finish(df: "pd.DataFrame", query: "Query", values: dict[str, Any]) -> "pd.DataFrame":
    """Positions sorted in Python and taken at once (pandas' multi-column sort of 20,000 string rows and three
    boolean selections cost 0.4-0.8 s on the bench graph). The rows arrive grouped as the branches run, so only
    the relationship block is sorted, each row by one string key; the cycle collector is paused meanwhile (it
    walked the 20,000 new keys over and over; issue 18, docs/benchmarks.md)."""
    from aikg.core.collector import collector_paused

    if df.empty:
        return df
    with collector_paused():
        return df.take(_order(df)).reset_index(drop=True)


def _order(df: "pd.DataFrame") -> list[int]:
    """Row positions in the documented order: entities and documents as the query ordered them, relationships
    by RELATION_ORDER between them."""
    change = df["change"].tolist()
    at = _blocks(change)
    cols = [df[c].tolist() for c in RELATION_ORDER]
    rel = at["relation"]
    keys = {i: SEP.join([col[i] for col in cols]) for i in rel}
    if any(k.count(SEP) != len(cols) - 1 for k in keys.values()):
        tuples = list(zip(*cols, strict=True))  # a value holding the separator: compare as tuples
        at["relation"] = sorted(rel, key=tuples.__getitem__)
    else:
        at["relation"] = sorted(rel, key=keys.__getitem__)  # stable, as the rows of one key keep their order
    return [i for group in GROUPS for i in at[group]]


def _blocks(change: list[str]) -> dict[str, list[int]]:
    """Positions of each kind of change; the UNION ALL branches give one block each, in GROUPS order (any other
    arrangement is read row by row)."""
    counts = [change.count(group) for group in GROUPS]
    if sum(counts) == len(change):
        bounds = [0, counts[0], counts[0] + counts[1], len(change)]
        if all(change[bounds[k]:bounds[k + 1]].count(group) == counts[k] for k, group in enumerate(GROUPS)):
            return {group: list(range(bounds[k], bounds[k + 1])) for k, group in enumerate(GROUPS)}
    return {group: [i for i, c in enumerate(change) if c == group] for group in GROUPS}
