"""Extraction beyond one machine: load + NLP as Dask tasks, resolution once at the end.

Extraction is a pure function document -> facts, so files are split into contiguous chunks
and each chunk is one task (``client.map``): the worker loads its files, runs the
extractor (spaCy loads once per worker process) and returns only small things: the
document records, the loader's structured facts and the :class:`~aikg.ingest.nlp.DocFacts`.
The client then does the single reduce step ``Pipeline.extract`` does in one process: the
same ``merge_mentions()`` call over all DocFacts (it sorts them by document id, so the order in
which tasks finish does not matter) and the same ``merge_records``. The result is the
same records as ``aikg extract`` on the same files.

Output: one JSONL part per chunk, ``part-00000.jsonl`` ..., each self-contained (its
documents, the entities they mention with those mentions, the relations they give
evidence for, with every entity a relation needs), so the parts can be loaded together
(``aikg load DIR/part-*.jsonl``), one by one, or exported with ``aikg export
neo4j-import``; the union of the parts equals the single-process output.

Workers must see the input paths: a shared filesystem (NFS, a bucket mounted with a FUSE
driver) at the same mount point on every machine. See docs/scale.md.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aikg.core.errors import AikgError, ConfigError
from aikg.core.facts import DocumentRecord, EntityRecord, Record, RelationRecord
from aikg.ingest.pipeline import Failure, RunSummary, merge_records

PART_NAME = "part-{:05d}.jsonl"
PART_GLOB = "part-*.jsonl"
BATCH = 32  # documents per extractor call inside a task (bounds a worker's memory)


@dataclass
class LoadedFacts:
    """What one task returns per document: small, picklable, no text."""

    record: DocumentRecord
    loader_facts: list[Record]
    facts: Any  # aikg.ingest.nlp.DocFacts, or None when the document has no text to extract from
    words: int


@dataclass
class ChunkResult:
    docs: list[LoadedFacts] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    worker: int = 0  # process id of the worker that ran the task (diagnostics)


# --------------------------------------------------------------------------- worker side

_EXTRACTOR: Any = None
_LOCK = threading.Lock()  # one extractor per worker process; spaCy calls are serialised


def _extractor() -> Any:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        from aikg.ingest.nlp import Extractor

        _EXTRACTOR = Extractor()
    return _EXTRACTOR


def worker_status() -> dict[str, Any]:
    """For ``client.run(worker_status)``: this worker's process id and whether spaCy is loaded."""
    return {"pid": os.getpid(), "extractor_loaded": _EXTRACTOR is not None}


def _load(path: str, source: str, max_bytes: int | None, mapping: Any) -> Any:
    from aikg.ingest.loaders import DEFAULT_MAX_BYTES, load_path

    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    options = {"mapping": mapping} if mapping is not None else {}
    doc = load_path(path, max_bytes=limit or None, **options)
    doc.source = source  # as named on the client, so records equal a single-process run
    return doc


def _extract_batch(docs: list[Any], result: ChunkResult) -> None:
    nlp_idx = [i for i, d in enumerate(docs) if d.extract_text and d.text.strip()]
    facts: dict[int, Any] = {}
    bad: set[int] = set()
    if nlp_idx:
        with _LOCK:
            try:
                facts = dict(zip(nlp_idx, _extractor().extract_many([docs[i] for i in nlp_idx], n_process=1)))
            except Exception:  # isolate the document that breaks the batch
                facts = {}
                for i in nlp_idx:
                    try:
                        facts[i] = _extractor().extract(docs[i])
                    except Exception as exc:
                        bad.add(i)
                        result.failures.append((docs[i].source, f"extraction failed: {type(exc).__name__}: {exc}; "
                                                                "please report it"))
    for i, d in enumerate(docs):
        if i not in bad:
            result.docs.append(LoadedFacts(d.record(), list(d.facts), facts.get(i), len(d.text.split())))


