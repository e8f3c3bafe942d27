"""Documents into a store: extract a chunk at a time, resolve against what the store knows, load.

This joins the ingest and graph layers, so it lives in the face of the package, not in either.
With one process the steps alternate in this process. With several, extraction runs in worker
processes that stay busy for the whole run (:class:`aikg.ingest.stream.FactStream`): while this
process resolves and loads a chunk, the workers extract the next ones (``prefetch`` chunks ahead,
so memory stays bounded). Chunks are still resolved and committed one after the other, in input
order, each against everything committed before it, so the graph is the same for any ``n_process``.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aikg.core.errors import StoreError
from aikg.core.facts import DocumentRecord, EntityRecord, RelationRecord
from aikg.ingest.document import LoadedDocument
from aikg.ingest.pipeline import Failure, Pipeline, RunSummary, iter_documents, needs_nlp
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


@dataclass
class _Run:
    """What every chunk of one ingest shares: the store, the pipeline, the summary, what the store knows."""

    store: Any
    pipeline: Pipeline
    summary: RunSummary
    known: Any  # a KnownIndex
    advance: Callable[[int], None]
    stop: StopRequest
    force: bool
    batch_size: int

    def todo(self, chunk: list[LoadedDocument]) -> list[LoadedDocument]:
        """The chunk's documents the store does not hold yet (all of them with ``force``); the others are
        counted as already present."""
        from aikg.graph.loader import loaded_document_ids

        try:
            present = set() if self.force else loaded_document_ids(self.store, [d.id for d in chunk])
        except StoreError as exc:  # the store cannot be read: the chunk's documents are not loaded
            self.summary.failures.extend(Failure(d.source, f"not loaded: {exc}") for d in chunk)
            self.advance(len(chunk))
            return []
        return self.skip(chunk, present)

    def skip(self, docs: list[LoadedDocument], present: set[str], *, advance: bool = True) -> list[LoadedDocument]:
        keep = [d for d in docs if d.id not in present]
        self.summary.already_present += len(docs) - len(keep)
        if advance:
            self.advance(len(docs) - len(keep))
        return keep

    def commit(self, todo: list[LoadedDocument], records: list[Any]) -> set[str]:
        """Load one chunk's records; the summary counts a document as loaded only once the store is seen to
        hold it after the chunk's durable writes. Returns the ids of the documents it holds."""
        from aikg.graph.loader import load_records, loaded_document_ids

        docs = [r for r in records if isinstance(r, DocumentRecord)]
        ents = [r for r in records if isinstance(r, EntityRecord)]
        rels = [r for r in records if isinstance(r, RelationRecord)]
        try:
            report = load_records(self.store, docs, ents, rels, batch_size=self.batch_size, force=self.force)
            failures = [Failure(_input_name(e, todo), getattr(e, "reason", str(e))) for e in report.errors]
            failed = {e.document for e in report.errors if hasattr(e, "document")}
            written = [d for d in todo if d.id not in failed]
            held = loaded_document_ids(self.store, [d.id for d in written])  # read back: reported loaded = held
        except StoreError as exc:
            # the store could not take or keep this chunk (e.g. its disk refused a write): none of
            # its documents is reported loaded, and the run goes on to say so for the others
            self.summary.failures.extend(Failure(d.source, f"not loaded: {exc}") for d in todo)
            return set()
        failures += [Failure(d.source, "not loaded: the store does not hold it after the write") for d in written
                     if d.id not in held]
        good = [d for d in todo if d.id in held]
        self.summary.failures.extend(failures)
        self.summary.documents += len(good)
        self.summary.words += sum(len(d.text.split()) for d in good)
        self.summary.count(r for r in records if not isinstance(r, DocumentRecord))
        self._learn(ents)
        return set(held)

    def _learn(self, loaded: list[EntityRecord]) -> None:
        """The next chunks resolve against the entities this one wrote, too."""
        from aikg.ingest.nlp.resolve import KnownEntity

        self.known.add(KnownEntity(e.id, e.type, e.name, tuple(e.aliases)) for e in loaded)


def _alternating(run: _Run, chunks: Iterable[list[LoadedDocument]]) -> None:
    """One process: extract a chunk here, resolve and load it, then the next."""
    for chunk in chunks:
        todo = run.todo(chunk)
        if not todo:
            continue
        step = _counted(_stop_between_documents(run.advance, len(todo), run.stop))
        try:
            records = run.pipeline.extract(todo, known=run.known, progress=step)
        except Exception:  # noqa: BLE001 - an extractor fault on one document must not stop the batch
            todo, records = _extract_one_by_one(run, todo, step)
            if not todo:
                continue
        run.commit(todo, records)
        run.stop.check()


def _counted(step: Callable[[int], None]) -> Callable[[int], None]:
    """``step`` that remembers how many documents it has counted (``step.done``), so a retry counts the rest."""
    def counted(n: int) -> None:
        counted.done += n  # type: ignore[attr-defined]
        step(n)

    counted.done = 0  # type: ignore[attr-defined]
    return counted


def _extract_one_by_one(run: _Run, todo: list[LoadedDocument],
                        step: Callable[[int], None]) -> tuple[list[LoadedDocument], list[Any]]:
    """A chunk whose extraction raised, again one document at a time: the documents that raise are named in the
    summary and left out (as with several processes); the others are resolved together as the chunk would be."""
    from aikg.ingest.stream import failure_reason

    facts, good = [], []
    for doc in todo:
        if not needs_nlp(doc):
            good.append(doc)
            continue
        try:
            facts.extend(run.pipeline.extractor.extract_many([doc]))
        except Exception as exc:  # noqa: BLE001 - reported per document, the batch goes on
            run.summary.failures.append(Failure(doc.source, failure_reason(exc)))
            continue
        good.append(doc)
    step(max(0, len(todo) - step.done))  # type: ignore[attr-defined]
    return good, (run.pipeline.resolve(good, facts, run.known) if good else [])


