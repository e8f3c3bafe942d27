// The relationships among $ids, each once in its stored direction, with its first evidence sentence.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids
  AND type(r) IN $rel_types
  AND coalesce(r.support, 0) >= $min_support
  AND coalesce(r.confidence, 1.0) >= $min_confidence
RETURN a.id AS source, b.id AS target, type(r) AS type, coalesce(r.support, 0) AS support,
       r.confidence AS confidence, coalesce(size(coalesce(r.docs, r.ev_doc)), 0) AS docs, r.ev_sentence[0] AS sentence
