"""The edge-list convention: the columns of a tabular result that lists relationships.

Catalog queries that return relationships produce it; the views draw it and the RDF export
exports the subgraph it names. Defined once here so the three agree.
"""

from __future__ import annotations

#: One row per relationship: its ends (id, name, type), its type and how many sentences support it.
EDGE_COLUMNS = ("source", "source_name", "source_type", "type", "target", "target_name", "target_type", "support")
#: The node-list convention (a result that lists entities only).
NODE_COLUMNS = ("id", "name", "type")
