"""Library entry points behind the CLI: each command calls one function here."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from aikg.core.errors import QueryError
from aikg.graph.loader import LoadReport, load_jsonl
from aikg.graph.store import GraphStore, StoreStats, open_store

if TYPE_CHECKING:
    from aikg.ingest.pipeline import RunSummary


@contextlib.contextmanager
def store_session(backend: str = "embedded", home: str | Path | None = None) -> Iterator[GraphStore]:
    """Open a store with the schema applied, and always close it."""
    store = open_store(backend, home=home)
    try:
        store.apply_schema()
        yield store
    finally:
        store.close()


def load(paths: Sequence[str | Path], *, backend: str = "embedded", home: str | Path | None = None,
         batch_size: int = 5000, force: bool = False, show_progress: bool | None = None) -> LoadReport:
    """Load JSONL interchange files into the store (progress in documents written, on a terminal)."""
    from aikg.core.locking import write_lock
    from aikg.core.progress import progress

    with write_lock(home), store_session(backend, home) as store, \
            progress(None, "load", enabled=show_progress) as advance:
        return load_jsonl(store, paths, batch_size=batch_size, force=force, progress=advance)


def stats(*, backend: str = "embedded", home: str | Path | None = None) -> StoreStats:
    with store_session(backend, home) as store:
        return store.stats()


def ingest(paths: Sequence[str | Path], *, backend: str = "embedded", home: str | Path | None = None,
           **options: Any) -> "RunSummary":
    """Extract and load documents; one writer per home at a time (others wait)."""
    from aikg.core.locking import write_lock
    from aikg.ingestion import ingest_paths

    with write_lock(home), store_session(backend, home) as store:
        return ingest_paths(paths, store, **options)


_WRITE_CLAUSE = re.compile(r"\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|LOAD\s+CSV|FOREACH)\b", re.IGNORECASE)
_CALL_WRITE = re.compile(r"\bCALL\s+(db\.idx|db\.create|apoc|dbms|gds)", re.IGNORECASE)


def is_write_query(cypher: str) -> bool:
    """Conservative check used before the store's own read-only enforcement."""
    text = re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*", " ", cypher)
    return bool(_WRITE_CLAUSE.search(text) or _CALL_WRITE.search(text))


def cypher(query: str, params: Mapping[str, Any] | None = None, *, write: bool = False,
           backend: str = "embedded", home: str | Path | None = None) -> pd.DataFrame:
    """Run ad-hoc Cypher; refuses writes unless ``write`` (the store also enforces read-only)."""
    if not write and is_write_query(query):
        raise QueryError("this query writes to the graph; add --write to allow it")
    with store_session(backend, home) as store:
        if write:
            store.write(query, params)
            return pd.DataFrame()
        return pd.DataFrame(store.read(query, params))
