"""The data a view draws: entities, relationships and what was left out (pure, no store, no I/O).

Every view (around an entity, a cluster, a query result, the whole graph) becomes a
:class:`ViewNetwork`; the HTML page and the static figure are both drawn from it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from aikg.core.schema import SCHEMA

UNKNOWN_TYPE = "Entity"


@dataclass(frozen=True)
class ViewNode:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    doc_count: int = 0
    mention_count: int = 0


@dataclass(frozen=True)
class ViewEdge:
    source: str
    target: str
    type: str
    support: int = 0
    confidence: float | None = None
    docs: int = 0
    sentence: str = ""
    label: str = ""  # drawn on the edge instead of the relationship type (e.g. the partners two clusters share)

    @property
    def symmetric(self) -> bool:
        rel = SCHEMA.relation_types.get(self.type)
        return bool(rel and rel.symmetric)

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity of the relationship; a symmetric one is the same whichever way it is read."""
        if self.symmetric and self.target < self.source:
            return (self.target, self.type, self.source)
        return (self.source, self.type, self.target)


@dataclass
class ViewNetwork:
    """Nodes by id (in display order), relationships, and a note when something was left out."""

    title: str
    nodes: dict[str, ViewNode] = field(default_factory=dict)
    edges: list[ViewEdge] = field(default_factory=list)
    focus: tuple[str, ...] = ()
    total_nodes: int | None = None  # how many entities qualified before a size cap
    notes: tuple[str, ...] = ()

    @property
    def capped(self) -> bool:
        return self.total_nodes is not None and self.total_nodes > len(self.nodes)

    @property
    def cap_message(self) -> str:
        if not self.capped:
            return ""
        return (f"Showing {len(self.nodes):,} of {self.total_nodes:,} entities (the most connected); "
                "raise the cap (max_nodes, --max-nodes) or filter by type or evidence to see others.")

    @property
    def messages(self) -> tuple[str, ...]:
        return ((self.cap_message,) if self.capped else ()) + self.notes

    def degrees(self) -> dict[str, int]:
        deg = {nid: 0 for nid in self.nodes}
        for e in self.edges:
            deg[e.source] += 1
            if e.target != e.source:
                deg[e.target] += 1
        return deg

    def types(self) -> list[str]:
        """Entity types present, in schema order."""
        present = {n.type for n in self.nodes.values()}
        order = [*SCHEMA.entity_types, UNKNOWN_TYPE]
        return [t for t in order if t in present] + sorted(present - set(order))

    def relation_types(self) -> list[str]:
        present = {e.type for e in self.edges}
        order = list(SCHEMA.relation_types)
        return [t for t in order if t in present] + sorted(present - set(order))


def entity_type(labels: Iterable[str] | str | None) -> str:
    """The schema type among a node's labels (``Entity`` itself is not a type)."""
    if isinstance(labels, str):
        labels = [labels]
    found = [lab for lab in labels or () if lab in SCHEMA.entity_types]
    if found:
        return found[0]
    others = [lab for lab in labels or () if lab and lab != SCHEMA.entity_label]
    return others[0] if others else UNKNOWN_TYPE


def _int(value: Any) -> int:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return 0
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _aliases(value: Any, name: str) -> tuple[str, ...]:
    if value is None or isinstance(value, float):
        return ()
    if isinstance(value, str):
        value = [value]
    return tuple(dict.fromkeys(str(a) for a in value if a is not None and str(a) != name))


def node_from_row(row: Mapping[str, Any]) -> ViewNode:
    """A node from a store row: ``id``, ``name``, ``labels`` or ``type``, ``aliases``, counts."""
    nid = _text(row.get("id"))
    name = _text(row.get("name")) or nid
    etype = entity_type(row.get("labels") if row.get("labels") is not None else row.get("type"))
    return ViewNode(nid, name, etype, _aliases(row.get("aliases"), name), _int(row.get("doc_count")),
                    _int(row.get("mention_count")))


def edge_from_row(row: Mapping[str, Any]) -> ViewEdge:
    conf = row.get("confidence")
    try:
        confidence = None if conf is None or (isinstance(conf, float) and math.isnan(conf)) else float(conf)
    except (TypeError, ValueError):
        confidence = None
    sentence = row.get("sentence")
    if isinstance(sentence, (list, tuple)):
        sentence = sentence[0] if sentence else ""
    return ViewEdge(_text(row.get("source")), _text(row.get("target")), _text(row.get("type")),
                    _int(row.get("support")), confidence, _int(row.get("docs")), _text(sentence),
                    _text(row.get("label")))


def _merge(a: ViewEdge, b: ViewEdge) -> ViewEdge:
    best = a if a.support >= b.support else b
    conf = max((c for c in (a.confidence, b.confidence) if c is not None), default=None)
    return replace(best, confidence=conf, docs=max(a.docs, b.docs), sentence=a.sentence or b.sentence)


