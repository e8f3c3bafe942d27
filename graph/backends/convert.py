"""Turn driver values (nodes, relationships, paths) into plain Python for DataFrames and JSON.

Graph values are recognised by the drivers' own types, never by class name: the Neo4j
driver builds one ``Relationship`` subclass per relationship type (``PARTNERS_WITH``), so a
name check misses every relationship. A driver's types are looked up only when that driver
is already imported (a value of it can exist only then), so this module loads no driver.
"""

from __future__ import annotations

import sys
from typing import Any

_HIDDEN_LABELS = ("Entity",)


def _types(module: str, *names: str) -> tuple[type, ...]:
    mod = sys.modules.get(module)
    return tuple(getattr(mod, n) for n in names) if mod is not None else ()


def _node(labels: Any, props: dict[str, Any]) -> dict[str, Any]:
    return {"_labels": sorted(l for l in labels if l not in _HIDDEN_LABELS), **{k: to_python(v) for k, v in props.items()}}


def _graph_value(value: Any) -> tuple[bool, Any]:
    """(True, plain value) for a Neo4j or FalkorDB node, relationship or path; (False, None) otherwise."""
    neo = _types("neo4j.graph", "Node", "Relationship", "Path")
    if neo:
        node, rel, path = neo
        if isinstance(value, node):
            return True, _node(value.labels, dict(value.items()))
        if isinstance(value, rel):
            return True, {"_type": value.type, **{k: to_python(v) for k, v in value.items()}}
        if isinstance(value, path):
            return True, [to_python(n) for n in value.nodes]
    falkor = (_types("falkordb.node", "Node") + _types("falkordb.edge", "Edge") + _types("falkordb.path", "Path"))
    if len(falkor) == 3:
        node, edge, path = falkor
        if isinstance(value, node):
            return True, _node(value.labels or [], dict(value.properties or {}))
        if isinstance(value, edge):
            return True, {"_type": value.relation, **{k: to_python(v) for k, v in (value.properties or {}).items()}}
        if isinstance(value, path):
            return True, [to_python(n) for n in value.nodes()]
    return False, None


def to_python(value: Any) -> Any:
    """Nodes become ``{'_labels': [...], **props}``, relationships ``{'_type': T, **props}``, paths lists of nodes."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [to_python(v) for v in value]
    if isinstance(value, dict):
        return {k: to_python(v) for k, v in value.items()}
    known, plain = _graph_value(value)
    if known:
        return plain
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return str(value)
