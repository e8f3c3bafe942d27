"""The read-only Cypher the RDF export sends, as named constants (linted against Neo4j in the tests).

Paging: ids are read in large ``ORDER BY id SKIP … LIMIT …`` pages, then the nodes in
small pages by id (index lookups). Keyset paging (``WHERE n.id > $after``) would be
cheaper but is wrong on the embedded store: FalkorDB's range-index scan compares
strings differently from ``ORDER BY`` and silently skips non-ASCII ids (found by
``test_export_is_deterministic_and_independent_of_page_size``). Values travel only as
parameters.
"""

from __future__ import annotations

DOCUMENT_IDS = """
MATCH (d:Document)
RETURN d.id AS id
ORDER BY id
SKIP $skip
LIMIT $limit
"""

DOCUMENTS_BY_ID = """
UNWIND $ids AS doc_id
MATCH (d:Document {id: doc_id})
RETURN d.id AS id, properties(d) AS props
"""

DOCUMENT_MENTIONS = """
UNWIND $ids AS doc_id
MATCH (d:Document {id: doc_id})-[m:MENTIONS]->(e:Entity)
RETURN d.id AS doc, e.id AS entity, m.starts AS starts, m.ends AS ends
"""

ENTITY_IDS = """
MATCH (n:Entity)
RETURN n.id AS id
ORDER BY id
SKIP $skip
LIMIT $limit
"""

ENTITIES_BY_ID = """
UNWIND $ids AS entity_id
MATCH (n:Entity {id: entity_id})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
"""

# Relationship properties are returned as columns, not properties(r): the embedded store's
# client parses a map of lists about twice as slowly.
OUTGOING_RELATIONS = """
UNWIND $ids AS entity_id
MATCH (a:Entity {id: entity_id})-[r]->(b:Entity)
RETURN a.id AS source, type(r) AS type, b.id AS target, r.confidence AS confidence, r.support AS support,
       r.ev_doc AS ev_doc, r.ev_start AS ev_start, r.ev_end AS ev_end, r.ev_sentence AS ev_sentence,
       r.ev_method AS ev_method, r.ev_confidence AS ev_confidence, r.ev_page AS ev_page,
       r.first_seen AS first_seen, coalesce(r.updated, r.first_seen) AS updated
"""

RELATIONS_BETWEEN = """
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})-[r]->(b:Entity {id: row.target})
WHERE type(r) = row.type
RETURN a.id AS source, type(r) AS type, b.id AS target, r.confidence AS confidence, r.support AS support,
       r.ev_doc AS ev_doc, r.ev_start AS ev_start, r.ev_end AS ev_end, r.ev_sentence AS ev_sentence,
       r.ev_method AS ev_method, r.ev_confidence AS ev_confidence, r.ev_page AS ev_page,
       r.first_seen AS first_seen, coalesce(r.updated, r.first_seen) AS updated
"""

#: the columns of a relationship row that are its properties
RELATION_COLUMNS = ("confidence", "support", "ev_doc", "ev_start", "ev_end", "ev_sentence", "ev_method",
                    "ev_confidence", "ev_page", "first_seen", "updated")

ALL = {name: text for name, text in globals().items() if name.isupper() and isinstance(text, str) and "RETURN" in text}
