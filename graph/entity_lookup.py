"""Find one entity by id, name or alias: the one rule the views, the query catalog and the API share.

Among the entities of the accepted types, the first of these that matches wins: the id; the
canonical name as written; the name ignoring case; an alias ignoring case. Several entities
in the winning step is an :class:`AmbiguousEntityError`; none is an :class:`UnknownEntityError`
that carries close names (rapidfuzz over the names and aliases of the accepted types), so a
typo is reported instead of answered with an empty result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from aikg.core.errors import QueryError
from aikg.core.schema import SCHEMA
from aikg.graph.cypher_files import GRAPH_CYPHER
from aikg.graph.store import GraphStore

STATEMENTS = ("lookup_exact", "lookup_named")


class Named(Protocol):
    """What the look-up reads of a candidate (an :class:`EntityMatch` or a view's node)."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def type(self) -> str: ...

    @property
    def aliases(self) -> tuple[str, ...]: ...


N = TypeVar("N", bound=Named)


@dataclass(frozen=True)
class EntityMatch:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()


def describe(entity: Named) -> str:
    return f"{entity.name} ({entity.type}, {entity.id})"


class UnknownEntityError(QueryError):
    """No entity has that id, name or alias; ``matches`` holds close names."""

    def __init__(self, text: str, matches: Sequence[Named], kind: str = "entity") -> None:
        self.text = text
        self.matches = list(matches)
        if self.matches:
            hint = "close matches: " + "; ".join(describe(m) for m in self.matches)
        else:
            hint = f"no {kind} has a similar name (check the spelling, or load the documents that mention it)"
        super().__init__(f"unknown {kind} {text!r}; {hint}")


class AmbiguousEntityError(QueryError):
    """Several entities share that name or alias; pass the id instead."""

    def __init__(self, text: str, matches: Sequence[Named]) -> None:
        self.text = text
        self.matches = list(matches)
        super().__init__(f"{text!r} names {len(self.matches)} entities; pass one id instead: "
                         + "; ".join(describe(m) for m in self.matches))


def _steps(wanted: str) -> list[Callable[[Named], bool]]:
    folded = wanted.casefold()
    return [lambda n: n.id == wanted,
            lambda n: n.name == wanted,
            lambda n: n.name.casefold() == folded,
            lambda n: any(a.casefold() == folded for a in n.aliases)]


def first_step(text: str, candidates: Sequence[N]) -> list[N]:
    """The candidates of the first step that matches ``text`` (empty when none does); pure."""
    wanted = text.strip()
    for test in _steps(wanted):
        hits = [n for n in candidates if test(n)]
        if hits:
            return sorted(hits, key=lambda n: n.id)
    return []


def close_matches(text: str, candidates: Sequence[N], limit: int = 5, cutoff: float = 70) -> list[N]:
    """Entities whose name or an alias resembles ``text``, best first (pure)."""
    from rapidfuzz import fuzz, process

    choices: dict[int, str] = {}
    owners: list[N] = []
    for node in candidates:
        for name in (node.name, *node.aliases):
            choices[len(owners)] = name
            owners.append(node)
    found: list[N] = []
    for _, _score, idx in process.extract(text, choices, scorer=fuzz.WRatio, processor=str.casefold,
                                          limit=limit * 4, score_cutoff=cutoff):
        node = owners[idx]
        if node not in found:
            found.append(node)
    return found[:limit]


def pick_entity(text: str, candidates: Sequence[N], *, kind: str = "entity") -> N:
    """The one candidate ``text`` names (see the module's rule); pure."""
    hits = first_step(text, candidates)
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise AmbiguousEntityError(text, hits)
    raise UnknownEntityError(text, close_matches(text.strip(), candidates), kind)


def _type(labels: Iterable[str] | None) -> str:
    found = [lab for lab in labels or () if lab in SCHEMA.entity_types]
    return found[0] if found else next((lab for lab in labels or () if lab != SCHEMA.entity_label), "Entity")


def match_from_row(row: Mapping[str, Any]) -> EntityMatch:
    return EntityMatch(str(row["id"]), str(row.get("name") or row["id"]), _type(row.get("labels")),
                       tuple(a for a in row.get("aliases") or () if a))


def _read(store: GraphStore, name: str, params: Mapping[str, Any]) -> list[EntityMatch]:
    return [match_from_row(r) for r in store.read(GRAPH_CYPHER.statement(name), params)]


def find_entity(store: GraphStore, text: str, types: Sequence[str] | None = None) -> EntityMatch:
    """The one entity of ``types`` (default: all) that ``text`` names, by id, name or alias.

    The indexed id/name look-up runs first; names ignoring case and aliases are read only
    when it finds nothing, and every name of the types only when there is nothing to find.
    """
    allowed = list(types or SCHEMA.entity_types)
    kind = allowed[0].lower() if len(allowed) == 1 else "entity"
    wanted = text.strip()
    exact = [m for m in _read(store, "lookup_exact", {"q": wanted}) if m.type in allowed]
    hits = first_step(wanted, exact)
    if not hits:
        hits = first_step(wanted, _read(store, "lookup_named", {"q": wanted, "types": allowed}))
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise AmbiguousEntityError(text, hits)
    everything = _read(store, "lookup_named", {"q": None, "types": allowed})
    raise UnknownEntityError(text, close_matches(wanted, everything), kind)


def statements() -> dict[str, str]:
    """The look-up's statements, by name (for the Neo4j linter tests)."""
    return {name: GRAPH_CYPHER.statement(name) for name in STATEMENTS}
