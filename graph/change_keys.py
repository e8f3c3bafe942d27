"""``linked_at``: where changes_since finds the relationships first seen since a date (issue 18).

changes_since read each relationship type's ``first_seen`` index: nine indexes over every relationship,
246 bytes per relationship of the embedded store's memory (a fifth of it). Instead one end of each
relationship carries ``linked_at``, the latest ``first_seen`` of the relationships it was chosen for (set
by load_relations.cypher when one is created, never lowered), under one index over entities. A
relationship first seen on or after a date has an end whose ``linked_at`` is on or after it, so the query
reads those entities' relationships (both directions) and keeps the ones whose own ``first_seen``
qualifies: the same rows, whichever end was chosen. The end chosen is the one with fewer relationships
when it is created (the start on a tie), so a hub that gains one partner is not a reason to read all of
its relationships: the partner is.

A store written by an older aikg gets ``linked_at`` from its relationships when opened (embedded) or
before the first write (Neo4j); until then changes_since reads every relationship.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from aikg.graph.store import keys_ready

PROPERTY = "linked_at"
#: every entity's linked_at from the relationships it is the lesser end of (one write; running it again
#: changes nothing)
BACKFILL = ("MATCH (a:Entity)-[r]->(b:Entity) "
            "WITH CASE WHEN coalesce(a.degree, 0) <= coalesce(b.degree, 0) THEN a ELSE b END AS e, r.first_seen AS f "
            "WITH e, max(f) AS latest SET e.linked_at = latest")


def marked_end(source: str, target: str, degree: Mapping[str, int]) -> str:
    """The end of a relationship that carries its ``linked_at``: the one with fewer relationships (the start
    on a tie), as load_relations.cypher and :data:`BACKFILL` choose it."""
    return source if degree.get(source, 0) <= degree.get(target, 0) else target


def linked_at(relationships: Iterable[tuple[str, str, str]], degree: Mapping[str, int]) -> dict[str, str]:
    """``linked_at`` of every entity from ``(source, target, first_seen)`` triples (bulk export, bench graphs)."""
    out: dict[str, str] = {}
    for source, target, first_seen in relationships:
        end = marked_end(source, target, degree)
        out[end] = max(out.get(end, ""), first_seen)
    return out


def ready(store: Any) -> bool:
    """Whether every entity of the store carries ``linked_at`` (remembered once true)."""
    return keys_ready(store, PROPERTY)