def extract_chunk(files: Sequence[tuple[str, str]], max_bytes: int | None = None, mapping: Any = None) -> ChunkResult:
    """The task: load and extract ``(path, source)`` files; a bad file is a failure, not an error."""
    from aikg.core.errors import InputError

    result = ChunkResult(worker=os.getpid())
    batch: list[Any] = []
    for path, source in files:
        try:
            batch.append(_load(path, source, max_bytes, mapping))
        except InputError as exc:
            result.failures.append((source, exc.reason))
        except Exception as exc:  # a loader bug must not stop the chunk; name it
            result.failures.append((source, f"unexpected {type(exc).__name__}: {exc}; please report it"))
        if len(batch) >= BATCH:
            _extract_batch(batch, result)
            batch = []
    if batch:
        _extract_batch(batch, result)
    return result


# --------------------------------------------------------------------------- client side


def plan_files(paths: Sequence[str | Path], summary: RunSummary) -> list[tuple[str, str]]:
    """``(absolute path for the workers, source as named)`` for every loadable file, in discover order."""
    from aikg.ingest.loaders import discover, is_missing

    files = []
    for path, skip in discover(paths):
        if skip:  # a path that names nothing fails the run, as in aikg ingest
            (summary.failures if is_missing(skip) else summary.skipped_files).append(Failure(str(path), skip))
        else:
            files.append((os.path.abspath(path), str(path)))
    return files


def chunk(items: Sequence[Any], parts: int) -> list[list[Any]]:
    """``parts`` contiguous, nearly equal slices (fewer when there are fewer items)."""
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    out, start = [], 0
    for i in range(parts):
        end = start + size + (1 if i < extra else 0)
        out.append(list(items[start:end]))
        start = end
    return out


def reduce_results(results: Sequence[ChunkResult], decisions: str | Path | None = None) -> list[Record]:
    """The single-process reduce of ``Pipeline.extract``: resolve all DocFacts at once, then merge."""
    from aikg.ingest.nlp.resolve import KnownEntity, load_decisions, merge_mentions, places_within

    docs = [d for r in results for d in r.docs]
    loader_facts = [f for d in docs for f in d.loader_facts]
    known = [KnownEntity(f.id, f.type, f.name, tuple(f.aliases)) for f in loader_facts if isinstance(f, EntityRecord)]
    facts = [d.facts for d in docs if d.facts is not None]
    resolved = merge_mentions(facts, known=known, decisions=load_decisions(decisions) if decisions else None)
    resolved += places_within([*loader_facts, *resolved])  # a city inside a metro cluster: WITHIN the metro
    return merge_records([*(d.record for d in docs), *loader_facts, *resolved])


def split_parts(records: Sequence[Record], groups: Sequence[Sequence[str]]) -> list[list[Record]]:
    """Records per part: each part's documents and the facts they carry, self-contained."""
    part_of = {doc_id: i for i, ids in enumerate(groups) for doc_id in ids}
    out: list[list[Record]] = [[] for _ in groups] or [[]]
    entities = {r.id: r for r in records if isinstance(r, EntityRecord)}
    ent_parts: dict[int, dict[str, EntityRecord]] = defaultdict(dict)
    rel_parts: dict[int, list[RelationRecord]] = defaultdict(list)
    for rec in records:
        if isinstance(rec, DocumentRecord):
            out[part_of.get(rec.id, 0)].append(rec)
        elif isinstance(rec, EntityRecord):
            by_part: dict[int, list] = defaultdict(list)
            for m in rec.mentions:
                by_part[part_of.get(m.doc, 0)].append(m)
            for i, ments in (by_part or {0: []}).items():
                ent_parts[i][rec.id] = EntityRecord(rec.id, rec.type, rec.name, list(rec.aliases), ments, dict(rec.props))
    for rec in records:
        if not isinstance(rec, RelationRecord):
            continue
        by_part_e: dict[int, list] = defaultdict(list)
        for ev in rec.evidence:
            by_part_e[part_of.get(ev.doc, 0)].append(ev)
        for i, evs in by_part_e.items():
            rel_parts[i].append(RelationRecord(rec.type, rec.source, rec.target, rec.confidence, rec.method, evs))
            for end in (rec.source, rec.target):  # the part must name every entity its relations use
                if end not in ent_parts[i]:
                    e = entities[end]
                    ent_parts[i][end] = EntityRecord(e.id, e.type, e.name, list(e.aliases), [], dict(e.props))
    for i in range(len(out)):
        out[i].extend(sorted(ent_parts[i].values(), key=lambda e: e.id))
        out[i].extend(rel_parts[i])
    return out


