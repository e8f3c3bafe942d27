"""``linked_at``: where changes_since finds the relationships first seen since a date (issue 18).

changes_since read each relationship type's ``first_seen`` index: nine indexes over every relationship,
246 bytes per relationship of the embedded store's memory (a fifth of it). Instead each entity keeps
``linked_at``, the latest ``first_seen`` of the relationships it starts (set by load_relations.cypher when
one is created, never lowered), under one index over entities. A relationship first seen on or after a
date starts at an entity whose ``linked_at`` is on or after it, so the query reads those entities'
relationships and keeps the ones whose own ``first_seen`` qualifies: the same rows.

On the 100k-entity bench graph (a month since) the look-up took 0.37x the time of reading every
relationship. Marking the end with fewer relationships instead of the start read fewer relationships but
took 0.82x: the undirected expansion costs more than it saves.

A store written by an older aikg gets ``linked_at`` from its relationships when opened (embedded) or
before the first write (Neo4j); until then changes_since reads every relationship.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from aikg.graph.store import keys_ready

PROPERTY = "linked_at"
#: every entity's linked_at from the relationships it starts (one write; running it again changes nothing)
BACKFILL = ("MATCH (a:Entity)-[r]->(:Entity) WITH a, max(r.first_seen) AS latest "
            "SET a.linked_at = latest")


def linked_at(relationships: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """``linked_at`` of every entity from ``(source, target, first_seen)`` triples (bulk export, bench graphs)."""
    out: dict[str, str] = {}
    for source, _target, first_seen in relationships:
        out[source] = max(out.get(source, ""), first_seen)
    return out


def ready(store: Any) -> bool:
    """Whether every entity of the store carries ``linked_at`` (remembered once true)."""
    return keys_ready(store, PROPERTY)