def build_network(node_rows: Iterable[Mapping[str, Any]], edge_rows: Iterable[Mapping[str, Any]], *, title: str,
                  focus: Sequence[str] = (), total_nodes: int | None = None,
                  notes: Sequence[str] = ()) -> ViewNetwork:
    """Assemble a network from rows; relationships whose ends are not nodes are dropped, duplicates merged."""
    nodes: dict[str, ViewNode] = {}
    for row in node_rows:
        node = row if isinstance(row, ViewNode) else node_from_row(row)
        if node.id and node.id not in nodes:
            nodes[node.id] = node
    edges: dict[tuple[str, str, str], ViewEdge] = {}
    for row in edge_rows:
        edge = row if isinstance(row, ViewEdge) else edge_from_row(row)
        if edge.source not in nodes or edge.target not in nodes or not edge.type:
            continue
        key = edge.key
        if key != (edge.source, edge.type, edge.target):  # read against the stored direction
            edge = replace(edge, source=key[0], target=key[2])
        edges[key] = _merge(edges[key], edge) if key in edges else edge
    ordered = sorted(edges.values(), key=lambda e: e.key)
    return ViewNetwork(title, nodes, ordered, tuple(f for f in focus if f in nodes), total_nodes, tuple(notes))


def filter_network(net: ViewNetwork, *, types: Sequence[str] | None = None, relations: Sequence[str] | None = None,
                   min_evidence: int = 0, min_confidence: float = 0.0) -> ViewNetwork:
    """Keep entities of ``types`` and relationships of ``relations`` with at least ``min_evidence`` sentences
    and ``min_confidence`` (an edge that carries no confidence, such as a co-mention, is no extracted claim
    and stays).

    The focus entities always stay. An entity that had relationships and lost all of them to
    the relationship filters goes too, so filtering by evidence shows only well-supported ties.
    """
    keep_types = set(types) if types else None
    keep_rels = set(relations) if relations else None
    nodes = {nid: n for nid, n in net.nodes.items()
             if keep_types is None or n.type in keep_types or nid in net.focus}
    edges = [e for e in net.edges
             if e.source in nodes and e.target in nodes and e.support >= min_evidence
             and (keep_rels is None or e.type in keep_rels) and (e.confidence is None or e.confidence >= min_confidence)]
    if min_evidence > 0 or keep_rels is not None or min_confidence > 0:
        before = {nid for e in net.edges for nid in (e.source, e.target)}
        after = {nid for e in edges for nid in (e.source, e.target)}
        nodes = {nid: n for nid, n in nodes.items() if nid in after or nid not in before or nid in net.focus}
    return replace(net, nodes=nodes, edges=edges, focus=tuple(f for f in net.focus if f in nodes))


def cap_network(net: ViewNetwork, max_nodes: int | None, *, rank: Mapping[str, Any] | None = None) -> ViewNetwork:
    """Keep at most ``max_nodes`` entities: focus first, then by ``rank`` (lower first) or by degree.

    The number that qualified is kept in ``total_nodes`` so the page and the CLI can say so.
    """
    if max_nodes is None or len(net.nodes) <= max_nodes:
        return net
    deg = net.degrees()
    focus = set(net.focus)

    def key(nid: str) -> tuple:
        ranked = rank is not None and nid in rank
        return (nid not in focus, not ranked, rank[nid] if ranked else 0, -deg[nid], net.nodes[nid].name, nid)

    chosen = sorted(net.nodes, key=key)[:max(max_nodes, 0)]
    keep = set(chosen)
    nodes = {nid: n for nid, n in net.nodes.items() if nid in keep}
    edges = [e for e in net.edges if e.source in keep and e.target in keep]
    total = max(net.total_nodes or 0, len(net.nodes))
    return replace(net, nodes=nodes, edges=edges, focus=tuple(f for f in net.focus if f in keep), total_nodes=total)


def _first(rec: Mapping[str, Any], *keys: str) -> Any:
    for key in keys:
        value = rec.get(key)
        if not (value is None or (isinstance(value, float) and math.isnan(value))):
            return value
    return None


def rows_from_edge_list(records: Iterable[Mapping[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Node and edge rows from edge-list records (a row with no target is a lone entity)."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[dict[str, Any]] = []
    for rec in records:
        ends = []
        for side in ("source", "target"):
            nid = _text(rec.get(side))
            if not nid:
                continue
            ends.append(nid)
            if nid not in nodes:
                nodes[nid] = {"id": nid, "name": _text(rec.get(f"{side}_name")) or nid,
                              "type": _text(rec.get(f"{side}_type")) or UNKNOWN_TYPE}
        if len(ends) == 2 and _text(rec.get("type")):
            edges.append({"source": ends[0], "target": ends[1], "type": _text(rec.get("type")),
                          "support": rec.get("support"), "confidence": rec.get("confidence"),
                          "docs": _first(rec, "docs", "documents"),
                          "sentence": _first(rec, "sentence", "evidence"), "label": rec.get("label")})
    return list(nodes.values()), edges
