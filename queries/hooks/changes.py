"""changes_since: a change feed, a page at a time, newest first (issue 18).

The page is cheap to find: ``graph/cypher/change_floors.cypher`` reads, for each kind of change, the oldest
time among its ``limit`` newest (an index range and a top-``limit`` sort each; for relationships, the change
ledger's counts by load time, graph/change_ledger.py, or their start entities' linked_at in a store without
one); the latest of those times (the *floor*) bounds the page, since at least ``limit`` changes are at or after it. The query then reads only the
changes at or after the floor (at 300k entities, a month since: a day's changes instead of 74,239), and the
hook orders them and keeps the first ``limit``. Should the floor read fewer than ``limit`` rows (an entity's
``linked_at`` is never lowered, so after a removal it may promise a relationship that is gone), the page is
read again from ``since``: the rows are always the newest ``limit`` of every change since the date.

The total comes with the page (``attrs["total"]``): the entities and documents counted by index, the
relationships from the change ledger the loader keeps (graph/change_ledger.py: one count per load time), or,
in a store without one yet, per type from their start entities (``graph/cypher/change_count_relations.cypher``,
as long as reading them all). Asked for every change (``limit=0``) the query reads from ``since`` and the total
is the number of rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aikg.core.schema import SCHEMA
from aikg.graph import change_keys, change_ledger
from aikg.graph.cypher_files import relation_statement, statement

if TYPE_CHECKING:
    import pandas as pd

    from aikg.graph.store import GraphStore
    from aikg.queries.catalog import Query

GROUPS = ("entity", "relation", "document")
#: ties on first_seen: entities, then relationships, then documents; then type, id and end (a relationship is
#: one per type and pair, an entity or a document one per id)
TIE_ORDER = ("type", "id", "target")
#: joins a row's tie keys into one string: the lowest character, so the joined strings sort as the tuples of
#: their parts would (none of them holds it: schema types, document kinds, ids)
SEP = "\x00"
#: how the CLI names what a partial result counts (aikg/commands/query.py)
UNIT = "changes"


def prepare(store: "GraphStore", query: "Query", values: dict[str, Any], send: dict[str, Any]) -> dict[str, Any]:
    """``linked`` (a store not yet migrated reads every relationship) and the page's ``floor``."""
    linked = change_keys.ready(store)
    floor = values["since"]
    if linked and values["limit"] > 0:
        floor = page_floor(store, values)
    return {**send, "linked": linked, "floor": floor}


def page_floor(store: "GraphStore", values: dict[str, Any]) -> str:
    """The latest time at or after which ``limit`` changes of one kind are known to be: ``since`` if none is.
    Relationships are bounded by the change ledger where the store has one, else by linked_at."""
    since, kind, limit = values["since"], values["kind"], values["limit"]
    ledger = kind in ("all", "relations") and change_ledger.ready(store)
    rows = store.read(statement("change_floors"), {"since": since, "kind": kind, "limit": limit,
                                                   "by_linked": not ledger})
    floors = [since] + [r["floor"] for r in rows if r["n"] >= limit]
    if ledger:
        floors.append(change_ledger.newest_floor(store, since, limit) or since)
    return max(floors)


def read(store: "GraphStore", query: "Query", values: dict[str, Any], send: dict[str, Any]) -> tuple[
        list[dict[str, Any]], dict[str, Any]]:
    """The rows from the floor (again from ``since`` if the floor gave fewer than a page) and the total."""
    text = query.cypher(store.backend)
    rows = store.read(text, send)
    limit, since = values["limit"], values["since"]
    if send["floor"] != since and len(rows) < limit:
        send = {**send, "floor": since}
        rows = store.read(text, send)
    if send["floor"] == since:
        return rows, {"total": len(rows), "unit": UNIT}
    return rows, {"total": count(store, values), "unit": UNIT}


def count(store: "GraphStore", values: dict[str, Any]) -> int:
    """Every change since the date: entities and documents by index, relationships from the change ledger
    (graph/change_ledger.py), or type by type from their start entities while a store has none."""
    since, kind = values["since"], values["kind"]
    parts = [statement("change_count_entities")]
    ledger = kind in ("all", "relations") and change_ledger.ready(store)
    if not ledger:
        parts += [relation_statement("change_count_relations", t) for t in SCHEMA.relation_types]
    total = sum(r["n"] for r in store.read("\nUNION ALL\n".join(parts), {"since": since, "kind": kind}))
    return total + (change_ledger.relations_since(store, since) if ledger else 0)


def finish(df: "pd.DataFrame", query: "Query", values: dict[str, Any]) -> "pd.DataFrame":
    """The rows newest first and the page cut; positions sorted in Python and taken at once (pandas'
    multi-column sort of 20,000 string rows cost 0.4-0.8 s on the bench graph), each row by one string key,
    with the cycle collector paused (it walked the new keys over and over; issue 18, docs/benchmarks.md)."""
    from aikg.core.collector import collector_paused

    if df.empty:
        return df
    with collector_paused():
        order = _order(df)
        limit = values.get("limit", 0)
        return df.take(order[:limit] if limit else order).reset_index(drop=True)


def _order(df: "pd.DataFrame") -> list[int]:
    """Row positions newest first; ties by kind of change (GROUPS), then TIE_ORDER. Two stable sorts: by the
    tie key, then by first_seen in reverse (a reversed sort keeps equal items in their order)."""
    rank = {group: str(k) for k, group in enumerate(GROUPS)}
    change = df["change"].tolist()
    cols = [[rank.get(c, str(len(GROUPS))) for c in change]] + [
        ["" if v is None else str(v) for v in df[c].tolist()] for c in TIE_ORDER]
    keys = [SEP.join(parts) for parts in zip(*cols, strict=True)]
    if any(k.count(SEP) != len(cols) - 1 for k in keys):
        tied: list[Any] = list(zip(*cols, strict=True))  # a value holding the separator: compare as tuples
    else:
        tied = keys
    by_tie = sorted(range(len(change)), key=tied.__getitem__)
    seen = df["first_seen"].tolist()
    return sorted(by_tie, key=seen.__getitem__, reverse=True)
