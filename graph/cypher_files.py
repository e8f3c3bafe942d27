"""Cypher kept as files under ``graph/cypher``; labels and types are filled only from the schema."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from aikg.core.schema import SCHEMA
from aikg.core.paths import as_path, package_file

CYPHER_DIR = as_path(package_file("aikg.graph", "cypher"))


@cache
def statement(name: str) -> str:
    """The text of ``graph/cypher/<name>.cypher``."""
    return (CYPHER_DIR / f"{name}.cypher").read_text(encoding="utf-8")


def entity_statement(name: str, entity_type: str) -> str:
    return statement(name).replace("{label}", SCHEMA.label(entity_type))


def relation_statement(name: str, rel_type: str) -> str:
    return statement(name).replace("{rel_type}", SCHEMA.rel_type(rel_type))


def all_load_statements() -> dict[str, str]:
    """Every statement the loader can send, by name (used by the Neo4j linter test)."""
    out: dict[str, str] = {}
    for name in ("load_document", "load_mentions", "retract_mentions", "retract_evidence",
                 "stats_nodes", "stats_relationships"):
        out[name] = statement(name)
    for etype in SCHEMA.entity_types:
        out[f"load_entities[{etype}]"] = entity_statement("load_entities", etype)
    for rtype in SCHEMA.relation_types:
        out[f"load_relations[{rtype}]"] = relation_statement("load_relations", rtype)
    return out
