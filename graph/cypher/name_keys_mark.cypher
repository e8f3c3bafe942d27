// Mark the entities in $ids and every entity of the same type that shares one of their name keys
// (name_keys_set.cypher) with has_duplicate = true (graph/name_keys.py). Each key is looked up in the index on
// name_keys, so a batch reads only its own entities' keys, never every name. A mark is never taken back:
// names, aliases and types of an entity are never removed, so a pair, once found, stays.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
UNWIND n.name_keys AS k
MATCH (o:Entity)
WHERE k IN o.name_keys AND o <> n
WITH n, o
WHERE [l IN labels(o) WHERE l <> 'Entity'][0] = [l IN labels(n) WHERE l <> 'Entity'][0]
SET n.has_duplicate = true, o.has_duplicate = true
