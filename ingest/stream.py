"""Extraction that keeps worker processes busy while the caller does other work (``aikg ingest -j N``).

``aikg ingest`` with several processes used to extract a chunk of documents with a new process pool,
then resolve and load it while the workers sat idle. A :class:`FactStream` keeps one pool for the whole
run: the caller submits the next chunks (a bounded number ahead, so memory stays bounded) and collects
each chunk's :class:`~aikg.ingest.nlp.DocFacts` in document order when it is ready to resolve it, while the
workers already extract the chunks after it. Extraction is a pure function of the document, so the facts
are the same as one process's, whichever worker made them.

A document whose extraction raises is a failure with its reason, never the end of the batch; a worker
that dies (killed for memory, a crash in native code) breaks the pool: the pool is started again and the
tasks it held are re-run in a one-worker pool of their own, one document at a time if they break it
again, so only the document that kills a worker fails.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from aikg.ingest.document import LoadedDocument

TASK_DOCS = 8  # documents per task: small enough to spread a chunk over the workers and see progress
DIED = "the extraction process died on this document ({}); it is left out: please report it"

_EXTRACTOR: Any = None  # the worker's extractor: inherited loaded (fork) or built by _init (spawn)


# --------------------------------------------------------------------------------------- worker side
def _watch_parent(parent: int) -> None:
    """A worker ends when the process that started it is gone (killed with SIGKILL, say): an orphan
    would otherwise hold the model's memory and the file locks it inherited with the fork."""
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _init(parent: int, config: Any) -> None:
    """Worker start: Ctrl-C is the parent's to act on (it stops between documents); load the model
    when it was not inherited."""
    global _EXTRACTOR
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker must not inherit the parent's deferred stop
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if _EXTRACTOR is None:
        from aikg.ingest.nlp import Extractor

        _EXTRACTOR = Extractor(config)
        list(_EXTRACTOR.extract_many([]))  # loads spaCy and the rules


def failure_reason(exc: BaseException) -> str:
    """What the run summary says of a document whose extraction raised."""
    return f"extraction failed: {type(exc).__name__}: {exc}; please report it"


def _run(docs: list[LoadedDocument]) -> list[tuple[Any, str | None]]:
    """The task: (DocFacts, None) per document, or (None, reason) for one whose extraction raised."""
    try:
        return [(f, None) for f in _EXTRACTOR.extract_many(docs)]
    except Exception:  # isolate the document that breaks the batch
        out: list[tuple[Any, str | None]] = []
        for d in docs:
            try:
                out.append((_EXTRACTOR.extract(d), None))
            except Exception as exc:
                out.append((None, failure_reason(exc)))
        return out


# --------------------------------------------------------------------------------------- caller side
@dataclass
class _Task:
    docs: list[LoadedDocument]
    future: Future | None = None
    result: list[tuple[Any, str | None]] | None = None


@dataclass
class Ticket:
    """One submitted chunk: its documents and the tasks extracting them, in order."""

    docs: list[LoadedDocument]
    tasks: list[_Task] = field(default_factory=list)


class FactStream:
    """A pool of ``n_process`` extraction workers kept for the whole run; use as a context manager."""

    def __init__(self, extractor: Any, n_process: int) -> None:
        self.extractor = extractor
        self.n_process = n_process
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "FactStream":
        return self

    def __exit__(self, kind: Any, *_: Any) -> None:
        self.close(cancel=kind is not None)

    # ---------------------------------------------------------------- pool
    def _new_pool(self, workers: int) -> ProcessPoolExecutor:
        import multiprocessing as mp

        global _EXTRACTOR
        if "fork" in mp.get_all_start_methods():
            list(self.extractor.extract_many([]))  # load once here; forked workers share the model's pages
            _EXTRACTOR, ctx, config = self.extractor, mp.get_context("fork"), None
        else:
            ctx, config = mp.get_context("spawn"), self.extractor.config
        return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init,
                                   initargs=(os.getpid(), config))

    @property
    def pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = self._new_pool(self.n_process)
        return self._pool

    def _restart(self) -> None:
        """After a worker died: the broken pool's futures all fail; their tasks re-run in isolation."""
        if self._pool is not None:
            _stop_pool(self._pool)
        self._pool = None

    def close(self, *, cancel: bool = False) -> None:
        """Stop the workers: after their tasks, or at once (``cancel``: an interrupted or failed run)."""
        if self._pool is not None:
            if cancel:
                _stop_pool(self._pool)
            else:
                self._pool.shutdown(wait=True)
            self._pool = None

    # ---------------------------------------------------------------- work
    def submit(self, docs: Sequence[LoadedDocument]) -> Ticket:
        """Start extracting ``docs`` (those with text to extract; the caller filters) in tasks of a few."""
        ticket = Ticket(list(docs))
        size = max(1, min(TASK_DOCS, -(-len(docs) // (2 * self.n_process))))
        for i in range(0, len(docs), size):
            task = _Task([dataclasses.replace(d, facts=[]) for d in docs[i:i + size]])  # loader facts stay here
            try:
                task.future = self.pool.submit(_run, task.docs)
            except BrokenProcessPool:  # a worker died since the last submit: its tasks are isolated later
                self._restart()
                task.future = self.pool.submit(_run, task.docs)
            ticket.tasks.append(task)
        return ticket

    def collect(self, ticket: Ticket, progress: Callable[[int], None] | None = None
                ) -> Iterator[tuple[LoadedDocument, Any, str | None]]:
        """``(document, DocFacts or None, failure reason or None)`` for each document of ``ticket``, in
        order, as its task finishes; ``progress(n)`` after each task."""
        for task in ticket.tasks:
            if task.result is None:
                try:
                    task.result = task.future.result() if task.future is not None else None
                except BrokenProcessPool:
                    self._restart()
                if task.result is None:
                    task.result = self._isolated(task.docs)
            task.future = None
            if progress:
                progress(len(task.docs))
            for doc, (facts, reason) in zip(task.docs, task.result):
                yield doc, facts, reason

    def _isolated(self, docs: list[LoadedDocument]) -> list[tuple[Any, str | None]]:
        """Re-run a task a broken pool lost in a one-worker pool of its own, so a crash there is its own;
        if it crashes, one document at a time: only the document that kills a worker fails."""
        attempt = _run_alone(self._new_pool(1), docs)
        if attempt is not None:
            return attempt
        out: list[tuple[Any, str | None]] = []
        for d in docs:
            one = _run_alone(self._new_pool(1), [d])
            out.extend(one if one is not None else [(None, DIED.format("a worker process ended unexpectedly"))])
        return out


def _run_alone(pool: ProcessPoolExecutor, docs: list[LoadedDocument]) -> list[tuple[Any, str | None]] | None:
    try:
        return pool.submit(_run, docs).result()
    except BrokenProcessPool:
        return None
    finally:
        _stop_pool(pool)


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Shut a pool down without waiting for the tasks its workers hold (an interrupted run, a broken pool).
    Python 3.12's executor cannot end running tasks itself, so its worker processes are terminated."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        if proc.is_alive():
            proc.terminate()
    for proc in processes:
        proc.join(timeout=5)
