// The entity with exactly this id (an index lookup). $value: the id
MATCH (n:Entity {id: $value})
RETURN n.id AS id, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, true AS by_name
