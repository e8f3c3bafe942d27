// Entities of $types ranked by how many qualifying relationships they have (most connected first).
// With $min_support > 0 only entities with at least one such relationship count.
MATCH (n:Entity)
WHERE any(l IN labels(n) WHERE l IN $types)
OPTIONAL MATCH (n)-[r]-(m:Entity)
WHERE type(r) IN $rel_types
  AND coalesce(r.support, 0) >= $min_support
  AND coalesce(r.confidence, 1.0) >= $min_confidence
  AND any(l IN labels(m) WHERE l IN $types)
WITH n, count(r) AS degree
WHERE degree > 0 OR ($min_support <= 0 AND $min_confidence <= 0)
RETURN n.id AS id, degree, coalesce(n.doc_count, 0) AS doc_count
ORDER BY degree DESC, doc_count DESC, id
LIMIT $limit
