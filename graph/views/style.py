"""How views look: colours by type, sizes by degree, and tooltip text (pure; shared by HTML and figures).

Tooltips are plain text. The page turns them into DOM text nodes, never into markup.
"""

from __future__ import annotations

import math

from aikg.graph.views.model import ViewEdge, ViewNetwork, ViewNode

#: Entity type -> colour (Okabe-Ito, readable by colour-blind readers and in greyscale print).
TYPE_COLOURS: dict[str, str] = {
    "Cluster": "#D55E00",
    "Institute": "#0072B2",
    "Company": "#E69F00",
    "Agency": "#009E73",
    "Programme": "#CC79A7",
    "Person": "#56B4E9",
}
OTHER_TYPE_COLOUR = "#999999"

#: Relationship type -> colour.
RELATION_COLOURS: dict[str, str] = {
    "LOCATED_IN": "#B0B0B0",
    "ANCHORS": "#D55E00",
    "PARTNERS_WITH": "#0072B2",
    "FUNDS": "#009E73",
    "RUNS": "#CC79A7",
    "AFFILIATED_WITH": "#56B4E9",
    "FOUNDED": "#E69F00",
    "MEMBER_OF": "#7F5FBF",
    "PART_OF": "#555555",
}
OTHER_RELATION_COLOUR = "#777777"

MIN_SIZE, MAX_SIZE = 10.0, 48.0
LABEL_CHARS = 40
SENTENCE_CHARS = 400


def type_colour(etype: str) -> str:
    return TYPE_COLOURS.get(etype, OTHER_TYPE_COLOUR)


def relation_colour(rtype: str) -> str:
    return RELATION_COLOURS.get(rtype, OTHER_RELATION_COLOUR)


def node_size(degree: int, max_degree: int) -> float:
    """Radius growing with the square root of degree, so hubs stand out without hiding the rest."""
    if max_degree <= 0:
        return MIN_SIZE
    return round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(degree / max_degree), 1)


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def node_label(node: ViewNode) -> str:
    return shorten(node.name, LABEL_CHARS)


def relation_label(rtype: str) -> str:
    return rtype.replace("_", " ").lower()


def node_tooltip(node: ViewNode, degree: int) -> str:
    lines = [node.name, f"Type: {node.type}"]
    if node.aliases:
        lines.append("Also known as: " + "; ".join(node.aliases))
    lines.append(f"Supporting documents: {node.doc_count}")
    lines.append(f"Relationships in this view: {degree}")
    lines.append(f"Id: {node.id}")
    return "\n".join(lines)


def edge_tooltip(edge: ViewEdge, net: ViewNetwork) -> str:
    src, dst = net.nodes[edge.source].name, net.nodes[edge.target].name
    arrow = "↔" if edge.symmetric else "→"
    lines = [f"{src} {arrow} {dst}", f"{edge.type} ({relation_label(edge.type)})"]
    if edge.label:  # a derived link (e.g. shared partners): its label says what it stands for
        return "\n".join(lines + [edge.label])
    lines.append(f"Supporting sentences: {edge.support}; documents: {edge.docs}")
    if edge.confidence is not None:
        lines.append(f"Confidence: {edge.confidence:.2f}")
    if edge.sentence:
        lines.append("Evidence: “" + shorten(edge.sentence, SENTENCE_CHARS) + "”")
    return "\n".join(lines)
