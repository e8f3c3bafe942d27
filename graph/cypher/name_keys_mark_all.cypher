// Mark every entity that shares a name key with another of its type (name_keys_mark.cypher for all, once
// every entity has its keys): keys are sorted so equal ones are neighbours, as graph_health's live reading
// does, instead of one index look-up per key (graph/name_keys.py: a store written before the keys were kept,
// or a graph written without the loader).
MATCH (n:Entity)
UNWIND n.name_keys AS key
WITH key, n
ORDER BY key
WITH collect(key) AS keys, collect(n) AS ns
WITH [i IN range(1, size(keys) - 1) WHERE keys[i] = keys[i - 1] | {key: keys[i], pair: [ns[i - 1], ns[i]]}] AS neighbours
UNWIND neighbours AS hit
UNWIND hit.pair AS n
WITH hit.key AS key, collect(DISTINCT n) AS same
UNWIND same AS a
UNWIND same AS b
WITH a, b
WHERE a.id < b.id AND [l IN labels(a) WHERE l <> 'Entity'][0] = [l IN labels(b) WHERE l <> 'Entity'][0]
SET a.has_duplicate = true, b.has_duplicate = true
