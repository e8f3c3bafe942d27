"""Documents in, facts out, and (for ``ingest``) facts into the store.

``extract_paths`` needs no database: it loads every file, runs the NLP extractor, resolves
entities across all inputs and writes interchange records. ``ingest_paths`` does the same
in chunks against a store: documents already there are skipped, each chunk is resolved
against what the store already knows and loaded before the next starts, so an
interrupted run continues where it stopped. One broken file never stops a batch.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from aikg.core.errors import InputError
from aikg.core.facts import DocumentRecord, EntityRecord, Record, RelationRecord
from aikg.ingest.document import LoadedDocument


@dataclass(frozen=True)
class Failure:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class RunSummary:
    documents: int = 0  # loaded and extracted in this run
    already_present: int = 0  # skipped: the store holds them (re-ingest is a no-op)
    skipped_files: list[Failure] = field(default_factory=list)  # unsupported, hidden on request, ...
    failures: list[Failure] = field(default_factory=list)  # bad files and documents that could not be written
    entities_by_type: Counter = field(default_factory=Counter)
    relations_by_type: Counter = field(default_factory=Counter)
    words: int = 0
    seconds: float = 0.0
    _seen: set = field(default_factory=set, repr=False)  # (kind, key) already counted in this run

    @property
    def failed(self) -> bool:
        return bool(self.failures)

    def to_text(self, *, store: bool = True) -> str:
        """The run's summary; ``store=False`` (extraction only) leaves out what the store held."""
        held = f"{self.already_present} already in the store, " if store else ""
        lines = [f"documents: {self.documents} processed, {held}"
                 f"{len(self.failures)} failed, {len(self.skipped_files)} skipped"]
        ents = ", ".join(f"{k} {v}" for k, v in sorted(self.entities_by_type.items())) or "none"
        rels = ", ".join(f"{k} {v}" for k, v in sorted(self.relations_by_type.items())) or "none"
        lines.append(f"entities ({sum(self.entities_by_type.values())}): {ents}")
        lines.append(f"relations ({sum(self.relations_by_type.values())}): {rels}")
        if self.seconds:
            lines.append(f"time: {self.seconds:.1f} s ({self.words / self.seconds:,.0f} words/s)" if self.words
                         else f"time: {self.seconds:.1f} s")
        for item in self.skipped_files:
            lines.append(f"skipped {item}")
        for item in self.failures:
            lines.append(f"FAILED {item}")
        return "\n".join(lines)

    def count(self, records: Iterable[Record]) -> None:
        """Count distinct entities and relations (a chunked run sees some of them more than once)."""
        for rec in records:
            if isinstance(rec, EntityRecord):
                key = ("e", rec.id)
                if key not in self._seen:
                    self._seen.add(key)
                    self.entities_by_type[rec.type] += 1
            elif isinstance(rec, RelationRecord):
                key = ("r", rec.type, rec.source, rec.target)
                if key not in self._seen:
                    self._seen.add(key)
                    self.relations_by_type[rec.type] += 1


def iter_documents(found: Iterable[tuple[Path, str | None]], summary: RunSummary, *, max_bytes: int | None = None,
                   mapping: Any = None) -> Iterator[LoadedDocument]:
    """Load the files ``discover()`` found; failures and skips go into ``summary``."""
    from aikg.ingest.loaders import DEFAULT_MAX_BYTES, SUPPORTED_EXTENSIONS, is_missing, load_path

    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    found = list(found)
    for path, skip in found:
        if skip:  # a path that names nothing is a failure of the run; anything else a skipped file
            (summary.failures if is_missing(skip) else summary.skipped_files).append(Failure(str(path), skip))
            continue
        try:
            options = {"mapping": mapping} if mapping is not None else {}
            yield load_path(path, max_bytes=limit or None, **options)
        except InputError as exc:
            summary.failures.append(Failure(str(path), exc.reason))
        except Exception as exc:  # a loader bug must not stop the batch; name it
            summary.failures.append(Failure(str(path), f"unexpected {type(exc).__name__}: {exc}; please report it"))
    if not any(skip is None for _, skip in found) and not summary.failures:
        summary.failures.append(Failure("input", "no supported files found: supported are "
                                        + ", ".join(sorted(SUPPORTED_EXTENSIONS))))


