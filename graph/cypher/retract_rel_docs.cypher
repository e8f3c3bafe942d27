// Before a forced re-load, ahead of retract_evidence: take these documents out of rel_docs (the
// distinct documents behind an entity's relationships) of every entity they tie (read from ev_doc: docs is
// stored only when it repeats a document, see load_relations.cypher). $docs: document ids
MATCH (a:Entity)-[r]->(b:Entity)
WHERE any(d IN r.ev_doc WHERE d IN $docs)
UNWIND [a, b] AS e
UNWIND [d IN r.ev_doc WHERE d IN $docs] AS d
WITH e, count(DISTINCT d) AS gone
SET e.rel_docs = e.rel_docs - gone
