"""Turn ``entity`` parameters (an id, a name or an alias) into entity ids before a catalog query runs.

The look-up rule is :mod:`aikg.graph.entity_lookup` (the one the views use); here its
errors are said in the query's terms: no match names close names of the accepted types,
several matches list them, so a typo is reported instead of answered with an empty result.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from aikg.core.errors import QueryError
from aikg.graph import entity_lookup
from aikg.graph.entity_lookup import AmbiguousEntityError, UnknownEntityError

if TYPE_CHECKING:
    from aikg.graph.store import GraphStore
    from aikg.queries.catalog import Query
    from aikg.queries.params import Param

#: how many candidates an error lists
LIST_AMBIGUOUS = 10
LIST_CLOSE = 3


def statements() -> dict[str, str]:
    """The look-up statements a query may send, by name (for the linter)."""
    return {f"entity_lookup:{name}": text for name, text in entity_lookup.statements().items()}


def _kinds(param: "Param") -> str:
    types = param.entity_types
    if not types:
        return "entity"
    return types[0] if len(types) == 1 else ", ".join(types[:-1]) + " or " + types[-1]


def entity_id(store: "GraphStore", query: "Query", param: "Param", value: str) -> str:
    """The id of the one entity of the parameter's types that ``value`` names."""
    try:
        return entity_lookup.find_entity(store, value, param.entity_types or None).id
    except AmbiguousEntityError as exc:
        listed = "; ".join(f"{m.name} ({m.id})" for m in exc.matches[:LIST_AMBIGUOUS])
        raise QueryError(f"query {query.name}: {param.name}={value!r} matches several {_kinds(param)} "
                         f"entities: {listed}; pass one id") from None
    except UnknownEntityError as exc:
        hint = ", ".join(f"{m.name} ({m.id})" for m in exc.matches[:LIST_CLOSE])
        raise QueryError(f"query {query.name}: no {_kinds(param)} matches {param.name}={value!r}"
                         + (f"; did you mean {hint}?" if hint
                            else "; try 'aikg query run entity_search --param text=...'")) from None


def with_entity_ids(store: "GraphStore", query: "Query", values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` with every ``entity`` parameter replaced by the id it names."""
    out = dict(values)
    for param in query.params:
        if param.type == "entity" and out.get(param.name) is not None:
            out[param.name] = entity_id(store, query, param, out[param.name])
    return out