def merge_records(records: Iterable[Record]) -> list[Record]:
    """Merge entity records with the same id and relation records with the same ends (pure)."""
    docs: dict[str, DocumentRecord] = {}
    ents: dict[str, EntityRecord] = {}
    rels: dict[tuple[str, str, str], RelationRecord] = {}
    for rec in records:
        if isinstance(rec, DocumentRecord):
            docs[rec.id] = rec
        elif isinstance(rec, EntityRecord):
            have = ents.get(rec.id)
            if have is None:
                ents[rec.id] = EntityRecord(rec.id, rec.type, rec.name, list(rec.aliases), list(rec.mentions), dict(rec.props))
            else:
                have.aliases = list(dict.fromkeys([*have.aliases, *rec.aliases]))
                have.mentions = sorted(set(have.mentions) | set(rec.mentions), key=lambda m: (m.doc, m.start, m.end))
                have.props = {**rec.props, **have.props}
        else:
            key = (rec.type, rec.source, rec.target)
            have_r = rels.get(key)
            if have_r is None:
                rels[key] = RelationRecord(rec.type, rec.source, rec.target, rec.confidence, rec.method, rec.stamped_evidence())
            else:
                if rec.confidence > have_r.confidence:
                    have_r.confidence, have_r.method = rec.confidence, rec.method
                have_r.evidence = sorted(set(have_r.evidence) | set(rec.stamped_evidence()), key=lambda e: (e.doc, e.start, e.end))
    return [*docs.values(), *sorted(ents.values(), key=lambda e: e.id),
            *sorted(rels.values(), key=lambda r: (r.type, r.source, r.target))]


def needs_nlp(doc: LoadedDocument) -> bool:
    """Whether the extractor reads this document's text (a table's facts come from its loader alone)."""
    return doc.extract_text and bool(doc.text.strip())


class Pipeline:
    """Extraction over loaded documents: NLP for text, loader facts for filings and tables."""

    def __init__(self, *, n_process: int = 1, decisions_path: str | Path | None = None,
                 extractor: Any = None) -> None:
        self.n_process = n_process
        self._extractor = extractor
        self._decisions_path = decisions_path
        self._decisions: Any = None

    @property
    def extractor(self) -> Any:
        if self._extractor is None:
            from aikg.ingest.nlp import Extractor

            self._extractor = Extractor()
        return self._extractor

    @property
    def decisions(self) -> Any:
        if self._decisions is None and self._decisions_path:
            from aikg.ingest.nlp.resolve import load_decisions

            self._decisions = load_decisions(self._decisions_path)
        return self._decisions

    def extract(self, docs: Sequence[LoadedDocument], known: Iterable[Any] = (),
                progress: Callable[[int], None] | None = None) -> list[Record]:
        """Records for ``docs``: documents, resolved entities and relations."""
        nlp_docs = [d for d in docs if needs_nlp(d)]
        facts = []
        for item in self.extractor.extract_many(nlp_docs, n_process=self.n_process) if nlp_docs else ():
            facts.append(item)
            if progress:
                progress(1)
        if progress:
            progress(len(docs) - len(nlp_docs))
        return self.resolve(docs, facts, known)

    def resolve(self, docs: Sequence[LoadedDocument], facts: Sequence[Any], known: Iterable[Any] = ()) -> list[Record]:
        """Records for ``docs`` from their extracted ``facts`` (DocFacts, made here or by worker processes):
        entities resolved across them and against ``known``, the documents' records and their loader facts."""
        from aikg.ingest.nlp.resolve import KnownEntity, known_with, merge_mentions, places_within

        loader_facts = [f for d in docs for f in d.facts]
        known_all = known_with(known, [KnownEntity(f.id, f.type, f.name, tuple(f.aliases))  # the run's index, not copied
                                       for f in loader_facts if isinstance(f, EntityRecord)])
        resolved = merge_mentions(list(facts), known=known_all, decisions=self.decisions)
        resolved += places_within([*loader_facts, *resolved])  # a city inside a metro cluster: WITHIN the metro
        return merge_records([*(d.record() for d in docs), *loader_facts, *resolved])


def extract_paths(paths: Sequence[str | Path], out: IO[str], *, n_process: int = 1,
                  decisions: str | Path | None = None, max_bytes: int | None = None, mapping: Any = None,
                  show_progress: bool | None = None) -> RunSummary:
    """Extract facts from files to JSONL on ``out``, with no database."""
    from aikg.core.jsonl import write_jsonl
    from aikg.core.progress import progress
    from aikg.ingest.loaders import discover

    started = time.perf_counter()
    summary = RunSummary()
    docs = list(iter_documents(discover(paths), summary, max_bytes=max_bytes, mapping=mapping))
    pipeline = Pipeline(n_process=n_process, decisions_path=decisions)
    with progress(len(docs), "extract", enabled=show_progress) as advance:
        records = pipeline.extract(docs, progress=advance) if docs else []  # no model load for nothing
    write_jsonl(records, out)
    summary.documents = len(docs)
    summary.words = sum(len(d.text.split()) for d in docs)
    summary.count(records)
    summary.seconds = time.perf_counter() - started
    return summary
