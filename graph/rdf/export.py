"""Export the graph, or the subgraph a query returned, as RDF, streaming page by page.

The store is read in pages (documents with their mentions, then entities with their
outgoing relationships; see :mod:`aikg.graph.rdf.reads`); each page becomes blocks (:mod:`aikg.graph.rdf.triples`) that a streaming
writer (:mod:`aikg.graph.rdf.writers`) writes at once. Memory is bounded by the page size
whatever the graph's size, in all four formats. :func:`build_graph` and
:func:`export_whole` build one ``rdflib.Graph`` instead: the baseline the benchmark
compares against, and the reference the tests check the writers with.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from rdflib import Graph

from aikg.core.errors import ConfigError, InputError
from aikg.core.schema import SCHEMA
from aikg.graph.edge_list import EDGE_COLUMNS
from aikg.graph.rdf import reads
from aikg.graph.rdf.iris import DEFAULT_BASE, IriScheme
from aikg.graph.rdf.mapping import RdfMapping, load_mapping
from aikg.graph.rdf.triples import Block, TripleMaker, to_rdflib
from aikg.graph.rdf.writers import make_writer, normalise_format
from aikg.graph.store import GraphStore

_RDFLIB_FORMAT = {"turtle": "turtle", "nt": "nt", "json-ld": "json-ld", "xml": "xml"}


@dataclass
class ExportReport:
    format: str
    triples: int = 0
    documents: int = 0
    entities: int = 0
    relations: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    @property
    def triples_per_second(self) -> float:
        return self.triples / self.seconds if self.seconds else 0.0


@dataclass
class ExportOptions:
    base: str = DEFAULT_BASE
    page_size: int = 1000
    id_page_size: int = 20_000
    mentions: bool = True
    timestamps: bool = False

    def maker(self, mapping: RdfMapping | None = None) -> TripleMaker:
        mapping = mapping or load_mapping()
        scheme = self.base.partition(":")[0]
        if scheme in mapping.prefixes:
            raise ConfigError(f"--base {self.base!r} starts with {scheme}:, a prefix of the export; use an http(s) IRI")
        if self.page_size < 1:
            raise ConfigError("the page size must be at least 1")
        return TripleMaker(IriScheme(self.base), mapping, timestamps=self.timestamps, mentions=self.mentions)


# ---------------------------------------------------------------------- reading the store

def _in_order(rows: list[dict[str, Any]], ids: Sequence[str]) -> list[dict[str, Any]]:
    """Rows in the order of ``ids`` (sorting in Cypher costs far more on the embedded store)."""
    by_id = {row["id"]: row for row in rows}
    return [by_id[i] for i in ids if i in by_id]


def relation_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Relationship rows with their property columns gathered under ``props``, as the triple maker wants."""
    return [{"source": r["source"], "type": r["type"], "target": r["target"],
             "props": {k: r[k] for k in reads.RELATION_COLUMNS if r.get(k) is not None}} for r in rows]


def _group(rows: list[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        out[row[key]].append(row)
    return out


def id_pages(store: GraphStore, query: str, *, page_size: int, id_page_size: int) -> Iterator[list[str]]:
    """Ids in order, ``id_page_size`` per read, handed out ``page_size`` at a time."""
    skip = 0
    while True:
        ids = [row["id"] for row in store.read(query, {"skip": skip, "limit": id_page_size})]
        for i in range(0, len(ids), page_size):
            yield ids[i:i + page_size]
        if len(ids) < id_page_size:
            return
        skip += len(ids)


def store_blocks(store: GraphStore, maker: TripleMaker, report: ExportReport, *, page_size: int = 1000,
                 id_page_size: int = 20_000) -> Iterator[Block]:
    """Every block of the whole graph, one page of the store at a time."""
    id_page_size = max(id_page_size, page_size)
    for ids in id_pages(store, reads.DOCUMENT_IDS, page_size=page_size, id_page_size=id_page_size):
        docs = _in_order(store.read(reads.DOCUMENTS_BY_ID, {"ids": ids}), ids)
        mentions = _group(store.read(reads.DOCUMENT_MENTIONS, {"ids": ids}), "doc") if maker.mentions else {}
        for doc in docs:
            yield from maker.document(doc, mentions.get(doc["id"], ()))
        report.documents += len(docs)
    for ids in id_pages(store, reads.ENTITY_IDS, page_size=page_size, id_page_size=id_page_size):
        entities = _in_order(store.read(reads.ENTITIES_BY_ID, {"ids": ids}), ids)
        relations = _group(relation_rows(store.read(reads.OUTGOING_RELATIONS, {"ids": ids})), "source")
        for ent in entities:
            rels = relations.get(ent["id"], [])
            yield from maker.entity(ent, rels)
            report.relations += len(rels)
        report.entities += len(entities)
    yield from maker.extractor_blocks()


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value)) and str(value) != ""


