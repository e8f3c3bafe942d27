"""Network exports for Gephi and Cytoscape: GraphML and GEXF of the whole graph or of an edge list.

The graph is read into a networkx ``MultiDiGraph`` (two entities may be tied by several
relationship types) and written with networkx. Attribute names follow what the tools show:
a node's ``label`` is its name and an edge's ``weight`` its evidence count. The relationship
type is the edge attribute ``relation`` (and its ``label``), not ``type``: GEXF reserves an
edge's ``type`` for directed/undirected. Lists (clusters, aliases) are joined with ``"; "``
because neither format holds lists. Document nodes and MENTIONS are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aikg.core.errors import InputError
from aikg.graph.cypher_files import GRAPH_CYPHER
from aikg.graph.store import GraphStore

if TYPE_CHECKING:
    import networkx as nx

FORMATS = ("graphml", "gexf")
LIST_SEPARATOR = "; "
#: Node attributes every exported node carries (external ids are added when known).
NODE_ATTRIBUTES = ("label", "type", "clusters", "cluster_ids", "doc_count", "mention_count", "aliases")
#: Edge attributes every exported edge carries (confidence when the store has one).
EDGE_ATTRIBUTES = ("label", "relation", "weight", "support", "documents", "confidence")
EXTERNAL_IDS = ("wikidata", "cik", "ror")


@dataclass(frozen=True)
class ExportReport:
    path: Path
    fmt: str
    nodes: int
    edges: int


def entity_type(labels: Iterable[str]) -> str:
    """The schema type of a node from its labels (every entity also carries ``Entity``)."""
    rest = sorted(label for label in labels if label != "Entity")
    return rest[0] if rest else "Entity"


def _node_attributes(row: Mapping[str, Any]) -> dict[str, Any]:
    attrs: dict[str, Any] = {
        "label": row.get("name") or row["id"],
        "type": entity_type(row.get("labels") or []),
        "clusters": LIST_SEPARATOR.join(sorted(c for c in row.get("clusters") or [] if c)),
        "cluster_ids": LIST_SEPARATOR.join(sorted(c for c in row.get("cluster_ids") or [] if c)),
        "doc_count": int(row.get("doc_count") or 0),
        "mention_count": int(row.get("mention_count") or 0),
        "aliases": LIST_SEPARATOR.join(row.get("aliases") or []),
    }
    for key in EXTERNAL_IDS:
        if row.get(key) not in (None, ""):
            attrs[key] = str(row[key])
    return attrs


def _edge_attributes(row: Mapping[str, Any]) -> dict[str, Any]:
    support = int(row.get("support") or 0)
    attrs: dict[str, Any] = {"label": row["type"], "relation": row["type"], "weight": float(support),
                             "support": support, "documents": int(row.get("documents") or 0)}
    confidence = row.get("confidence")
    if confidence is not None and confidence == confidence:  # NaN from a DataFrame counts as missing
        attrs["confidence"] = float(confidence)
    return attrs


def build_network(nodes: Iterable[Mapping[str, Any]], edges: Iterable[Mapping[str, Any]]) -> "nx.MultiDiGraph":
    """A MultiDiGraph keyed by relationship type; an edge whose end is not among ``nodes`` is dropped."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for row in nodes:
        graph.add_node(row["id"], **_node_attributes(row))
    for row in edges:
        if row["source"] in graph and row["target"] in graph:
            graph.add_edge(row["source"], row["target"], key=row["type"], **_edge_attributes(row))
    return graph


def read_network(store: GraphStore, edges: Iterable[Mapping[str, Any]] | None = None) -> "nx.MultiDiGraph":
    """The whole graph, or the entities at the ends of ``edges`` (rows of the edge-list convention)."""
    if edges is None:
        nodes = store.read(GRAPH_CYPHER.statement("export_nodes"), {"all": True, "ids": []})
        return build_network(nodes, store.read(GRAPH_CYPHER.statement("export_edges")))
    edge_rows = list(edges)
    ids = sorted({r["source"] for r in edge_rows} | {r["target"] for r in edge_rows})
    nodes = store.read(GRAPH_CYPHER.statement("export_nodes"), {"all": False, "ids": ids})
    return build_network(nodes, edge_rows)


def write_network(graph: "nx.MultiDiGraph", path: str | Path, fmt: str) -> Path:
    """Write ``graph`` as GraphML or GEXF 1.2 (UTF-8); the folder is created when missing."""
    if fmt not in FORMATS:
        raise InputError(f"unknown network format {fmt!r}; use one of: {', '.join(FORMATS)}")
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(network_bytes(graph, fmt))
    return out


def network_bytes(graph: "nx.MultiDiGraph", fmt: str) -> bytes:
    """``graph`` as a GraphML or GEXF document in memory (for a download)."""
    import io

    import networkx as nx

    if fmt not in FORMATS:
        raise InputError(f"unknown network format {fmt!r}; use one of: {', '.join(FORMATS)}")
    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buf, encoding="utf-8", named_key_ids=True)
    else:
        nx.write_gexf(graph, buf, encoding="utf-8", version="1.2draft")
    return buf.getvalue()


def export_network(store: GraphStore, path: str | Path, fmt: str,
                   edges: Iterable[Mapping[str, Any]] | None = None) -> ExportReport:
    """Read the network (see :func:`read_network`) and write it; the report counts what was written."""
    if fmt not in FORMATS:
        raise InputError(f"unknown network format {fmt!r}; use one of: {', '.join(FORMATS)}")
    graph = read_network(store, edges)
    out = write_network(graph, path, fmt)
    return ExportReport(out, fmt, graph.number_of_nodes(), graph.number_of_edges())
