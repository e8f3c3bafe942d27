"""Cypher kept as ``.cypher`` files beside the code, read in one way by every part of aikg.

A folder of statements is a :class:`CypherFolder`; a statement is the file's text with its
``//`` comment lines and blank lines removed (what the store receives). The loader's
statements live in ``graph/cypher``; labels and relationship types are filled in only from
the schema's allow-list.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from aikg.core.paths import as_path, package_file
from aikg.core.schema import SCHEMA


def strip_comment_lines(cypher: str) -> str:
    """The text sent to the store: comment-only and blank lines removed."""
    return "\n".join(line for line in cypher.strip().splitlines()
                     if line.strip() and not line.lstrip().startswith("//"))


def read_cypher(path: Path) -> str:
    """One ``.cypher`` file as it is sent to the store."""
    return strip_comment_lines(path.read_text(encoding="utf-8"))


class CypherFolder:
    """The ``.cypher`` files of one folder shipped with a package, by name (read once, cached)."""

    def __init__(self, package: str, folder: str = "cypher") -> None:
        self.package = package
        self.folder = folder

    @property
    def path(self) -> Path:
        return as_path(package_file(self.package, self.folder))

    def statement(self, name: str) -> str:
        """The text of ``<folder>/<name>.cypher`` without its comments."""
        return _read(self.path / f"{name}.cypher")

    def names(self) -> list[str]:
        return [p.stem for p in sorted(self.path.glob("*.cypher"))]

    def all(self, prefix: str = "") -> dict[str, str]:
        """Every statement of the folder by name (for the Neo4j linter tests)."""
        return {f"{prefix}{name}": self.statement(name) for name in self.names()}


@cache
def _read(path: Path) -> str:
    return read_cypher(path)


#: ``graph/cypher``: the loader's statements, the store statistics and the entity look-up
GRAPH_CYPHER = CypherFolder("aikg.graph")


def statement(name: str) -> str:
    """The text of ``graph/cypher/<name>.cypher``."""
    return GRAPH_CYPHER.statement(name)


def entity_statement(name: str, entity_type: str, *, intern: bool = False) -> str:
    """``{label}`` from the schema; ``{intern}`` as in :func:`relation_statement`."""
    return (statement(name).replace("{label}", SCHEMA.label(entity_type))
            .replace("{intern}", "intern" if intern else ""))


def relation_statement(name: str, rel_type: str, *, intern: bool = False) -> str:
    """``{intern}`` marks strings the embedded engine may store once (FalkorDB's ``intern()``); Neo4j has no
    such function, so without ``intern`` the mark is dropped (``(x)`` is the value itself)."""
    return (statement(name).replace("{rel_type}", SCHEMA.rel_type(rel_type))
            .replace("{intern}", "intern" if intern else ""))


#: statements only the embedded engine runs (they call FalkorDB's ``intern()``, which Neo4j lacks)
EMBEDDED_ONLY = frozenset({"share_strings"})
#: statements whose label or relationship type is filled in from the schema
TEMPLATES = frozenset({"load_entities", "load_relations", "create_relations", "change_count_relations"})


def all_load_statements() -> dict[str, str]:
    """Every statement of ``graph/cypher`` that Neo4j can receive, by name, templates filled in for each
    schema type (the Neo4j linter test checks them all, so a new file is linted without being listed)."""
    out: dict[str, str] = {}
    for name in GRAPH_CYPHER.names():
        if name not in EMBEDDED_ONLY | TEMPLATES:
            out[name] = statement(name).replace("{intern}", "")
    for etype in SCHEMA.entity_types:
        out[f"load_entities[{etype}]"] = entity_statement("load_entities", etype)
    for rtype in SCHEMA.relation_types:
        out[f"load_relations[{rtype}]"] = relation_statement("load_relations", rtype)
        out[f"create_relations[{rtype}]"] = relation_statement("create_relations", rtype)
        out[f"change_count_relations[{rtype}]"] = relation_statement("change_count_relations", rtype)
    return out