def frame_selection(frame: Any) -> tuple[list[str], list[dict[str, str]], list[str]]:
    """Entity ids and ``(type, source, target)`` rows named by an edge-list DataFrame.

    Needs ``source`` and ``target`` columns (``type`` too for relationships); the other
    edge-list columns (names, types, support) are ignored: the store is the truth.
    """
    columns = set(getattr(frame, "columns", ()))
    if not {"source", "target"} <= columns:
        raise InputError(f"an edge list needs 'source' and 'target' columns (got {sorted(map(str, columns))}); "
                         f"the catalog's edge lists have {', '.join(EDGE_COLUMNS)}")
    ids: dict[str, None] = {}
    rels: dict[tuple[str, str, str], None] = {}
    warnings: list[str] = []
    has_type = "type" in columns
    for row in frame.to_dict(orient="records"):
        source, target = row.get("source"), row.get("target")
        for end in (source, target):
            if _present(end):
                ids[str(end)] = None
        rtype = row.get("type") if has_type else None
        if not (_present(source) and _present(target) and _present(rtype)):
            continue
        if rtype not in SCHEMA.relation_types:
            warnings.append(f"{source} -[{rtype}]-> {target}: not a relationship type of the schema, ends kept")
            continue
        rels[(str(rtype), str(source), str(target))] = None
        if SCHEMA.relation_types[str(rtype)].symmetric:
            rels[(str(rtype), str(target), str(source))] = None
    return list(ids), [{"type": t, "source": s, "target": o} for t, s, o in rels], warnings


def frame_blocks(store: GraphStore, frame: Any, maker: TripleMaker, report: ExportReport, *,
                 page_size: int = 1000) -> Iterator[Block]:
    """The blocks of the subgraph an edge list names: its entities, its relationships with their
    evidence, and the documents that evidence cites (documents without their mentions)."""
    ids, wanted, warnings = frame_selection(frame)
    report.warnings += warnings
    relations: list[dict[str, Any]] = []
    for i in range(0, len(wanted), page_size):
        relations += relation_rows(store.read(reads.RELATIONS_BETWEEN, {"rows": wanted[i:i + page_size]}))
    found = {(r["type"], r["source"], r["target"]) for r in relations}
    for row in wanted:
        key = (row["type"], row["source"], row["target"])
        rev = (row["type"], row["target"], row["source"])
        if key not in found and not (SCHEMA.relation_types[row["type"]].symmetric and rev in found):
            report.warnings.append(f"{row['source']} -[{row['type']}]-> {row['target']}: not in the store, skipped")
    doc_ids = sorted({d for r in relations for d in (r.get("props") or {}).get("ev_doc") or ()})
    saved, maker.mentions = maker.mentions, False
    try:
        for i in range(0, len(doc_ids), page_size):
            page = doc_ids[i:i + page_size]
            docs = _in_order(store.read(reads.DOCUMENTS_BY_ID, {"ids": page}), page)
            for doc in docs:
                yield from maker.document(doc)
            report.documents += len(docs)
    finally:
        maker.mentions = saved
    by_source = _group(relations, "source")
    seen: set[str] = set()
    for i in range(0, len(ids), page_size):
        page = ids[i:i + page_size]
        entities = _in_order(store.read(reads.ENTITIES_BY_ID, {"ids": page}), page)
        for ent in entities:
            seen.add(ent["id"])
            rels = by_source.get(ent["id"], [])
            yield from maker.entity(ent, rels)
            report.relations += len(rels)
        report.entities += len(entities)
    report.warnings += [f"entity {eid!r} is not in the store, skipped" for eid in ids if eid not in seen]
    yield from maker.extractor_blocks()


