"""Give an embedded store written by an older aikg the lean relationship layout of the loader (issue 18).

The loader interns relationship strings on the embedded store (graph/cypher/load_relations.cypher): FalkorDB
keeps one copy of a document id, a sentence, an extractor or a timestamp however many relationships hold it;
and it stores no page list when no piece of evidence has a page. A store written by an older aikg holds a copy
of every string on every relationship, and a list of zeros for every unpaged document. It answers the same;
:func:`share_strings` (``aikg store compact``) gives it the smaller footprint by rewriting the same values
interned and dropping the zero page lists, a page of entities at a time (the per-label indexes no query reads
are dropped when the store is opened: the embedded backend's apply_schema). Each page is one write, so a run
can stop anywhere and running it again finishes the job (and changes nothing on a store already compact). Neo4j has no interned strings: nothing to do there.
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