@dataclass
class _InFlight:
    """A chunk whose extraction was started: its documents to load, and those committed since by chunks ahead
    of it (the same file twice in a run is loaded once, as when the chunks alternate)."""

    todo: list[LoadedDocument]
    ticket: Any
    committed_since: set[str] = field(default_factory=set)


def _streamed(run: _Run, chunks: Iterable[list[LoadedDocument]], n_process: int, prefetch: int) -> None:
    """Several processes: workers extract up to ``prefetch`` chunks ahead while this process resolves and
    loads the oldest; chunks still commit one after the other, in input order."""
    from aikg.ingest.stream import FactStream

    pending: deque[_InFlight] = deque()
    source = iter(chunks)
    with FactStream(run.pipeline.extractor, n_process) as stream:
        while True:
            while len(pending) <= prefetch:
                chunk = next(source, None)
                if chunk is None:
                    break
                todo = run.todo(chunk)
                if todo:
                    pending.append(_InFlight(todo, stream.submit([d for d in todo if needs_nlp(d)])))
            if not pending:
                return
            item = pending.popleft()
            held = _commit_streamed(run, stream, item)
            for later in pending:
                later.committed_since |= held
            run.stop.check()


def _commit_streamed(run: _Run, stream: Any, item: _InFlight) -> set[str]:
    """Collect one chunk's facts from the workers (in document order), resolve them against everything
    committed before, and load; a document whose extraction failed is reported and left out."""
    facts: dict[str, Any] = {}
    failed: dict[str, str] = {}
    step = _stop_between_documents(run.advance, len(item.todo), run.stop)
    for doc, doc_facts, reason in stream.collect(item.ticket, step):
        if reason is None:
            facts[doc.id] = doc_facts
        else:
            failed[doc.id] = reason
    step(len(item.todo) - len(item.ticket.docs))  # documents without text to extract (tables)
    run.summary.failures.extend(Failure(d.source, failed[d.id]) for d in item.todo if d.id in failed)
    todo = run.skip([d for d in item.todo if d.id not in failed], set() if run.force else item.committed_since,
                    advance=False)
    if not todo:
        return set()
    return run.commit(todo, run.pipeline.resolve(todo, [facts[d.id] for d in todo if d.id in facts], run.known))


def _chunks(docs: Iterable[LoadedDocument], size: int, stop: StopRequest) -> Iterator[list[LoadedDocument]]:
    chunk: list[LoadedDocument] = []
    for doc in docs:
        stop.check()  # pressed while this file was read: nothing of the chunk in hand is committed
        chunk.append(doc)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def refresh_cluster_profiles(store: Any, run_seconds: float = 0.0) -> None:
    """Compute again the cluster profiles the run's writes forgot (graph/summaries.py), within a tenth of
    the run's time (at least 10 s). A store that cannot take them, or a cluster left for lack of time,
    keeps none: cluster_profile then reads the graph, with the same answers, more slowly."""
    from aikg.graph import summaries

    summaries.refresh_after_run(store, run_seconds)


def ingest_paths(paths: Sequence[str | Path], store: Any, *, force: bool = False, n_process: int = 1,
                 chunk_size: int = 100, batch_size: int = 5000, decisions: str | Path | None = None,
                 max_bytes: int | None = None, mapping: Any = None, show_progress: bool | None = None,
                 summary: RunSummary | None = None, stop: StopRequest | None = None,
                 prefetch: int = 2) -> RunSummary:
    """Extract and load, a chunk of documents at a time (resumable, idempotent).

    A chunk the store cannot make durable fails its documents with the reason; the run goes on
    (and fails fast while the store stays unusable), so the summary lists exactly what is stored.
    Pass ``summary`` to read what was committed when the run is interrupted. ``stop`` (from
    :func:`aikg.interrupt.catch_ctrl_c`): Ctrl-C ends the run with KeyboardInterrupt after the
    document in hand, never inside a write; what was committed stays, chunks extracted but not yet
    committed are dropped (a new run extracts them again). With ``n_process > 1`` the workers extract
    up to ``prefetch`` chunks ahead of the one being loaded (0: extraction and loading alternate)."""
    from aikg.core.progress import progress
    from aikg.ingest.loaders import discover

    started = time.perf_counter()
    summary = RunSummary() if summary is None else summary
    stop = StopRequest() if stop is None else stop
    pipeline = Pipeline(n_process=n_process, decisions_path=decisions)
    known = known_entities(store)
    found = list(discover(paths))
    planned = sum(1 for _, skip in found if not skip)
    with stop.deferred(), progress(planned, "ingest", enabled=show_progress) as advance:
        run = _Run(store, pipeline, summary, known, advance, stop, force, batch_size)
        chunks = _chunks(iter_documents(found, summary, max_bytes=max_bytes, mapping=mapping), chunk_size, stop)
        if n_process > 1:
            _streamed(run, chunks, n_process, max(0, prefetch))
        else:
            _alternating(run, chunks)
        stop.check()  # pressed during the last chunk: it committed, and the run still says it was stopped
        refresh_cluster_profiles(store, time.perf_counter() - started)
    summary.seconds = time.perf_counter() - started
    return summary
