"""Import an aikg RDF export back into a store, through the interchange records and the real loader.

RDF → :class:`DocumentRecord` / :class:`EntityRecord` / :class:`RelationRecord` (pure:
:func:`graph_to_records`), each record checked by the JSONL format's own validator,
then :func:`aikg.graph.loader.load_records`: so importing is idempotent (documents already
in the store are skipped) and atomic per document, like every other load.

What is read: the aikg terms of the export (``dcterms:identifier``, ``schema:name``,
``skos:altLabel``, the external-id and ``aikgp:`` properties, ``aikg:Mention`` nodes,
and each ``rdf:Statement`` with its ``aikg:Evidence``). The standard-vocabulary
duplicates (``org:hasSite``, ``schema:founder``…) and derived values (counts, support,
statement-level confidence) are ignored: the loader recomputes them. A relationship
with no evidence cannot be loaded (every relationship needs its sentence) and is reported.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.term import Node

from aikg.core.facts import DocumentRecord, EntityRecord, Evidence, Mention, RelationRecord
from aikg.core.jsonl import RecordError, parse_record
from aikg.core.schema import SCHEMA
from aikg.graph import summaries
from aikg.graph.loader import LoadReport, load_records
from aikg.graph.rdf.files import parse_file
from aikg.graph.rdf.mapping import RdfMapping, Terms, load_mapping
from aikg.graph.rdf.writers import Prefixes
from aikg.graph.store import GraphStore


@dataclass(frozen=True)
class NodeError:
    """A node of the RDF file that could not become a record."""

    source: str
    node: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: <{self.node}>: {self.reason}"


@dataclass
class ImportedRecords:
    documents: list[DocumentRecord]
    entities: list[EntityRecord]
    relations: list[RelationRecord]
    errors: list[NodeError]


class _Missing(ValueError):
    pass


def _one(graph: Graph, node: Node, predicate: URIRef, what: str) -> Literal:
    value = graph.value(node, predicate)
    if not isinstance(value, Literal):
        raise _Missing(f"no {what} ({Prefixes(load_mapping().prefixes).curie(predicate) or predicate})")
    return value


def _int(graph: Graph, node: Node, predicate: URIRef, what: str) -> int:
    value = _one(graph, node, predicate, what).toPython()
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Missing(f"{what} is not an integer: {value!r}")
    return value


def _py(lit: Literal) -> Any:
    value = lit.toPython()
    return value if isinstance(value, (str, int, float, bool)) else str(lit)


def _checked(record: Any) -> Any:
    """Run a record through the interchange format's validator (the same rules as a JSONL line)."""
    return parse_record(record.to_json())


