// name: co_mentions
// title: Co-mention network
// description: Pairs of entities that appear in the same documents, with the number of
//   documents they share, one row per pair in the edge-list form (type CO_MENTIONED,
//   support = shared documents). With an entity, only its co-mentions are listed and it
//   is always the source; without one, the whole graph's pairs (source = smaller id).
// param: entity entity default=null -- focus on this entity (id, name or alias)
// param: min_docs int default=1 min=1 max=100000 -- least number of shared documents
// param: limit int default=100 min=1 max=1000000 -- how many pairs to list, most shared first
// column: source -- id of one entity
// column: source_name -- its name
// column: source_type -- its entity type
// column: type -- always CO_MENTIONED (not a stored relationship)
// column: target -- id of the other entity
// column: target_name -- its name
// column: target_type -- its entity type
// column: support -- number of documents that mention both
// empty: no two entities share that many documents
// example: aikg query run co_mentions --param entity=NVIDIA --param min_docs=2
// hook: comentions
// derived: pairs list -- whole graph: the pairs that can be among the first limit, [source, target, docs], counted in queries/hooks/comentions.py (null: group them here)

// a pair shares at most as many documents as either of them is mentioned in (doc_count),
// so entities mentioned in fewer than min_docs documents are left out before pairing.
// Tested before the match: an id look-up with a null $entity scanned every entity (0.14 s at 100k).
WITH $entity AS focus
WHERE focus IS NOT NULL
MATCH (a:Entity {id: $entity})<-[:MENTIONS]-(d:Document)-[:MENTIONS]->(b:Entity)
WHERE a <> b AND b.doc_count >= $min_docs
WITH a, b, count(DISTINCT d) AS docs
WHERE docs >= $min_docs
RETURN a.id AS source, a.name AS source_name, [l IN labels(a) WHERE l <> 'Entity'][0] AS source_type,
       'CO_MENTIONED' AS type,
       b.id AS target, b.name AS target_name, [l IN labels(b) WHERE l <> 'Entity'][0] AS target_type,
       docs AS support
ORDER BY support DESC, target_name, target
LIMIT $limit
UNION
// Whole graph, pairs counted by the hook (queries/hooks/comentions.py): only their names and types are read here.
WITH $entity AS focus, $pairs AS pairs
WHERE focus IS NULL AND pairs IS NOT NULL
UNWIND pairs AS pair
MATCH (a:Entity {id: pair[0]})
MATCH (b:Entity {id: pair[1]})
RETURN a.id AS source, a.name AS source_name, [l IN labels(a) WHERE l <> 'Entity'][0] AS source_type,
       'CO_MENTIONED' AS type,
       b.id AS target, b.name AS target_name, [l IN labels(b) WHERE l <> 'Entity'][0] AS target_type,
       pair[2] AS support
ORDER BY support DESC, source_name, target_name, source, target
LIMIT $limit
UNION
// Whole graph when the hook sent no pairs (too many candidates): grouped here.
WITH $entity AS focus, $pairs AS pairs
WHERE focus IS NULL AND pairs IS NULL
MATCH (d:Document)-[:MENTIONS]->(a:Entity)
WHERE a.doc_count >= $min_docs
// each document's entities in id order, so every pair is formed once, smaller id first, without
// forming both orders and comparing ids (the comparisons read twice as many rows' properties)
WITH d, a
ORDER BY a.id
WITH d, collect(a) AS seen
WHERE size(seen) > 1
UNWIND range(0, size(seen) - 2) AS i
UNWIND range(i + 1, size(seen) - 1) AS j
WITH seen[i] AS a, seen[j] AS b
WITH a, b, count(*) AS docs
WHERE docs >= $min_docs
RETURN a.id AS source, a.name AS source_name, [l IN labels(a) WHERE l <> 'Entity'][0] AS source_type,
       'CO_MENTIONED' AS type,
       b.id AS target, b.name AS target_name, [l IN labels(b) WHERE l <> 'Entity'][0] AS target_type,
       docs AS support
ORDER BY support DESC, source_name, target_name, source, target
LIMIT $limit
