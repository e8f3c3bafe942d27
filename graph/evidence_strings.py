"""Share the relationship strings of an embedded store written before the loader interned them (issue 18).

The loader interns relationship strings on the embedded store (graph/cypher/load_relations.cypher): FalkorDB
keeps one copy of a document id, a sentence, an extractor or a timestamp however many relationships hold it.
A store written by an older aikg holds a copy on every relationship. It answers the same (the layout did not
change); :func:`share_strings` gives it the smaller footprint by rewriting the same values interned, a page of
entities at a time. Each page is one write, so a run can stop anywhere and running it again finishes the job
(and changes nothing on a store already shared). Neo4j has no interned strings: nothing to do there.
"""

from __future__ import annotations

from collections.abc import Callable

from aikg.graph.cypher_files import statement
from aikg.graph.store import GraphStore

PAGE = 2000  # entities per write
ENTITY_IDS = "MATCH (n:Entity) RETURN n.id AS id ORDER BY id SKIP $skip LIMIT $limit"


def share_strings(store: GraphStore, *, page: int = PAGE, progress: Callable[[int], None] | None = None) -> int:
    """Rewrite every relationship's strings interned (embedded store); returns the relationships rewritten.

    Paged by position over the sorted ids, as the exports are (graph/bulk.py): entities are not added or
    removed by this pass, so a page boundary never moves while it runs."""
    if getattr(store, "backend", "") != "embedded":
        return 0
    rewritten = skip = 0
    while True:
        ids = [r["id"] for r in store.read(ENTITY_IDS, {"skip": skip, "limit": page})]
        if not ids:
            return rewritten
        rows = store.write(statement("share_strings"), {"ids": ids}) or []
        rewritten += sum(r["rewritten"] for r in rows)
        skip += len(ids)
        if progress:
            progress(len(ids))
        if len(ids) < page:
            return rewritten
