// Entities one relationship away from any of $ids, in either direction (PARTNERS_WITH is stored once).
MATCH (a:Entity)-[r]-(b:Entity)
WHERE a.id IN $ids
  AND type(r) IN $rel_types
  AND coalesce(r.support, 0) >= $min_support
  AND coalesce(r.confidence, 1.0) >= $min_confidence
  AND any(l IN labels(b) WHERE l IN $types)
RETURN DISTINCT b.id AS id
