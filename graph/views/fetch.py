"""Read the rows a view needs from the store and hand them to the pure builders in :mod:`aikg.graph.views.model`.

All Cypher lives in ``graph/views/cypher/*.cypher``; values travel only as parameters, and
entity and relationship types only as lists checked against the schema.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from aikg.core.errors import ConfigError, QueryError
from aikg.core.schema import SCHEMA
from aikg.graph import entity_lookup
from aikg.graph.cypher_files import CypherFolder
from aikg.graph.edge_list import EDGE_COLUMNS, NODE_COLUMNS
from aikg.graph.entity_lookup import AmbiguousEntityError, UnknownEntityError, pick_entity  # noqa: F401 (the views' names)
from aikg.graph.store import GraphStore
from aikg.graph.views.model import (
    ViewNetwork,
    ViewNode,
    build_network,
    cap_network,
    entity_type,
    filter_network,
    rows_from_edge_list,
)

DEFAULT_MAX_NODES = 500
CLUSTER_MEMBER_RELATIONS = ("ANCHORS", "LOCATED_IN")
CLUSTER_RING_TYPES = ("Person", "Programme")
VIEW_CYPHER = CypherFolder("aikg.graph.views")


def statement(name: str) -> str:
    """The text of ``graph/views/cypher/<name>.cypher``."""
    return VIEW_CYPHER.statement(name)


def all_statements() -> dict[str, str]:
    """Every statement the views send, their own and the entity look-up's (for the Neo4j linter test)."""
    return {**VIEW_CYPHER.all(), **entity_lookup.statements()}


def _choose(values: Iterable[str] | None, allowed: Sequence[str], what: str) -> list[str]:
    if values is None:
        return list(allowed)
    chosen = [v.strip() for v in values if v and v.strip()]
    bad = [v for v in chosen if v not in allowed]
    if bad:
        raise ConfigError(f"unknown {what} {', '.join(map(repr, bad))}; use some of: {', '.join(allowed)}")
    return chosen or list(allowed)


def entity_types(values: Iterable[str] | None) -> list[str]:
    """Entity types checked against the schema (all of them when ``values`` is None)."""
    return _choose(values, list(SCHEMA.entity_types), "entity type")


def relation_types(values: Iterable[str] | None) -> list[str]:
    return _choose(values, list(SCHEMA.relation_types), "relationship type")


def _min_support(min_evidence: int) -> int:
    if min_evidence < 0:
        raise ConfigError("minimum evidence must be 0 or more supporting sentences")
    return int(min_evidence)


def _min_confidence(value: float) -> float:
    if not 0.0 <= value <= 1.0:
        raise ConfigError(f"minimum confidence must be between 0 and 1, not {value}")
    return float(value)


# -- finding an entity ----------------------------------------------------------------------------

def find_node(store: GraphStore, text: str, *, types: Sequence[str] | None = None) -> ViewNode:
    """Find an entity by id, canonical name or alias (:mod:`aikg.graph.entity_lookup`); an unknown one
    names close matches."""
    found = entity_lookup.find_entity(store, text, entity_types(types))
    return ViewNode(found.id, found.name, found.type, found.aliases)


# -- rows -----------------------------------------------------------------------------------------