class _Reader:
    """Reads one export graph into records; problems collect in ``errors`` and the rest is read."""

    def __init__(self, graph: Graph, source: str, mapping: RdfMapping) -> None:
        self.graph = graph
        self.source = source
        self.m = mapping
        self.errors: list[NodeError] = []
        self.external_by_predicate = {ext.predicate: ext for ext in mapping.external_ids.values()}

    def fail(self, node: Node, reason: str) -> None:
        self.errors.append(NodeError(self.source, str(node), reason))

    def documents(self) -> tuple[list[DocumentRecord], dict[Node, str]]:
        documents: list[DocumentRecord] = []
        doc_ids: dict[Node, str] = {}
        for node in sorted(set(self.graph.subjects(RDF.type, self.m.document_classes[0]))):
            try:
                doc = self.document(node)
            except (_Missing, RecordError) as exc:
                self.fail(node, f"document not imported: {exc}")
                continue
            documents.append(doc)
            doc_ids[node] = doc.id
        return documents, doc_ids

    def document(self, node: Node) -> DocumentRecord:
        graph, dp = self.graph, self.m.document_properties
        pages = sorted(int(p.toPython()) for p in graph.objects(node, dp["pages"]) if isinstance(p, Literal))

        def opt(key: str) -> str | None:
            value = graph.value(node, dp[key])
            return str(value) if value is not None else None

        return _checked(DocumentRecord(
            id=str(_one(graph, node, dp["id"], "identifier")), source=str(_one(graph, node, dp["source"], "source")),
            title=opt("title") or "", kind=str(_one(graph, node, dp["kind"], "kind")),
            chars=_int(graph, node, dp["chars"], "chars"), published=opt("published"), publisher=opt("publisher"),
            pages=pages or None))

    def mentions(self, doc_ids: dict[Node, str]) -> dict[Node, list[Mention]]:
        graph = self.graph
        mentions: dict[Node, list[Mention]] = defaultdict(list)
        for node in graph.subjects(RDF.type, Terms.Mention):
            doc = doc_ids.get(graph.value(node, Terms.document))  # type: ignore[arg-type]
            ent = graph.value(node, Terms.entity)
            try:
                start, end = _int(graph, node, Terms.start, "start"), _int(graph, node, Terms.end, "end")
            except _Missing as exc:
                self.fail(node, f"mention not imported: {exc}")
                continue
            if doc is None or ent is None:
                self.fail(node, "mention not imported: its document or entity is missing from the file")
                continue
            mentions[ent].append(Mention(doc, start, end))
        return mentions

    def entities(self, doc_ids: dict[Node, str]) -> tuple[list[EntityRecord], dict[Node, str]]:
        nodes = {(node, etype) for etype, classes in self.m.entity_classes.items()
                 for node in self.graph.subjects(RDF.type, classes[0])}
        mentions = self.mentions(doc_ids)
        entities: list[EntityRecord] = []
        entity_ids: dict[Node, str] = {}
        seen: set[str] = set()
        for node, etype in sorted(nodes, key=lambda x: str(x[0])):
            try:
                ent = self.entity(node, etype, mentions.get(node, []))
            except (_Missing, RecordError) as exc:
                self.fail(node, f"entity not imported: {exc}")
                continue
            if ent.id in seen:
                self.fail(node, f"entity not imported: a second node has the id {ent.id!r}")
                continue
            seen.add(ent.id)
            entities.append(ent)
            entity_ids[node] = ent.id
        return entities, entity_ids

    def entity_props(self, node: Node) -> dict[str, Any]:
        """External ids and the other ``aikgp:`` properties of an entity node."""
        props: dict[str, Any] = {}
        for p, o in self.graph.predicate_objects(node):
            ext = self.external_by_predicate.get(p)  # type: ignore[arg-type]
            if ext is not None:
                value = ext.value(str(o)) if isinstance(o, URIRef) else (_py(o) if isinstance(o, Literal) else None)
                if value is not None:
                    props[ext.key] = value
            elif str(p).startswith(self.m.other_properties) and isinstance(o, Literal):
                props[str(p)[len(self.m.other_properties):]] = _py(o)
        return props

    def entity(self, node: Node, etype: str, mentions: list[Mention]) -> EntityRecord:
        graph, ep = self.graph, self.m.entity_properties
        aliases = sorted(str(a) for p in ep["aliases"] for a in graph.objects(node, p))
        return _checked(EntityRecord(
            id=str(_one(graph, node, ep["id"][0], "identifier")), type=etype,
            name=str(_one(graph, node, ep["name"][0], "name")), aliases=aliases,
            mentions=sorted(mentions, key=lambda x: (x.doc, x.start, x.end)), props=self.entity_props(node)))

    def relations(self, entity_ids: dict[Node, str], types: dict[str, str],
                  doc_ids: dict[Node, str]) -> list[RelationRecord]:
        """One record per (statement, extractor, confidence)."""
        relation_by_predicate = self.m.relation_by_predicate
        relations: list[RelationRecord] = []
        for st in sorted(set(self.graph.subjects(RDF.type, RDF.Statement))):
            rtype = relation_by_predicate.get(self.graph.value(st, RDF.predicate))  # type: ignore[arg-type]
            if rtype is None:
                continue  # a statement about something else: not ours to import
            head = entity_ids.get(self.graph.value(st, RDF.subject))  # type: ignore[arg-type]
            tail = entity_ids.get(self.graph.value(st, RDF.object))  # type: ignore[arg-type]
            if head is None or tail is None:
                self.fail(st, f"{rtype} not imported: its subject or object is not an entity of the file")
                continue
            reason = SCHEMA.check_relation(rtype, types[head], types[tail])
            if reason:
                self.fail(st, f"not imported: {reason}")
                continue
            groups = self.evidence(st, doc_ids)
            if not groups:
                self.fail(st, f"{rtype} not imported: it has no evidence (every relationship needs its sentence)")
                continue
            for (method, confidence), evidence in sorted(groups.items()):
                try:
                    relations.append(_checked(RelationRecord(rtype, head, tail, confidence, method,
                                                             sorted(evidence, key=lambda e: (e.doc, e.start, e.end)))))
                except RecordError as exc:
                    self.fail(st, f"not imported: {exc}")
        return relations

    def evidence(self, st: Node, doc_ids: dict[Node, str]) -> dict[tuple[str, float], list[Evidence]]:
        """A statement's evidence grouped by (extractor, confidence)."""
        groups: dict[tuple[str, float], list[Evidence]] = defaultdict(list)
        for ev in self.graph.objects(st, Terms.qualified_derivation):
            try:
                method, confidence, evidence = self.one_evidence(ev, doc_ids)
            except (_Missing, ValueError, TypeError) as exc:
                self.fail(ev, f"evidence not imported: {exc}")
                continue
            groups[(method, confidence)].append(evidence)
        return groups

    def one_evidence(self, ev: Node, doc_ids: dict[Node, str]) -> tuple[str, float, Evidence]:
        graph = self.graph
        doc = doc_ids.get(graph.value(ev, Terms.prov_entity))  # type: ignore[arg-type]
        if doc is None:
            raise _Missing("its document is missing from the file")
        agent = graph.value(ev, Terms.extracted_by)
        label = graph.value(agent, RDFS.label) if agent is not None else None
        method = str(label) if label is not None else (unquote(str(agent).rpartition("/")[2]) if agent else "")
        if not method:
            raise _Missing("no extractor")
        page = graph.value(ev, Terms.page)
        confidence = float(_one(graph, ev, Terms.confidence, "confidence").toPython())
        return method, confidence, Evidence(
            doc, _int(graph, ev, Terms.start, "start"), _int(graph, ev, Terms.end, "end"),
            str(_one(graph, ev, Terms.sentence, "sentence")), int(page.toPython()) if page is not None else None)


