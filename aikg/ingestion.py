"""Documents into a store: extract a chunk at a time, resolve against what the store knows, load.

This joins the ingest and graph layers, so it lives in the face of the package, not in either.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from aikg.core.errors import StoreError
from aikg.core.facts import DocumentRecord, EntityRecord, RelationRecord
from aikg.ingest.document import LoadedDocument
from aikg.ingest.pipeline import Failure, Pipeline, RunSummary, iter_documents
from aikg.interrupt import StopRequest


def known_entities(store: Any) -> Any:
    """Everything the store already knows, for resolution against it: a KnownIndex the run's chunks add to."""
    from aikg.ingest.nlp.resolve import KnownEntity, KnownIndex

    rows = store.read("MATCH (e:Entity) RETURN e.id AS id, labels(e) AS labels, e.name AS name, e.aliases AS aliases")
    from aikg.core.schema import SCHEMA

    out = []
    for r in rows:
        etype = next((l for l in r["labels"] if l in SCHEMA.entity_types), None)
        if etype:
            out.append(KnownEntity(r["id"], etype, r["name"], tuple(r["aliases"] or ())))
    return KnownIndex(out)


def _input_name(error: Any, todo: list[LoadedDocument]) -> str:
    """The input path of the document a load error belongs to: the summary names what the user
    gave (as a loader failure does), not the stored source (a file name or URL)."""
    doc = getattr(error, "document", None)
    match = next((d.source for d in todo if d.id == doc), None)
    return match or getattr(error, "source", "") or str(doc or "")


def _stop_between_documents(advance: Callable[[int], None], total: int,
                            stop: StopRequest) -> Callable[[int], None]:
    """``advance`` for one chunk's extraction that stops after the document in hand when Ctrl-C was
    pressed and more of the chunk remain (none of it is committed yet); after the chunk's last
    document it lets the chunk commit first."""
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        advance(n)
        if done < total:
            stop.check()

    return step


def _load_chunk(store: Any, pipeline: Pipeline, chunk: list[LoadedDocument], summary: RunSummary,
                known: list[Any], advance: Callable[[int], None], *, force: bool, batch_size: int,
                stop: StopRequest) -> list[EntityRecord]:
    """Extract and load one chunk; the summary counts a document as loaded only once the store is
    seen to hold it after the chunk's durable writes. Returns the entities written."""
    from aikg.graph.loader import load_records, loaded_document_ids

    present = set() if force else loaded_document_ids(store, [d.id for d in chunk])
    todo = [d for d in chunk if d.id not in present]
    advance(len(chunk) - len(todo))
    if not todo:
        summary.already_present += len(chunk)
        return []
    records = pipeline.extract(todo, known=known, progress=_stop_between_documents(advance, len(todo), stop))
    docs = [r for r in records if isinstance(r, DocumentRecord)]
    ents = [r for r in records if isinstance(r, EntityRecord)]
    rels = [r for r in records if isinstance(r, RelationRecord)]
    report = load_records(store, docs, ents, rels, batch_size=batch_size, force=force)
    failures = [Failure(_input_name(e, todo), getattr(e, "reason", str(e))) for e in report.errors]
    failed = {e.document for e in report.errors if hasattr(e, "document")}
    written = [d for d in todo if d.id not in failed]
    held = loaded_document_ids(store, [d.id for d in written])  # read back: reported loaded = held
    failures += [Failure(d.source, "not loaded: the store does not hold it after the write") for d in written
                 if d.id not in held]
    good = [d for d in todo if d.id in held]
    summary.already_present += len(chunk) - len(todo)
    summary.failures.extend(failures)
    summary.documents += len(good)
    summary.words += sum(len(d.text.split()) for d in good)
    summary.count(r for r in records if not isinstance(r, DocumentRecord))
    return ents


def ingest_paths(paths: Sequence[str | Path], store: Any, *, force: bool = False, n_process: int = 1,
                 chunk_size: int = 100, batch_size: int = 5000, decisions: str | Path | None = None,
                 max_bytes: int | None = None, mapping: Any = None, show_progress: bool | None = None,
                 summary: RunSummary | None = None, stop: StopRequest | None = None) -> RunSummary:
    """Extract and load, a chunk of documents at a time (resumable, idempotent).

    A chunk the store cannot make durable fails its documents with the reason; the run goes on
    (and fails fast while the store stays unusable), so the summary lists exactly what is stored.
    Pass ``summary`` to read what was committed when the run is interrupted. ``stop`` (from
    :func:`aikg.interrupt.catch_ctrl_c`): Ctrl-C ends the run with KeyboardInterrupt after the
    document in hand, once every extracted chunk has committed (never inside a write)."""
    from aikg.core.progress import progress

    started = time.perf_counter()
    summary = RunSummary() if summary is None else summary
    stop = StopRequest() if stop is None else stop
    pipeline = Pipeline(n_process=n_process, decisions_path=decisions)
    known = known_entities(store)
    from aikg.ingest.loaders import discover

    found = list(discover(paths))
    planned = sum(1 for _, skip in found if not skip)
    chunk: list[LoadedDocument] = []

    def flush(advance: Callable[[int], None]) -> None:
        nonlocal known
        if not chunk:
            return
        try:
            loaded = _load_chunk(store, pipeline, chunk, summary, known, advance, force=force, batch_size=batch_size,
                                 stop=stop)
        except StoreError as exc:
            # the store could not take or keep this chunk (e.g. its disk refused a write): none of
            # its documents is reported loaded, and the run goes on to say so for the others
            summary.failures.extend(Failure(d.source, f"not loaded: {exc}") for d in chunk)
            advance(len(chunk))
            loaded = []
        from aikg.ingest.nlp.resolve import KnownEntity

        known.add(KnownEntity(e.id, e.type, e.name, tuple(e.aliases)) for e in loaded)
        chunk.clear()

    with stop.deferred(), progress(planned, "ingest", enabled=show_progress) as advance:
        for doc in iter_documents(found, summary, max_bytes=max_bytes, mapping=mapping):
            stop.check()  # pressed while this file was read: nothing of the chunk in hand is committed
            chunk.append(doc)
            if len(chunk) >= chunk_size:
                flush(advance)
                stop.check()
        flush(advance)
        stop.check()  # pressed during the last chunk: it committed, and the run still says it was stopped
    summary.seconds = time.perf_counter() - started
    return summary
