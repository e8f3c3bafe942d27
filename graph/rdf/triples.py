"""Store rows → RDF, one subject at a time (pure: no store access, no I/O).

A *block* is ``(subject, [(predicate, object), ...])``: everything said about one
subject in one place, which is what the streaming writers serialise. Rows are the dicts
the store returns (see :mod:`aikg.graph.rdf.reads`).

The evidence model: every relationship becomes a direct triple ``a aikg:p b`` (plus the
standard predicates of the mapping) and an ``rdf:Statement`` reifying it, which carries
the relationship's confidence and support and, through ``prov:qualifiedDerivation``, one
``aikg:Evidence`` per supporting sentence (document, span, sentence, extractor,
confidence). See docs/rdf.md for why reification.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.term import Node

from aikg.core.schema import SCHEMA
from aikg.core.sources import without_local_root
from aikg.graph.rdf.iris import IriScheme
from aikg.graph.rdf.mapping import RdfMapping, Terms, load_mapping
from aikg.graph.summaries import SUMMARY_PROPERTIES


class Lit(NamedTuple):
    """A literal as its lexical form, datatype and language: what the writers need, built in a
    fraction of the time of an ``rdflib.Literal`` (which parses and normalises its value).
    :func:`to_rdflib` makes the rdflib term when a real graph is built."""

    lexical: str
    datatype: str | None = None
    lang: str | None = None


Term = URIRef | Lit | Node
Pair = tuple[URIRef, Term]
Block = tuple[URIRef, list[Pair]]

#: entity properties that are not written as properties of their own
_DERIVED = frozenset({"alias_text", "grams", "linked_at", "name_keys", "has_duplicate", *SUMMARY_PROPERTIES})  # kept by the loader from the graph itself
_INTEGER, _DOUBLE, _BOOLEAN, _DATETIME = str(XSD.integer), str(XSD.double), str(XSD.boolean), str(XSD.dateTime)
# rdflib namespace attribute lookups are slow; these are used for every triple
A, STATEMENT, SUBJECT, PREDICATE, OBJECT, LABEL = RDF.type, RDF.Statement, RDF.subject, RDF.predicate, RDF.object, RDFS.label


def lit_str(value: Any) -> Lit:
    return Lit(str(value))


def lit_int(value: Any) -> Lit:
    return Lit(str(int(value)), _INTEGER)


def lit_double(value: Any) -> Lit:
    return Lit(repr(float(value)), _DOUBLE)


def _literal(value: Any) -> Lit:
    """A property value: booleans, integers and floats keep their XSD type; the rest is text."""
    if isinstance(value, bool):
        return Lit("true" if value else "false", _BOOLEAN)
    if isinstance(value, int):
        return lit_int(value)
    if isinstance(value, float):
        return lit_double(value)
    return lit_str(value)


def _datetime(value: Any) -> Lit:
    return Lit(str(value), _DATETIME)


def to_rdflib(term: Term) -> Node:
    """The rdflib term for a term of a block."""
    if type(term) is Lit:
        return Literal(term.lexical, lang=term.lang, datatype=URIRef(term.datatype) if term.datatype else None)
    return term  # type: ignore[return-value]


class TripleMaker:
    """Turns rows into blocks for one mapping and IRI scheme; remembers the extractors it met."""

    def __init__(self, iris: IriScheme, mapping: RdfMapping | None = None, *, timestamps: bool = False,
                 mentions: bool = True) -> None:
        self.iris = iris
        self.map = mapping or load_mapping()
        self.timestamps = timestamps
        self.mentions = mentions
        self.extractors: set[str] = set()
        self.skipped: Counter[str] = Counter()  # what the mapping has no terms for, by kind
        self._skip = SCHEMA.reserved_entity_properties | _DERIVED

    # ------------------------------------------------------------------ documents

    def document(self, row: dict[str, Any], mentions: Sequence[dict[str, Any]] = ()) -> list[Block]:
        """A document and, when mentions are on, its mention nodes."""
        doc_id: str = row["id"]
        props = row.get("props") or {}
        dp = self.map.document_properties
        subject = self.iris.document(doc_id)
        pairs: list[Pair] = [(A, c) for c in self.map.document_classes]
        pairs.append((dp["id"], lit_str(doc_id)))
        for key in ("source", "title", "kind", "published", "publisher"):
            value = props.get(key)
            if key == "source" and value:
                value = without_local_root(value)  # older extractions may hold an absolute local path
            if value is not None and (value != "" or key == "title"):
                pairs.append((dp[key], lit_str(value)))
        if props.get("chars") is not None:
            pairs.append((dp["chars"], lit_int(props["chars"])))
        for offset in props.get("pages") or ():
            pairs.append((dp["pages"], lit_int(offset)))
        if self.timestamps and props.get("loaded_at"):
            pairs.append((dp["loaded_at"], _datetime(props["loaded_at"])))
        blocks: list[Block] = [(subject, pairs)]
        if not self.mentions:
            return blocks
        for m in sorted(mentions, key=lambda m: m["entity"]):
            entity = self.iris.entity(m["entity"])
            pairs.append((Terms.mentions, entity))
            for start, end in sorted(set(zip(m.get("starts") or (), m.get("ends") or ()))):
                node = self.iris.mention(doc_id, m["entity"], start, end)
                blocks.append((node, [(A, Terms.Mention), (Terms.document, subject), (Terms.entity, entity),
                                      (Terms.start, lit_int(start)), (Terms.end, lit_int(end))]))
        return blocks

    # ------------------------------------------------------------------ entities

    @staticmethod
    def entity_type(labels: Iterable[str]) -> str | None:
        for label in labels:
            if label in SCHEMA.entity_types:
                return label
        return None

    def entity(self, row: dict[str, Any], relations: Sequence[dict[str, Any]] = ()) -> list[Block]:
        """An entity, its outgoing relationships, and their statements and evidence."""
        etype = self.entity_type(row.get("labels") or ())
        if etype is None:
            self.skipped[f"entity labelled {sorted(row.get('labels') or ())}"] += 1
            return []
        props = row.get("props") or {}
        ep = self.map.entity_properties
        subject = self.iris.entity(row["id"])
        pairs: list[Pair] = [(A, c) for c in self.map.entity_classes[etype]]
        pairs += [(p, lit_str(row["id"])) for p in ep["id"]]
        if props.get("name") is not None:
            pairs += [(p, lit_str(props["name"])) for p in ep["name"]]
        for alias in props.get("aliases") or ():
            pairs += [(p, lit_str(alias)) for p in ep["aliases"]]
        for key in ("mention_count", "doc_count"):
            if props.get(key) is not None:
                pairs += [(p, lit_int(props[key])) for p in ep[key]]
        if self.timestamps:
            for key in ("first_seen", "updated"):
                if props.get(key):
                    pairs += [(p, _datetime(props[key])) for p in ep[key]]
        for key in sorted(props):
            value = props[key]
            if value is None or key in self._skip:
                continue
            values = value if isinstance(value, list) else [value]
            ext = self.map.external_ids.get(key)
            for v in values:
                iri = ext.iri(v) if ext else None
                if iri is not None:
                    pairs.append((ext.predicate, iri))
                elif ext is not None and ext.iri_template is None:
                    pairs.append((ext.predicate, _literal(v)))
                else:  # any other prop, or an external id whose value does not fit its IRI form
                    pairs.append((URIRef(self.map.other_properties + key), _literal(v)))
        blocks: list[Block] = [(subject, pairs)]
        for rel in sorted(relations, key=lambda r: (r["type"], r["target"])):
            blocks += self.relation(subject, pairs, rel)
        return blocks

    def relation(self, subject: URIRef, subject_pairs: list[Pair], rel: dict[str, Any]) -> list[Block]:
        mapping = self.map.relations.get(rel["type"])
        if mapping is None:
            self.skipped[f"relationship of type {rel['type']}"] += 1
            return []
        props = rel.get("props") or {}
        target = self.iris.entity(rel["target"])
        subject_pairs.append((mapping.predicate, target))
        subject_pairs += [(p, target) for p in mapping.also]
        blocks: list[Block] = []
        if mapping.inverse:
            blocks.append((target, [(p, subject) for p in mapping.inverse]))
        st = self.iris.statement(rel["type"], rel["source"], rel["target"])
        pairs: list[Pair] = [(A, STATEMENT), (A, Terms.prov_Entity)]
        if mapping.qualified_class is not None:
            pairs.append((A, mapping.qualified_class))
        pairs += [(SUBJECT, subject), (PREDICATE, mapping.predicate), (OBJECT, target)]
        if mapping.qualified_subject is not None:
            pairs += [(mapping.qualified_subject, subject), (mapping.qualified_object, target)]  # type: ignore[list-item]
        if props.get("confidence") is not None:
            pairs.append((Terms.confidence, lit_double(props["confidence"])))
        if props.get("support") is not None:
            pairs.append((Terms.support, lit_int(props["support"])))
        if self.timestamps:
            for key, term in (("first_seen", Terms.first_seen), ("updated", Terms.updated)):
                if props.get(key):
                    pairs.append((term, _datetime(props[key])))
        evidence = list(zip(props.get("ev_doc") or (), props.get("ev_start") or (), props.get("ev_end") or (),
                            props.get("ev_sentence") or (), props.get("ev_method") or (),
                            props.get("ev_confidence") or (), props.get("ev_page") or _zeros(props)))
        docs: dict[str, None] = {}
        methods: dict[str, None] = {}
        ev_blocks: list[Block] = []
        for doc, start, end, sentence, method, confidence, page in evidence:
            docs[doc] = None
            methods[method] = None
            self.extractors.add(method)
            node = self.iris.evidence(st, doc, start, end, sentence, method, float(confidence), int(page or 0))
            ev = [(A, Terms.Evidence), (A, Terms.prov_Derivation),
                  (Terms.prov_entity, self.iris.document(doc)),
                  (Terms.start, lit_int(start)), (Terms.end, lit_int(end)),
                  (Terms.sentence, lit_str(sentence)),
                  (Terms.extracted_by, self.iris.extractor(method)),
                  (Terms.confidence, lit_double(confidence))]
            if page:
                ev.append((Terms.page, lit_int(page)))
            pairs.append((Terms.qualified_derivation, node))
            ev_blocks.append((node, ev))
        pairs += [(Terms.derived_from, self.iris.document(d)) for d in docs]
        pairs += [(Terms.attributed_to, self.iris.extractor(m)) for m in methods]
        blocks.append((st, pairs))
        return blocks + ev_blocks

    def warnings(self) -> list[str]:
        return [f"{n} {what} not in the mapping, left out" for what, n in sorted(self.skipped.items())]

    def extractor_blocks(self) -> Iterator[Block]:
        """The extractors met so far (written once, at the end of an export)."""
        for method in sorted(self.extractors):
            yield (self.iris.extractor(method),
                   [(A, Terms.Extractor), (A, Terms.software_agent), (LABEL, lit_str(method))])


def _zeros(props: dict[str, Any]) -> list[int]:
    return [0] * len(props.get("ev_doc") or ())