def node_rows(store: GraphStore, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Entity rows in the order of ``ids``."""
    if not ids:
        return []
    rows = {r["id"]: r for r in store.read(statement("node_details"), {"ids": list(ids)})}
    return [rows[i] for i in ids if i in rows]


def edge_rows(store: GraphStore, ids: Sequence[str], *, relations: Sequence[str] | None = None,
              min_evidence: int = 0, min_confidence: float = 0.0) -> list[dict[str, Any]]:
    """The relationships among ``ids``."""
    if not ids:
        return []
    return store.read(statement("induced_edges"), {"ids": list(ids), "rel_types": relation_types(relations),
                                                   "min_support": _min_support(min_evidence),
                                                   "min_confidence": _min_confidence(min_confidence)})


def neighbour_ids(store: GraphStore, ids: Sequence[str], *, types: Sequence[str] | None = None,
                  relations: Sequence[str] | None = None, min_evidence: int = 0,
                  min_confidence: float = 0.0) -> list[str]:
    if not ids:
        return []
    rows = store.read(statement("neighbours"), {"ids": list(ids), "types": entity_types(types),
                                                "rel_types": relation_types(relations),
                                                "min_support": _min_support(min_evidence),
                                                "min_confidence": _min_confidence(min_confidence)})
    return sorted({r["id"] for r in rows})


def _assemble(store: GraphStore, ids: Sequence[str], *, title: str, focus: Sequence[str],
              relations: Sequence[str] | None, min_evidence: int, notes: Sequence[str] = (),
              min_confidence: float = 0.0) -> ViewNetwork:
    edges = edge_rows(store, ids, relations=relations, min_evidence=min_evidence, min_confidence=min_confidence)
    return build_network(node_rows(store, ids), edges,
                         title=title, focus=focus, notes=notes)


# -- views ----------------------------------------------------------------------------------------

def network_around(store: GraphStore, entity: str, depth: int = 1, *, types: Sequence[str] | None = None,
                   relations: Sequence[str] | None = None, min_evidence: int = 0,
                   max_nodes: int | None = DEFAULT_MAX_NODES, title: str | None = None,
                   min_confidence: float = 0.0) -> ViewNetwork:
    """The entity and everything within ``depth`` relationships of it, read in either direction.

    ``types``, ``relations`` and ``min_evidence`` limit the paths themselves (a path through a
    filtered-out entity or a weak relationship does not count); the entity itself always shows.
    """
    if depth < 0:
        raise ConfigError("depth must be 0 or more")
    centre = find_node(store, entity)
    distance = {centre.id: 0}
    frontier = [centre.id]
    notes: list[str] = []
    for level in range(1, depth + 1):
        found = neighbour_ids(store, frontier, types=types, relations=relations, min_evidence=min_evidence,
                              min_confidence=min_confidence)
        frontier = [nid for nid in found if nid not in distance]
        for nid in frontier:
            distance[nid] = level
        if not frontier:
            break
        if max_nodes is not None and len(distance) > max_nodes and level < depth:
            notes.append(f"Stopped at depth {level} of {depth}: the neighbourhood already has more than "
                         f"{max_nodes:,} entities.")
            break
    ids = sorted(distance, key=lambda nid: (distance[nid], nid))
    net = _assemble(store, ids, title=title or f"Network around {centre.name} (depth {depth})",
                    focus=(centre.id,), relations=relations, min_evidence=min_evidence, notes=notes,
                    min_confidence=min_confidence)
    return cap_network(net, max_nodes, rank=distance)


def cluster_network(store: GraphStore, cluster: str, *, types: Sequence[str] | None = None,
                    relations: Sequence[str] | None = None, min_evidence: int = 0,
                    max_nodes: int | None = DEFAULT_MAX_NODES, title: str | None = None,
                    min_confidence: float = 0.0) -> ViewNetwork:
    """A cluster, its anchors and what is located in it, and the people and programmes tied to those."""
    hub = find_node(store, cluster, types=("Cluster",))
    allowed = entity_types(types)
    support = _min_support(min_evidence)
    members = sorted({r["id"] for r in store.read(statement("cluster_members"), {
        "id": hub.id, "member_rels": list(CLUSTER_MEMBER_RELATIONS), "types": allowed, "min_support": support,
        "min_confidence": _min_confidence(min_confidence)})})
    ring_types = [t for t in CLUSTER_RING_TYPES if t in allowed]
    ring = neighbour_ids(store, members, types=ring_types, relations=relations, min_evidence=min_evidence,
                         min_confidence=min_confidence) \
        if ring_types else []
    rank = {hub.id: 0, **{m: 1 for m in members}}
    rank.update({nid: 2 for nid in ring if nid not in rank})
    ids = sorted(rank, key=lambda nid: (rank[nid], nid))
    net = _assemble(store, ids, title=title or f"Cluster: {hub.name}", focus=(hub.id,), relations=relations,
                    min_evidence=min_evidence, min_confidence=min_confidence)
    return cap_network(net, max_nodes, rank=rank)


def whole_graph(store: GraphStore, max_nodes: int = DEFAULT_MAX_NODES, *, types: Sequence[str] | None = None,
                relations: Sequence[str] | None = None, min_evidence: int = 0,
                title: str | None = None, min_confidence: float = 0.0) -> ViewNetwork:
    """Every entity, or the ``max_nodes`` most connected ones; ``total_nodes`` says how many there were."""
    if max_nodes < 1:
        raise ConfigError("max_nodes must be at least 1")
    params = {"types": entity_types(types), "rel_types": relation_types(relations),
              "min_support": _min_support(min_evidence), "min_confidence": _min_confidence(min_confidence)}
    ranked = store.read(statement("rank_entities"), {**params, "limit": int(max_nodes)})
    total_rows = store.read(statement("count_entities"), params)
    total = int(total_rows[0]["total"]) if total_rows else len(ranked)
    ids = [r["id"] for r in ranked]
    net = _assemble(store, ids, title=title or "The whole graph", focus=(), relations=relations,
                    min_evidence=min_evidence, min_confidence=min_confidence)
    net.total_nodes = max(total, len(net.nodes))
    return net


def _missing(value: Any) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return type(value).__name__ in ("NAType", "NaTType")  # pandas' missing markers


def _records(result: Any) -> tuple[list[str], list[dict[str, Any]]]:
    if hasattr(result, "to_dict") and hasattr(result, "columns"):
        return [str(c) for c in result.columns], result.to_dict(orient="records")
    records = [dict(r) for r in result]
    return sorted({k for r in records for k in r}), records


def network_from_edges(result: Any, *, store: GraphStore | None = None, title: str = "Query result",
                       types: Sequence[str] | None = None, relations: Sequence[str] | None = None,
                       min_evidence: int = 0, max_nodes: int | None = None,
                       min_confidence: float = 0.0) -> ViewNetwork:
    """Draw a query result: a DataFrame (or records) in the edge-list convention.

    Columns ``source, source_name, source_type, type, target, target_name, target_type,
    support`` (a row without a target is a lone entity); or ``id, name, type`` for a list of
    entities. With a ``store``, aliases, document counts and the first evidence sentence
    of each relationship are looked up.
    """
    columns, records = _records(result)
    if {"source", "target", "type"} <= set(columns):
        nodes, edges = rows_from_edge_list(records)
    elif "id" in columns:
        nodes = [{"id": r["id"], "name": r.get("name"), "type": r.get("type") or r.get("labels")}
                 for r in records if not _missing(r.get("id"))]
        edges = []
    else:
        raise QueryError("cannot draw this result: it needs the edge-list columns " + ", ".join(EDGE_COLUMNS)
                         + " (or " + ", ".join(NODE_COLUMNS) + " for a list of entities); it has "
                         + (", ".join(columns) or "no columns"))
    for row in nodes:
        row["type"] = entity_type(row.get("type"))
    if store is not None and nodes:
        nodes, edges = _enrich(store, nodes, edges)
    net = build_network(nodes, edges, title=title)
    if types is not None:
        entity_types(types)  # validate
    if relations is not None:
        relation_types(relations)
    net = filter_network(net, types=types, relations=relations, min_evidence=_min_support(min_evidence),
                         min_confidence=_min_confidence(min_confidence))
    return cap_network(net, max_nodes)


def _enrich(store: GraphStore, nodes: list[dict[str, Any]],
            edges: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    ids = [n["id"] for n in nodes]
    stored = {r["id"]: r for r in node_rows(store, ids)}
    nodes = [{**n, **stored[n["id"]]} if n["id"] in stored else n for n in nodes]
    if not edges:
        return nodes, edges
    known: dict[tuple[str, str, str], Mapping[str, Any]] = {}
    for row in edge_rows(store, ids):
        known[(row["source"], row["type"], row["target"])] = row
        rel = SCHEMA.relation_types.get(row["type"])
        if rel is not None and rel.symmetric:  # stored once, may be listed either way round
            known.setdefault((row["target"], row["type"], row["source"]), row)
    filled = []
    for e in edges:
        row = known.get((e["source"], e["type"], e["target"]))
        if row:
            e = {**e, **{k: row[k] for k in ("support", "confidence", "docs", "sentence") if _missing(e.get(k))}}
        filled.append(e)
    return nodes, filled
