"""Library entry points behind the CLI: each command calls one function here."""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from aikg.core.errors import AikgError, InputError, QueryError
from aikg.graph import summaries
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
        _settle_counts(store, home)
        yield store
    finally:
        store.close()


def _settle_counts(store: GraphStore, home: str | Path | None) -> None:
    """Counts a stopped load left pending are recounted before anything reads them (graph/pending_counts.py)."""
    import sys

    from aikg.graph.pending_counts import settle

    note = settle(store, home)
    if note:
        print(f"aikg: {note}", file=sys.stderr, flush=True)


class Interrupted(AikgError):
    """The user stopped a run (Ctrl-C); the message says what was committed and how to resume."""

    exit_code = 130  # 128 + SIGINT, what shells report for Ctrl-C


def check_jsonl_inputs(paths: Sequence[str | Path]) -> None:
    """Refuse, before anything is loaded, a path that is missing, a folder, or not JSONL at all."""
    for raw in paths:
        if str(raw) == "-":
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError("file not found: check the path", source=str(raw))
        if path.is_dir():
            raise InputError("is a folder: aikg load reads JSONL files (e.g. aikg load FOLDER/*.jsonl); "
                             "to extract facts from the documents in a folder use aikg ingest FOLDER", source=str(raw))
        first = _first_line(path)
        if first and not first.startswith("{"):
            raise InputError("not interchange JSONL (its first line is not a JSON object): to extract facts from a "
                             f"document use aikg ingest {raw}", source=str(raw))


def _first_line(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror}): check permissions", source=str(path)) from exc
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def load(paths: Sequence[str | Path], *, backend: str = "embedded", home: str | Path | None = None,
         batch_size: int = 5000, force: bool = False, show_progress: bool | None = None) -> LoadReport:
    """Load JSONL interchange files into the store (progress in documents written, on a terminal)."""
    from aikg.core.locking import write_lock
    from aikg.core.progress import progress

    check_jsonl_inputs(paths)
    with write_lock(home), store_session(backend, home) as store, \
            progress(None, "load", enabled=show_progress) as advance:
        started = time.perf_counter()
        report = load_jsonl(store, paths, batch_size=batch_size, force=force, progress=advance)
        summaries.refresh_after_run(store, time.perf_counter() - started)
        return report


def compact(*, home: str | Path | None = None, show_progress: bool | None = None) -> int:
    """Give an embedded store written by an older aikg the shared-string footprint (graph/evidence_strings.py);
    same answers, less memory. Holds the write lock; safe to stop and run again. Returns relationships rewritten."""
    from aikg.core.locking import write_lock
    from aikg.core.progress import progress
    from aikg.graph.evidence_strings import share_strings

    with write_lock(home), store_session("embedded", home) as store, \
            progress(None, "compact", enabled=show_progress) as advance:
        return share_strings(store, progress=advance)


def stats(*, backend: str = "embedded", home: str | Path | None = None) -> StoreStats:
    with store_session(backend, home) as store:
        return store.stats()


def ingest(paths: Sequence[str | Path], *, backend: str = "embedded", home: str | Path | None = None,
           **options: Any) -> "RunSummary":
    """Extract and load documents; one writer per home at a time (others wait).

    Ctrl-C raises :class:`Interrupted` saying how many documents were committed: running the
    same command again skips them and goes on. The handler is in place before the lock and the
    store are taken, so no Ctrl-C from then on is lost (aikg.interrupt says why that needs one)."""
    from aikg.core.locking import write_lock
    from aikg.ingest.pipeline import RunSummary
    from aikg.ingestion import ingest_paths
    from aikg.interrupt import catch_ctrl_c

    summary = RunSummary()
    with catch_ctrl_c() as stop, write_lock(home), store_session(backend, home) as store:
        before = _documents_held(store)
        try:
            return ingest_paths(paths, store, summary=summary, stop=stop, **options)
        except KeyboardInterrupt:
            # a chunk may have committed after the summary last counted: ask the store
            after = _documents_held(store)
            committed = max(summary.documents, after - before) if None not in (before, after) else summary.documents
            raise Interrupted(f"interrupted: {committed} document(s) committed in this run "
                              f"({summary.already_present} were already in the store); run the same command "
                              "again to resume: documents already stored are skipped") from None


def _documents_held(store: GraphStore) -> int | None:
    try:
        return int(store.stats().nodes.get("Document", 0))
    except Exception:  # the interrupt may have left the connection unusable: count what the run saw
        return None


def extract(paths: Sequence[str | Path], output: str | Path | None = None, **options: Any) -> "RunSummary":
    """Extract facts to a JSONL file (or standard output when ``output`` is None), no store needed.

    The file is written next to its final name and moved into place only when at least one
    document was extracted, so a run that read nothing leaves no empty file behind."""
    import os
    import sys
    import tempfile

    from aikg.ingest.pipeline import extract_paths

    if output is None:
        return extract_paths(paths, sys.stdout, **options)
    target = Path(output)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            summary = extract_paths(paths, out, **options)
        if summary.documents:
            os.replace(tmp, target)
        return summary
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


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
            return pd.DataFrame(store.write(query, params) or [])  # the rows a RETURN clause gives
        return pd.DataFrame(store.read(query, params))
