"""Turn ``entity`` parameters (an id, a name or an alias) into entity ids before a query runs.

An exact id wins (index lookup); otherwise a case-insensitive match on name or alias among
the accepted types, preferring an exact name. No match, or several, is a
:class:`~aikg.core.errors.QueryError` that names the candidates or suggests close names, so a
typo is reported instead of answered with an empty result.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aikg.core.errors import QueryError
from aikg.queries.text import strip_comment_lines
from aikg.core.paths import as_path, package_file

if TYPE_CHECKING:
    from aikg.graph.store import GraphStore
    from aikg.queries.catalog import Query
    from aikg.queries.params import Param

CYPHER_DIR = as_path(package_file("aikg.queries", "cypher"))


@cache
def statement(name: str) -> str:
    return strip_comment_lines((CYPHER_DIR / f"{name}.cypher").read_text(encoding="utf-8"))


def statements() -> dict[str, str]:
    """The helper statements, by name (for the linter)."""
    return {f"resolve:{p.stem}": statement(p.stem) for p in sorted(CYPHER_DIR.glob("*.cypher"))}


def _kinds(param: "Param") -> str:
    types = param.entity_types
    if not types:
        return "entity"
    return types[0] if len(types) == 1 else ", ".join(types[:-1]) + " or " + types[-1]


def resolve_entity(store: "GraphStore", query: "Query", param: "Param", value: str) -> str:
    accepted = set(param.entity_types)
    fits = lambda row: not accepted or row["type"] in accepted  # noqa: E731
    rows = [r for r in store.read(statement("resolve_id"), {"value": value}) if fits(r)]
    if not rows:
        rows = [r for r in store.read(statement("resolve_name"), {"value": value}) if fits(r)]
        exact = [r for r in rows if r["by_name"]]
        rows = exact or rows
    if len(rows) == 1:
        return rows[0]["id"]
    if rows:
        listed = "; ".join(f"{r['name']} ({r['id']})" for r in rows[:10])
        raise QueryError(f"query {query.name}: {param.name}={value!r} matches several {_kinds(param)} "
                         f"entities: {listed}; pass one id")
    hint = suggestions(store, value, param)
    raise QueryError(f"query {query.name}: no {_kinds(param)} matches {param.name}={value!r}"
                     + (f"; did you mean {hint}?" if hint else "; try 'aikg query run entity_search --param text=...'"))


def suggestions(store: "GraphStore", value: str, param: "Param", limit: int = 3) -> str:
    """Close names of the accepted types, as 'Name (id)' text (empty when none)."""
    from aikg.queries.catalog import run_query

    try:
        found = run_query(store, "entity_search", {"text": value, "limit": 20})
    except QueryError:
        return ""
    if param.entity_types:
        found = found[found["type"].isin(param.entity_types)]
    return ", ".join(f"{r.name} ({r.id})" for r in found.head(limit).itertuples())


def resolve_entities(store: "GraphStore", query: "Query", values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` with every ``entity`` parameter replaced by the id it names."""
    out = dict(values)
    for param in query.params:
        if param.type == "entity" and out.get(param.name) is not None:
            out[param.name] = resolve_entity(store, query, param, out[param.name])
    return out
