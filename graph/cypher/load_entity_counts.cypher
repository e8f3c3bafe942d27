// What a batch adds to entities it writes nothing else to (graph/loader.py: an entity the store holds that the
// batch mentions again, or that is only the end of a relationship): the same counts as load_entities.cypher,
// in one plain node write without its MERGE, label test and CASE expressions (measured, issue 18: about half
// the cost of the MERGE row). $rows: [{id, mentions, docs, degree, rel_docs, linked}].
// {intern}: as in load_entities.cypher.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.mention_count = n.mention_count + row.mentions, n.doc_count = n.doc_count + row.docs,
    n.degree = n.degree + row.degree, n.rel_docs = coalesce(n.rel_docs, 0) + row.rel_docs,
    n.linked_at = CASE WHEN row.linked AND (n.linked_at IS NULL OR n.linked_at < $now) THEN {intern}($now)
                       ELSE n.linked_at END
