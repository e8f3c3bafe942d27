// The entities each document mentions, for co_mentions over the whole graph (queries/hooks/comentions.py):
// one list per document of two or more, only entities mentioned in at least min_docs documents (a pair
// shares at most as many). The hook counts the pairs in Python, where the engine's grouping of every
// pair (71,508 at 100k entities) cost most of the query.
// (the id read before the expansion, once per entity; no label test on the documents: only they mention;
// 0.74x the time of collecting a.id after it, alternating at 100k)
MATCH (a:Entity)
WHERE a.doc_count >= $min_docs
WITH a, a.id AS id
MATCH (d)-[:MENTIONS]->(a)
WITH d, collect(id) AS ids
WHERE size(ids) > 1
RETURN ids
