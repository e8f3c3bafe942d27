"""Counts a load of several batches adds to entities it does not otherwise write, kept until the run's end
(issue 18).

A relationship's ends lie anywhere in the graph. Writing what a batch adds to them (``degree``, ``rel_docs``,
``linked_at``, and ``mention_count`` / ``doc_count`` of an entity mentioned again) with every batch was one node
write per end and batch, each re-indexing the node's full-text entry: on the 20k-entity bench more count rows than
relationships, and more per relationship the more batches a load has. A run of several batches keeps those counts
here instead and writes them once when it ends (load_entity_counts.cypher), or with the entity's own row when a
later batch writes the entity anyway. Facts stay atomic per document; the counts of a run are exact once it ends.

Every document the run writes meanwhile carries ``counts_pending``; the run's last write removes it. A run stopped
before that (a crash, a full disk) leaves it behind, and the next load first recounts every entity's counts from the
graph (:func:`recover`), so no count is lost for good.

A run that found no kept cluster profile when it started also keeps the relationships that change the cluster
summaries (``clusters`` / ``cluster_ids``, people's affiliations: refresh_summaries.cypher) and recomputes those
summaries once at its end, for each entity once, instead of once per batch that touches it (the members of a
place were recomputed by every batch that gave the place a metro). :func:`recover` recomputes them too.

Entities new to the store are not kept here at all: the run creates each with the counts (and, when every entity of
the run is new, the cluster summaries) the whole run gives it (graph/loader.py ``_precount``), so a run stopped
midway leaves them ahead of the graph until :func:`recover`, and a run in which a document fails recovers at its end.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from aikg.core.errors import StoreError
from aikg.core.locking import write_lock
from aikg.core.paths import home_dir
from aikg.graph import change_keys, summaries
from aikg.graph.cypher_files import statement
from aikg.graph.store import GraphStore, Statement

MARK = "counts_pending"  # Document property (load_counts_done.cypher, load_counts_pending.cypher) of a run whose counts are not all written yet
COUNT_KEYS = ("id", "mentions", "docs", "degree", "rel_docs", "linked")  # the rows of load_entity_counts.cypher
PAGE = 5000  # rows per write
_ADDED = ("mentions", "docs", "degree", "rel_docs")


class PendingCounts:
    """What the batches of one run added to entities and have not written yet, by entity id.

    A batch stages what it adds (:meth:`stage`) and takes what it writes anyway (:meth:`absorb`); both take effect
    when its write is committed (:meth:`commit`) and are forgotten when it fails (:meth:`rollback`)."""

    def __init__(self, *, refresh_at_end: bool = False, all_new: bool = False) -> None:
        self.rows: dict[str, dict[str, Any]] = {}
        self._staged: list[dict[str, Any]] = []
        self._absorbed: list[str] = []
        self.refresh_at_end = refresh_at_end  # the cluster summaries too (see the module's docstring)
        self.refresh: set[tuple[str, str, str]] = set()  # relationships (type, source, target) written, not refreshed
        self._staged_refresh: list[tuple[str, str, str]] = []
        self._staged_names: dict[str, str] = {}
        self.all_new = all_new  # no entity of the run was in the store when it started: summaries from the run alone
        self.names: dict[str, str] = {}  # the names of those relationships' ends (all_new)

    def stage_refresh(self, keys: Iterable[tuple[str, str, str]], names: dict[str, str]) -> None:
        """Keep the relationships a batch writes whose ends' cluster summaries are recomputed at the run's end
        (``names``: the batch's entity names by id; those of the ends are kept)."""
        found = [k for k in keys if k[0] in summaries.REFRESHED_BY]
        self._staged_refresh.extend(found)
        if self.all_new:
            for _, source, target in found:
                self._staged_names[source], self._staged_names[target] = names[source], names[target]

    def absorb(self, row: dict[str, Any]) -> None:
        """Add the counts kept for this entity to a row the batch writes (changed in place)."""
        kept = self.rows.get(row["id"])
        if kept is None:
            return
        for key in _ADDED:
            row[key] += kept[key]
        row["linked"] = row["linked"] or kept["linked"]
        self._absorbed.append(row["id"])

    def stage(self, row: dict[str, Any]) -> None:
        """Keep what the batch adds to an entity it does not write."""
        self._staged.append(row)

    def commit(self) -> None:
        for eid in self._absorbed:
            self.rows.pop(eid, None)
        for row in self._staged:
            kept = self.rows.get(row["id"])
            if kept is None:
                self.rows[row["id"]] = {k: row[k] for k in COUNT_KEYS}
                continue
            for key in _ADDED:
                kept[key] += row[key]
            kept["linked"] = kept["linked"] or row["linked"]
        self.refresh.update(self._staged_refresh)
        self.names.update(self._staged_names)
        self.rollback()

    def rollback(self) -> None:
        self._staged, self._absorbed, self._staged_refresh, self._staged_names = [], [], [], {}

    def flush(self, store: GraphStore, now: str, *, intern: bool) -> None:
        """Write every kept count, a page per write; the last write also removes the run's marks."""
        rows = sorted(self.rows.values(), key=lambda r: r["id"])
        counts = statement("load_entity_counts").replace("{intern}", "intern" if intern else "")
        pages: list[list[Statement]] = [[(counts, {"rows": rows[i:i + PAGE], "now": now})]
                                        for i in range(0, len(rows), PAGE)]
        pages += [[stmt] for stmt in (self._summary_pages() if self.all_new else _refresh_pages(self.refresh))]
        pages.append([(statement("load_counts_done"), {})])
        if len(pages) > 1:  # the mark goes with the last page
            done = pages.pop()
            pages[-1] += done
        for stmts in pages:
            store.write_atomic(stmts)
        self.rows.clear()
        self.refresh.clear()
        self.names.clear()

    def _summary_pages(self) -> list[Statement]:
        """load_cluster_summaries.cypher: the kept relationships' ends' cluster summaries, computed here."""
        fields = ("clusters", "cluster_ids", "affiliated_cluster_count", "affiliated_clusters", "affiliations")
        found = summaries.compute(self.names, ((t, s, o, ()) for t, s, o in self.refresh))
        rows = [{"id": eid, **{k: row.get(k) for k in fields}} for eid, row in sorted(found.items())
                if any(k in row for k in fields)]
        return [(statement("load_cluster_summaries"), {"rows": rows[i:i + PAGE]}) for i in range(0, len(rows), PAGE)]


def _refresh_pages(keys: Iterable[tuple[str, str, str]]) -> list[Statement]:
    """refresh_summaries.cypher for these relationships, at most PAGE ids of each kind per statement."""
    found = summaries.refresh_statement(keys)
    if found is None:
        return []
    cypher, params = found
    pages = max(len(ids) for ids in params.values())
    return [(cypher, {kind: ids[i:i + PAGE] for kind, ids in params.items()}) for i in range(0, pages, PAGE)]


def needs_recovery(store: GraphStore) -> bool:
    """True when a run that kept counts stopped before writing them (a document still carries the mark)."""
    return bool(store.read(statement("load_counts_pending")))


def recover(store: GraphStore, page: int = PAGE) -> None:
    """Recount every entity's counts from the graph (after a run stopped before writing its kept counts), then
    remove the marks: mention and document counts, degree and rel_docs (refresh_counts.cypher), linked_at (set, and
    removed where a run set it ahead for a relationship it did not write), and the cluster summaries (a run that
    kept them to its end)."""
    ids = [r["id"] for r in store.read("MATCH (n:Entity) RETURN n.id AS id ORDER BY id")]
    for i in range(0, len(ids), page):
        store.write_atomic([(statement("recount_mentions"), {"ids": ids[i:i + page]}),
                            (statement("refresh_counts"), {"ids": ids[i:i + page]})])
    summaries.refresh_all(store, page)  # the cluster summaries a run may have kept to its end (counts again too)
    store.write_atomic([(change_keys.BACKFILL, {}), (statement("recount_linked"), {}),
                        (statement("load_counts_done"), {})])


def settle(store: GraphStore, home: str | Path | None = None) -> str | None:
    """Before a command reads the graph: counts left pending by a load that stopped (a crash, a killed server)
    are recounted now, so no command reads them low; a load that is running keeps its counts pending by design
    (exact when it ends). Returns a note for the user, or None when nothing was pending.

    The recount takes the home's write lock (or runs under it when this process is the writer), so it never
    races a load; it is one pass over the entities (:func:`recover`), once."""
    if not needs_recovery(store):
        return None
    lock_file = home_dir(home) / "write.lock"
    with contextlib.ExitStack() as held:
        if _holder(lock_file) != f"pid {os.getpid()}":
            try:
                held.enter_context(write_lock(home, wait=False))
            except StoreError:
                return ("a load is running in this home: the counts of its documents (degree, mentions, "
                        "documents per entity) and the cluster summaries are written when it ends")
        if not needs_recovery(store):  # recounted by the writer that held the lock
            return None
        try:
            recover(store)
        except StoreError as exc:
            return (f"a load stopped before writing the counts it kept, and they could not be recounted now ({exc}); "
                    "degree and mention counts read low until the next load recounts them")
    return "a load had stopped before writing the counts it kept: they were recounted from the graph"


def _holder(lock_file: Path) -> str:
    try:
        return lock_file.read_text("utf-8").strip()
    except OSError:
        return ""
