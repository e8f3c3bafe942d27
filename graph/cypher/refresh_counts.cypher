// Recompute degree (relationships to other entities) and rel_docs (distinct documents behind
// them) of the entities in $ids from the graph: for a store written before the loader kept them,
// and for graphs written without the loader (bench/synthetic.py). Documents are read from ev_doc (docs is
// stored only when it repeats one; counted distinct either way). $ids: entity ids
UNWIND $ids AS id
MATCH (n:Entity {id: id})
OPTIONAL MATCH (n)-[r]-(:Entity)
UNWIND (CASE WHEN r IS NULL OR size(coalesce(r.ev_doc, [])) = 0 THEN [null] ELSE r.ev_doc END) AS d
WITH n, count(DISTINCT r) AS degree, count(DISTINCT d) AS rel_docs
SET n.degree = degree, n.rel_docs = rel_docs
