"""The change ledger: how many relationships between entities each load created, by their ``first_seen``.

changes_since comes a page at a time with the number of changes since the date (queries/hooks/changes.py).
Entities and documents are counted from their indexes; relationships have no index on ``first_seen`` (246
bytes per relationship: graph/change_keys.py), and counting them from their start entities expands every
relationship of each entity that started a new one (at 300k entities, a month since: 476,376 expanded for
61,427 counted, as long as reading them). The ledger keeps one ``ChangeCount`` node per load time (``first_seen``, the
``first_seen`` the load gave, and ``relations``): the loader adds what it creates in the same atomic write
(change_ledger_add.cypher), a retraction subtracts what it deletes (retract_evidence.cypher), and the total
since a date is a sum over a few nodes.

A store written by an older aikg, or filled by another path (neo4j-admin import, a bench graph, a cleared
store), has no mark: it is built when the store opens (embedded) or before the first write (Neo4j), from one
read of every relationship; until then the total is counted from the relationships themselves.
"""

from __future__ import annotations

from typing import Any

from aikg.graph.cypher_files import statement
from aikg.graph.store import Statement

LABEL = "ChangeCount"


def add(now: str, created: int) -> list[Statement]:
    """The statement that counts ``created`` new relationships first seen at ``now`` (none when there are none)."""
    return [(statement("change_ledger_add"), {"now": now, "n": created})] if created else []


def rebuild_statements() -> list[Statement]:
    """The ledger built from the relationships (any ledger there is replaced), in one atomic write."""
    return [(statement("change_ledger_clear"), {}), (statement("change_ledger_count"), {})]


def ready(store: Any) -> bool:
    """Whether the store's ledger is complete (asked each time: a cleared store loses it)."""
    return bool(store.read(statement("change_ledger_ready"))[0]["n"])


def ensure(store: Any) -> bool:
    """Build the ledger unless it is complete; whether it was built now."""
    if ready(store):
        return False
    store.write_atomic(rebuild_statements())
    return True


def newest_floor(store: Any, since: str, limit: int) -> str | None:
    """The latest load time at or after which ``limit`` relationships were first seen (None: fewer since)."""
    seen = 0
    for row in store.read(statement("change_ledger_since"), {"since": since}):
        seen += row["n"]
        if seen >= limit:
            return row["at"]
    return None


def relations_since(store: Any, since: str) -> int:
    """Relationships between entities first seen on or after ``since``, from a complete ledger."""
    return int(store.read(statement("change_ledger_total"), {"since": since})[0]["n"])
