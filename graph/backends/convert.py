"""Turn driver values (nodes, relationships, paths) into plain Python for DataFrames and JSON."""

from __future__ import annotations

from typing import Any


def to_python(value: Any) -> Any:
    """Nodes become ``{'_labels': [...], **props}``, relationships ``{'_type': T, **props}``, paths lists."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [to_python(v) for v in value]
    if isinstance(value, dict):
        return {k: to_python(v) for k, v in value.items()}
    cls = type(value).__name__
    if cls == "Node":
        labels = getattr(value, "labels", None) or []
        props = dict(getattr(value, "properties", None) or dict(value.items()))
        return {"_labels": sorted(l for l in labels if l != "Entity"), **{k: to_python(v) for k, v in props.items()}}
    if cls in ("Relationship", "Edge"):
        rtype = getattr(value, "relation", None) or getattr(value, "type", None)
        props = dict(getattr(value, "properties", None) or dict(value.items()))
        return {"_type": rtype, **{k: to_python(v) for k, v in props.items()}}
    if cls == "Path":
        nodes = value.nodes() if callable(getattr(value, "nodes", None)) else value.nodes
        return [to_python(n) for n in nodes]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return str(value)
