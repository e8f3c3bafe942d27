"""``name_keys`` and ``has_duplicate``: where graph_health finds likely duplicates (issue 18).

graph_health's duplicate check folded every name and alias of the graph and sorted the keys to find equal
ones: 80% of the query, and 10 s at 300k entities. Instead each entity keeps ``name_keys`` (its names and
aliases folded as the query folds them, graph/cypher/name_keys_set.cypher) under an index on the list, and
every write marks with ``has_duplicate`` the entities it wrote and those of the same type that share a key
with them, each key looked up in the index (name_keys_mark.cypher). The query then groups only the keys of
marked entities: the same pairs, since an entity's names, aliases and type are never removed, so a pair once
found stays (a forced re-load retracts relationships and mentions, never names).

Kept on the embedded store, whose engine indexes a list property element by element; Neo4j's range indexes
do not answer ``k IN n.list``, so there graph_health reads every name as before. A store written by an older
aikg gets the keys and marks when opened (the index comes last, so a run stopped halfway does it again);
until then the query reads every name.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from aikg.graph.cypher_files import statement
from aikg.graph.store import Statement, keys_ready

PROPERTY = "name_keys"
MARK = "has_duplicate"


def statements(ids: Iterable[str], keyed: Collection[str] = ()) -> list[Statement]:
    """What a loader batch runs after writing the entities ``ids``: their keys, then the marks. ``keyed``: those
    written with their keys already (:func:`fold_keys`), which only need the marks."""
    found = sorted(set(ids))
    if not found:
        return []
    unkeyed = [i for i in found if i not in keyed]
    keys = [(statement("name_keys_set"), {"ids": unkeyed})] if unkeyed else []
    return keys + [(statement("name_keys_mark"), {"ids": found})]


def fold_keys(forms: Iterable[str]) -> list[str] | None:
    """The keys name_keys_set.cypher gives an entity with these names (its name first, then its aliases),
    computed here for a new entity (issue 18: one statement less per load batch); None when a form holds
    anything but printable ASCII, where Python's ``lower``/``strip`` and the engine's ``toLower``/``trim``
    might differ, or a double space is left (``split`` on it): the statement computes those."""
    keys: list[str] = []
    for form in forms:
        if not (form.isascii() and form.isprintable()):
            return None
        key = form.lower().replace(".", "").replace(",", "").replace("-", " ").replace("  ", " ").strip(" ")
        if "  " in key:
            return None
        if key.startswith("the "):
            key = key[4:]
        if key and key not in keys:
            keys.append(key)
    return keys


def backfill(store: Any, batch: int = 20000) -> None:
    """Every entity's keys, then every mark: for a store written before they were kept, or without the loader."""
    ids = [r["id"] for r in store.read("MATCH (n:Entity) RETURN n.id AS id ORDER BY id")]
    for i in range(0, len(ids), batch):
        store.write(statement("name_keys_set"), {"ids": ids[i:i + batch]})
    store.write(statement("name_keys_mark_all"))


def missing(store: Any) -> bool:
    """Whether some entity lacks its keys (a graph written without the loader, after its index was made)."""
    return bool(store.read(f"MATCH (n:Entity) WHERE n.{PROPERTY} IS NULL RETURN n.id AS id LIMIT 1"))


def ready(store: Any) -> bool:
    """Whether graph_health may read the marks: the embedded store, every entity keyed (remembered once true)."""
    return getattr(store, "backend", "") == "embedded" and keys_ready(store, PROPERTY)
