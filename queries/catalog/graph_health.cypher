// name: graph_health
// title: Graph health: orphans, weak entities and likely duplicates
// description: Entities that need a look. orphan: tied to no other entity by any
//   relationship. weak: mentioned at most once in all documents, so resting on a single
//   sighting. duplicate: two entities of the same type that share a name or alias once
//   case, dots, commas, hyphens and a leading 'the' are ignored (one row per pair, with
//   the shared forms). Rows come grouped by issue in that order.
// param: check str default=all choices=all|orphans|weak|duplicates -- which issue to look for
// param: limit int default=1000 min=1 max=1000000 -- most rows per issue
// column: issue -- orphan, weak or duplicate
// column: id -- entity id
// column: name -- entity name
// column: type -- entity type
// column: detail -- what was found
// column: other -- for a duplicate, the id of the other entity
// column: other_name -- for a duplicate, the other entity's name
// empty: no orphan, weak or duplicate entity was found
// example: aikg query run graph_health --param check=duplicates
// hook: health
// derived: keyed bool -- whether entities carry name_keys and has_duplicate (graph/name_keys.py; false: fold every name)

// orphans are found through a summary the loader keeps (degree, see graph/summaries.py), not by
// testing every entity's relationships
// the check is tested once per branch, before the scan, not for every entity
WITH $check AS check
WHERE check IN ['all', 'orphans']
MATCH (n:Entity)
WHERE n.degree = 0
// the first `limit` by id, then their columns: labels and text for tens of thousands cost more than the scan
WITH n
ORDER BY n.id
LIMIT $limit
RETURN 'orphan' AS issue, n.id AS id, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS type,
       'no relationship to another entity; mentions: ' + toString(coalesce(n.mention_count, 0)) AS detail,
       null AS other, null AS other_name
ORDER BY id
LIMIT $limit
UNION
WITH $check AS check
WHERE check IN ['all', 'weak']
MATCH (n:Entity)
WHERE coalesce(n.mention_count, 0) <= 1
WITH n
ORDER BY n.id
LIMIT $limit
RETURN 'weak' AS issue, n.id AS id, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS type,
       CASE WHEN coalesce(n.mention_count, 0) = 0 THEN 'never mentioned in a document'
            ELSE 'mentioned once, in one document' END AS detail,
       null AS other, null AS other_name
ORDER BY id
LIMIT $limit
UNION
// Likely duplicates from the marks the loader keeps (graph/name_keys.py): every entity sharing a name key
// with another of its type is marked, so only the marked entities' keys are grouped (7,935 of 100,000
// entities in the bench graph; an index on the mark, which is only ever true) instead of folding and sorting
// every name and alias.
WITH $check AS check, $keyed AS keyed
WHERE keyed AND check IN ['all', 'duplicates']
// Grouped by key and type at once (each marked entity's type read once, not once per pair it is in), in id
// order, so each pair is formed once with the smaller id first.
MATCH (n:Entity)
WHERE n.has_duplicate = true
WITH n, [l IN labels(n) WHERE l <> 'Entity'][0] AS type
ORDER BY n.id
UNWIND n.name_keys AS key
WITH key, type, collect(n) AS same
WHERE size(same) > 1
UNWIND range(0, size(same) - 2) AS i
UNWIND range(i + 1, size(same) - 1) AS j
WITH type, same[i] AS a, same[j] AS b, key
ORDER BY key
WITH type, a, b, collect(key) AS keys
RETURN 'duplicate' AS issue, a.id AS id, a.name AS name, type,
       'shares ' + reduce(s = '', k IN keys | s + CASE WHEN s = '' THEN '' ELSE ', ' END + '"' + k + '"') AS detail,
       b.id AS other, b.name AS other_name
ORDER BY id, other
LIMIT $limit
UNION
// a store whose entities carry no name keys (not yet migrated, or Neo4j): every name and alias is folded
WITH $check AS check, $keyed AS keyed
WHERE NOT keyed AND check IN ['all', 'duplicates']
MATCH (n:Entity)
UNWIND [n.name] + coalesce(n.aliases, []) AS form
WITH n, trim(replace(replace(replace(replace(toLower(form), '.', ''), ',', ''), '-', ' '), '  ', ' ')) AS folded
// 'the ' is dropped by splitting on spaces, not by substring(): FalkorDB 4.22's substring() cuts multibyte
// characters ('the ⅻ' gave broken UTF-8) and crashed the server on arbitrary names (tests/test_name_keys.py).
WITH n, CASE WHEN folded STARTS WITH 'the ' THEN reduce(s = head(tail(split(folded, ' '))), p IN tail(tail(split(folded, ' '))) | s + ' ' + p) ELSE folded END AS key
// Entities sharing a key are found by sorting, not by grouping every key: the engine groups
// 100k distinct strings several times slower than it sorts them. Sorted, equal keys are neighbours:
// each neighbouring pair is kept, then only those few are grouped by key. An entity's type (a list
// comprehension over its labels) is read only for them, not for every name and alias.
WITH key, n
ORDER BY key
WITH collect(key) AS keys, collect(n) AS ns
WITH [i IN range(1, size(keys) - 1) WHERE keys[i] = keys[i - 1] AND keys[i] <> '' |
      {key: keys[i], pair: [ns[i - 1], ns[i]]}] AS neighbours
UNWIND neighbours AS hit
UNWIND hit.pair AS n
WITH hit.key AS key, collect(DISTINCT n) AS same
WHERE size(same) > 1
UNWIND same AS a
UNWIND same AS b
WITH key, a, b
WHERE a.id < b.id
WITH [l IN labels(a) WHERE l <> 'Entity'][0] AS type, [l IN labels(b) WHERE l <> 'Entity'][0] AS other_type, a, b, key
WHERE type = other_type
WITH type, a, b, key
ORDER BY key
WITH type, a, b, collect(key) AS keys
RETURN 'duplicate' AS issue, a.id AS id, a.name AS name, type,
       'shares ' + reduce(s = '', k IN keys | s + CASE WHEN s = '' THEN '' ELSE ', ' END + '"' + k + '"') AS detail,
       b.id AS other, b.name AS other_name
ORDER BY id, other
LIMIT $limit