def graph_to_records(graph: Graph, *, source: str = "<graph>", mapping: RdfMapping | None = None) -> ImportedRecords:
    """Turn an aikg export back into interchange records (no store access)."""
    reader = _Reader(graph, source, mapping or load_mapping())
    documents, doc_ids = reader.documents()
    entities, entity_ids = reader.entities(doc_ids)
    relations = reader.relations(entity_ids, {e.id: e.type for e in entities}, doc_ids)
    return ImportedRecords(documents, entities, relations, reader.errors)


def import_graph(store: GraphStore, graph: Graph, *, source: str = "<graph>", batch_size: int = 5000,
                 force: bool = False) -> LoadReport:
    """Load an export's graph into the store; problems are in the report's errors, the rest loads. Like every
    run that writes facts, it ends by computing the cluster profiles its writes forgot (graph/summaries.py)."""
    started = time.perf_counter()
    records = graph_to_records(graph, source=source)
    report = load_records(store, records.documents, records.entities, records.relations,
                          batch_size=batch_size, force=force)
    report.errors[:0] = records.errors  # type: ignore[list-item]
    summaries.refresh_after_run(store, time.perf_counter() - started)
    return report


def import_file(store: GraphStore, path: str | os.PathLike[str], fmt: str | None = None, *,
                batch_size: int = 5000, force: bool = False) -> LoadReport:
    """Parse an RDF file (the whole file is held in memory while it is read) and load it."""
    return import_graph(store, parse_file(path, fmt), source=str(path), batch_size=batch_size, force=force)
