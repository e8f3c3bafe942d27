"""The property-graph → RDF mapping, read from ``data/ontology/mapping.json``.

Which classes an entity type gets, which predicates a relationship type becomes, how
properties and external ids are written: all of it is data. The fixed part of the
evidence model (statement, evidence, mention, extractor) uses the aikg terms below.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import Namespace, URIRef

from aikg.core.errors import ConfigError
from aikg.core.paths import as_path, shipped
from aikg.core.schema import SCHEMA

ONTOLOGY_DIR = as_path(shipped("ontology"))
MAPPING_PATH = ONTOLOGY_DIR / "mapping.json"
ONTOLOGY_PATH = ONTOLOGY_DIR / "aikg.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"

AIKG = Namespace("https://w3id.org/aikg/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA_ORG = Namespace("http://schema.org/")


class Terms:
    """The fixed vocabulary of the evidence model (declared in ``aikg.ttl``)."""

    Evidence = AIKG.Evidence
    Extractor = AIKG.Extractor
    Mention = AIKG.Mention
    confidence = AIKG.confidence
    support = AIKG.support
    sentence = AIKG.sentence
    start = AIKG.start
    end = AIKG.end
    page = AIKG.page
    extracted_by = AIKG.extractedBy
    document = AIKG.document
    entity = AIKG.entity
    first_seen = AIKG.firstSeen
    updated = AIKG.updated
    qualified_derivation = PROV.qualifiedDerivation
    derived_from = PROV.wasDerivedFrom
    attributed_to = PROV.wasAttributedTo
    prov_entity = PROV.entity
    prov_Entity = PROV.Entity
    prov_Derivation = PROV.Derivation
    software_agent = PROV.SoftwareAgent
    mentions = SCHEMA_ORG.mentions


@dataclass(frozen=True)
class RelationMapping:
    type: str
    predicate: URIRef
    also: tuple[URIRef, ...]  # extra predicates, same direction
    inverse: tuple[URIRef, ...]  # extra predicates, target -> source
    qualified_class: URIRef | None  # extra class for the statement node (an n-ary relation)
    qualified_subject: URIRef | None
    qualified_object: URIRef | None


@dataclass(frozen=True)
class ExternalId:
    key: str
    predicate: URIRef
    iri_template: str | None
    pattern: re.Pattern[str] | None

    def iri(self, value: Any) -> URIRef | None:
        """The IRI for a value when the id maps to IRIs and the value has the right form."""
        if self.iri_template is None or not isinstance(value, str):
            return None
        if self.pattern is not None and not self.pattern.fullmatch(value):
            return None
        return URIRef(self.iri_template.format(value=value))

    def value(self, iri: str) -> str | None:
        """Inverse of :meth:`iri`: the id inside an IRI, or None when the IRI is not one of ours."""
        if self.iri_template is None:
            return None
        prefix, _, suffix = self.iri_template.partition("{value}")
        if not iri.startswith(prefix) or not iri.endswith(suffix):
            return None
        value = iri[len(prefix): len(iri) - len(suffix)] if suffix else iri[len(prefix):]
        if self.pattern is not None and not self.pattern.fullmatch(value):
            return None
        return value


@dataclass(frozen=True)
class RdfMapping:
    """How the property graph is written as RDF (data/ontology/mapping.json): the classes of each
    entity type, the predicates of each relationship type and property, and the external ids."""

    prefixes: dict[str, str]
    default_base: str
    entity_classes: dict[str, tuple[URIRef, ...]]  # type -> classes, the first is the aikg class
    document_classes: tuple[URIRef, ...]
    relations: dict[str, RelationMapping]
    entity_properties: dict[str, tuple[URIRef, ...]]
    external_ids: dict[str, ExternalId]
    other_properties: str  # namespace for entity props without their own predicate
    document_properties: dict[str, URIRef]
    volatile: frozenset[str]

    def expand(self, curie: str) -> URIRef:
        return _expand(self.prefixes, curie)

    @property
    def type_by_class(self) -> dict[URIRef, str]:
        return {classes[0]: etype for etype, classes in self.entity_classes.items()}

    @property
    def relation_by_predicate(self) -> dict[URIRef, str]:
        return {rel.predicate: rel.type for rel in self.relations.values()}


def _expand(prefixes: dict[str, str], curie: str) -> URIRef:
    prefix, sep, local = curie.partition(":")
    if not sep or prefix not in prefixes:
        raise ConfigError(f"{MAPPING_PATH}: {curie!r} does not start with a declared prefix")
    return URIRef(prefixes[prefix] + local)


def parse_mapping(data: dict[str, Any]) -> RdfMapping:
    prefixes = dict(data["prefixes"])
    x = lambda c: _expand(prefixes, c)  # noqa: E731
    missing = set(SCHEMA.entity_types) ^ set(data["entity_types"])
    if missing:
        raise ConfigError(f"{MAPPING_PATH}: entity types differ from the schema: {sorted(missing)}")
    missing = set(SCHEMA.relation_types) ^ set(data["relation_types"])
    if missing:
        raise ConfigError(f"{MAPPING_PATH}: relation types differ from the schema: {sorted(missing)}")
    relations = {}
    for rtype, spec in data["relation_types"].items():
        q = spec.get("qualified") or {}
        relations[rtype] = RelationMapping(
            type=rtype, predicate=x(spec["predicate"]),
            also=tuple(x(c) for c in spec.get("also", [])), inverse=tuple(x(c) for c in spec.get("inverse", [])),
            qualified_class=x(q["class"]) if q else None, qualified_subject=x(q["subject"]) if q else None,
            qualified_object=x(q["object"]) if q else None)
    externals = {
        key: ExternalId(key, x(spec["predicate"]), spec.get("iri"),
                        re.compile(spec["pattern"]) if spec.get("pattern") else None)
        for key, spec in data["external_ids"].items()
    }
    return RdfMapping(
        prefixes=prefixes,
        default_base=data["default_base"],
        entity_classes={t: tuple(x(c) for c in classes) for t, classes in data["entity_types"].items()},
        document_classes=tuple(x(c) for c in data["document_classes"]),
        relations=relations,
        entity_properties={k: tuple(x(c) for c in v) for k, v in data["entity_properties"].items()},
        external_ids=externals,
        other_properties=str(x(data["other_entity_properties"])),
        document_properties={k: x(v) for k, v in data["document_properties"].items()},
        volatile=frozenset(data.get("volatile_properties", [])),
    )


@cache
def load_mapping(path: Path = MAPPING_PATH) -> RdfMapping:
    """The mapping in ``path`` (cached: it is read once per process)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read the RDF mapping {path}: {exc}") from exc
    return parse_mapping(data)
