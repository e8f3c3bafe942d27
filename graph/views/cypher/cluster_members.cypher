// Entities tied to the cluster $id by one of $member_rels (its anchors and what is located in it).
MATCH (o:Entity)-[r]->(c:Entity {id: $id})
WHERE type(r) IN $member_rels
  AND coalesce(r.support, 0) >= $min_support
  AND coalesce(r.confidence, 1.0) >= $min_confidence
  AND any(l IN labels(o) WHERE l IN $types)
RETURN DISTINCT o.id AS id
