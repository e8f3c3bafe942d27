"""The store interface every part of aikg uses, and the factory that opens a backend.

Backends register by name and are imported only when opened, so importing aikg never
starts a server or loads a driver.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import pandas as pd

from aikg.core.errors import ConfigError

Params = Mapping[str, Any]
Statement = tuple[str, Params]

#: name -> "module:Class"; adding a store is one new module and one line here.
BACKENDS: dict[str, str] = {
    "embedded": "aikg.graph.backends.embedded:EmbeddedStore",
    "neo4j": "aikg.graph.backends.neo4j:Neo4jStore",
}


@dataclass
class StoreStats:
    backend: str
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)

    @property
    def node_total(self) -> int:
        return sum(self.nodes.values())

    @property
    def relationship_total(self) -> int:
        return sum(self.relationships.values())

    def to_frame(self) -> pd.DataFrame:
        rows = [{"kind": "node", "name": k, "count": v} for k, v in sorted(self.nodes.items())]
        rows += [{"kind": "relationship", "name": k, "count": v} for k, v in sorted(self.relationships.items())]
        return pd.DataFrame(rows, columns=["kind", "name", "count"])


@runtime_checkable
class GraphStore(Protocol):
    """What a backend must do. Values always travel as parameters, never in the query text."""

    backend: str

    def apply_schema(self) -> None:
        """Create constraints, indexes and the full-text index (idempotent)."""

    def read(self, cypher: str, params: Params | None = None) -> list[dict[str, Any]]:
        """Run a read-only query; the backend refuses writes."""

    def write(self, cypher: str, params: Params | None = None) -> list[dict[str, Any]] | None:
        """Run one write query in its own transaction; the rows it returns, when the backend gives them."""

    def write_atomic(self, statements: Sequence[Statement]) -> None:
        """Run several write statements so that either all or none take effect."""

    def fulltext(self, text: str, limit: int = 10) -> list[dict[str, Any]]:
        """Full-text search over entity names and aliases: rows of ``id``, ``name``, ``score``."""

    def stats(self) -> StoreStats:
        """Node counts per label and relationship counts per type."""

    def keys_ready(self, prop: str) -> bool:
        """Whether every entity carries the derived ``prop`` (``grams``, ``linked_at``) and its index answers."""

    def close(self) -> None:
        """Release the connection (and the embedded server)."""


def read_stats(store: GraphStore) -> StoreStats:
    """Node counts per label and relationship counts per type, read the same way on every backend."""
    from aikg.graph.cypher_files import statement

    nodes = {r["label"]: r["count"] for r in store.read(statement("stats_nodes"))}
    rels = {r["type"]: r["count"] for r in store.read(statement("stats_relationships"))}
    return StoreStats(store.backend, nodes, rels)


def keys_ready(store: Any, prop: str) -> bool:
    """Whether every entity carries the derived ``prop`` (graph/search_grams.py, graph/change_keys.py), asked of
    the backend (``store.keys_ready``) until it says yes, then remembered. A store written by an older aikg says
    no until it is migrated, and queries then take their slower path with the same rows."""
    done = getattr(store, "_keys_ready", None)
    if done is None:
        done = set()
        try:
            store._keys_ready = done
        except AttributeError:
            pass
    if prop in done:
        return True
    try:
        found = bool(store.keys_ready(prop))
    except AttributeError:
        found = False
    if found:
        done.add(prop)
    return found


def read_df(store: GraphStore, cypher: str, params: Params | None = None) -> pd.DataFrame:
    """Run a read query and return a DataFrame whose columns keep the query's order."""
    rows = store.read(cypher, params)
    return pd.DataFrame(rows)


def open_store(backend: str = "embedded", *, home: str | Path | None = None, **options: Any) -> GraphStore:
    """Open a store by backend name (``embedded`` or ``neo4j``)."""
    try:
        target = BACKENDS[backend]
    except KeyError:
        raise ConfigError(f"unknown store {backend!r}; use one of: {', '.join(BACKENDS)}") from None
    module_name, _, class_name = target.partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    return cls.open(home=home, **options)
