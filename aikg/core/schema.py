"""The shared schema, read from the shipped ``data/schema.json`` so labels and types are never repeated literals."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aikg.core.paths import as_path, shipped

SCHEMA_PATH = as_path(shipped("schema.json"))


@dataclass(frozen=True)
class RelationType:
    name: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    symmetric: bool
    meaning: str


@dataclass(frozen=True)
class Schema:
    entity_label: str
    document_label: str
    mention_type: str
    entity_types: dict[str, str]
    document_kinds: tuple[str, ...]
    organisation_types: tuple[str, ...]
    relation_types: dict[str, RelationType]
    entity_properties: dict[str, str]
    relation_properties: dict[str, str]
    document_properties: dict[str, str]
    mention_properties: dict[str, str]
    external_ids: tuple[str, ...]

    @property
    def reserved_entity_properties(self) -> frozenset[str]:
        return frozenset(("id", "name", "aliases", "mention_count", "doc_count", "first_seen", "updated"))

    @property
    def labels(self) -> tuple[str, ...]:
        return (*self.entity_types, self.document_label)

    def check_relation(self, rtype: str, source_type: str, target_type: str) -> str | None:
        """Return why a relation breaks the type constraints, or None when it is allowed."""
        rel = self.relation_types.get(rtype)
        if rel is None:
            return f"unknown relation type {rtype!r}"
        if source_type not in rel.sources or target_type not in rel.targets:
            return f"{rtype} may not go from {source_type} to {target_type}"
        return None

    def label(self, entity_type: str) -> str:
        """Allow-list check: a label may reach Cypher text only if the schema names it."""
        if entity_type not in self.entity_types:
            raise ValueError(f"unknown entity type {entity_type!r}")
        return entity_type

    def rel_type(self, rtype: str) -> str:
        if rtype not in self.relation_types and rtype != self.mention_type:
            raise ValueError(f"unknown relationship type {rtype!r}")
        return rtype


def load_schema(path: Path = SCHEMA_PATH) -> Schema:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return Schema(
        entity_label=data["entity_label"],
        document_label=data["document_label"],
        mention_type=data["mention_type"],
        entity_types=dict(data["entity_types"]),
        document_kinds=tuple(data["document_kinds"]),
        organisation_types=tuple(data["organisation_types"]),
        relation_types={
            name: RelationType(name, tuple(spec["from"]), tuple(spec["to"]), bool(spec["symmetric"]), spec["meaning"])
            for name, spec in data["relation_types"].items()
        },
        entity_properties=dict(data["entity_properties"]),
        relation_properties=dict(data["relation_properties"]),
        document_properties=dict(data["document_properties"]),
        mention_properties=dict(data["mention_properties"]),
        external_ids=tuple(data["entity_external_ids"]),
    )


SCHEMA = load_schema()
