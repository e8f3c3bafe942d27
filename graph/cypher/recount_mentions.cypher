// After a load stopped before writing the counts it kept (graph/pending_counts.py): the mention_count and
// doc_count of the entities in $ids recounted from their MENTIONS edges (one edge per document, with the
// number of spans in count). $ids: entity ids
UNWIND $ids AS id
MATCH (n:Entity {id: id})
OPTIONAL MATCH (:Document)-[m:MENTIONS]->(n)
WITH n, toInteger(sum(coalesce(m.count, 0))) AS mentions, count(m) AS docs
SET n.mention_count = mentions, n.doc_count = docs