def write_parts(parts: Sequence[Sequence[Record]], out_dir: Path) -> list[Path]:
    """Write ``part-NNNNN.jsonl`` files, each through a temporary name (no half-written part)."""
    from aikg.core.jsonl import write_jsonl

    paths = []
    for i, recs in enumerate(parts):
        final = out_dir / PART_NAME.format(i)
        tmp = out_dir / f".{final.name}.tmp"
        with tmp.open("w", encoding="utf-8") as fh:
            write_jsonl(recs, fh)
        tmp.replace(final)
        paths.append(final)
    return paths


def _open_client(scheduler: str | None, n_workers: int) -> tuple[Any, Any]:
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="30s"), None
        except OSError as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster), cluster


def extract_distributed(paths: Sequence[str | Path], out_dir: str | Path, *, client: Any = None,
                        partitions: int | None = None, scheduler: str | None = None, n_workers: int = 2,
                        decisions: str | Path | None = None, max_bytes: int | None = None, mapping: Any = None,
                        overwrite: bool = False, summary: RunSummary | None = None) -> list[Path]:
    """Extract ``paths`` on a Dask cluster and write JSONL parts to ``out_dir``; returns the part paths.

    Uses ``client`` when given, else connects to ``scheduler``, else starts a local cluster
    of ``n_workers`` processes (closed afterwards). ``partitions`` is the number of tasks
    and parts (default: 4 per worker, more for big inputs, at most one per file). Bad
    files are recorded in ``summary`` (a :class:`RunSummary`) and the rest is written.
    """
    started = time.perf_counter()
    summary = summary if summary is not None else RunSummary()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stale = sorted(out.glob(PART_GLOB))
    if stale and not overwrite:
        raise ConfigError(f"{out} already holds {len(stale)} part file(s) from an earlier run; "
                          "pass overwrite=True (--overwrite) or choose another folder")
    files = plan_files(paths, summary)
    own_client, cluster = (None, None) if client is not None else _open_client(scheduler, n_workers)
    dask_client = client if client is not None else own_client
    try:
        workers = max(1, len(dask_client.scheduler_info().get("workers", {})))
        wanted = partitions or max(4 * workers, math.ceil(len(files) / 1000))
        chunks = chunk(files, wanted) if files else []
        futures = dask_client.map(extract_chunk, chunks, max_bytes=max_bytes, mapping=mapping, pure=False)
        try:
            results: list[ChunkResult] = dask_client.gather(futures)
        except Exception as exc:  # a worker died (memory, KilledWorker) or a task broke outside a document
            raise AikgError(f"the Dask cluster could not finish the extraction: {type(exc).__name__}: {exc}") from exc
    finally:
        if own_client is not None:
            own_client.close()
        if cluster is not None:
            cluster.close()
    for r in results:
        summary.failures.extend(Failure(src, reason) for src, reason in r.failures)
    records = reduce_results(results, decisions)
    groups = [[d.record.id for d in r.docs] for r in results]
    for path in stale:
        path.unlink()
    written = write_parts(split_parts(records, groups or [[]]), out)
    summary.documents = sum(len(r.docs) for r in results)
    summary.words = sum(d.words for r in results for d in r.docs)
    summary.count(records)
    summary.seconds = time.perf_counter() - started
    return written