# ---------------------------------------------------------------------- writing

@contextlib.contextmanager
def open_output(path: str | os.PathLike[str] | None) -> Iterator[IO[str]]:
    """Standard output for None or '-'; otherwise a temporary file renamed over ``path`` on success."""
    if path is None or str(path) == "-":
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a stream without bytes underneath (tests): write text as is
            yield sys.stdout
            sys.stdout.flush()
            return
        sys.stdout.flush()
        handle = io.TextIOWrapper(buffer, encoding="utf-8", newline="\n")  # RDF is UTF-8 whatever the locale
        try:
            yield handle
        finally:
            handle.flush()
            handle.detach()
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_stream(blocks: Iterator[Block], out: IO[str], fmt: str, report: ExportReport,
                 maker: TripleMaker) -> ExportReport:
    started = time.perf_counter()
    writer = make_writer(fmt, out, maker.map.prefixes)
    writer.begin()
    for subject, pairs in blocks:
        writer.block(subject, pairs)
    writer.end()
    report.triples = writer.triples
    report.seconds = time.perf_counter() - started
    report.warnings += maker.warnings()
    return report


def export_store(store: GraphStore, out: IO[str] | str | os.PathLike[str] | None, fmt: str = "turtle",
                 options: ExportOptions | None = None) -> ExportReport:
    """Stream the whole graph to ``out`` (a text stream, a path, or None / '-' for standard output)."""
    options = options or ExportOptions()
    fmt = normalise_format(fmt)
    maker = options.maker()
    report = ExportReport(fmt)
    blocks = store_blocks(store, maker, report, page_size=options.page_size, id_page_size=options.id_page_size)
    if hasattr(out, "write"):
        return write_stream(blocks, out, fmt, report, maker)  # type: ignore[arg-type]
    with open_output(out) as handle:  # type: ignore[arg-type]
        return write_stream(blocks, handle, fmt, report, maker)


def export_frame(store: GraphStore, frame: Any, out: IO[str] | str | os.PathLike[str] | None, fmt: str = "turtle",
                 options: ExportOptions | None = None) -> ExportReport:
    """Stream the subgraph an edge-list DataFrame names (see :func:`frame_selection`)."""
    options = options or ExportOptions()
    fmt = normalise_format(fmt)
    maker = options.maker()
    report = ExportReport(fmt)
    blocks = frame_blocks(store, frame, maker, report, page_size=options.page_size)
    if hasattr(out, "write"):
        return write_stream(blocks, out, fmt, report, maker)  # type: ignore[arg-type]
    with open_output(out) as handle:  # type: ignore[arg-type]
        return write_stream(blocks, handle, fmt, report, maker)


def build_graph(blocks: Iterator[Block], mapping: RdfMapping | None = None) -> Graph:
    """All blocks in one in-memory ``rdflib.Graph`` (the non-streaming baseline)."""
    graph = Graph()
    for prefix, ns in (mapping or load_mapping()).prefixes.items():
        graph.bind(prefix, ns, override=True)
    add = graph.add
    for subject, pairs in blocks:
        for p, o in pairs:
            add((subject, p, to_rdflib(o)))
    return graph


def store_graph(store: GraphStore, options: ExportOptions | None = None) -> Graph:
    """The whole graph as one ``rdflib.Graph``."""
    options = options or ExportOptions()
    report = ExportReport("graph")
    return build_graph(store_blocks(store, options.maker(), report, page_size=options.page_size,
                                    id_page_size=options.id_page_size))


def export_whole(store: GraphStore, out: IO[str], fmt: str = "turtle", options: ExportOptions | None = None) -> ExportReport:
    """Build one ``rdflib.Graph`` and let rdflib serialise it (memory grows with the graph)."""
    fmt = normalise_format(fmt)
    started = time.perf_counter()
    graph = store_graph(store, options)
    out.write(graph.serialize(format=_RDFLIB_FORMAT[fmt]))
    return ExportReport(fmt, triples=len(graph), seconds=time.perf_counter() - started)


__all__: Sequence[str] = ("ExportOptions", "ExportReport", "export_store", "export_frame", "export_whole",
                          "build_graph", "store_graph", "frame_selection", "EDGE_COLUMNS")
