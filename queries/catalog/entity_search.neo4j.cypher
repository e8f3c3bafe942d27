// Neo4j variant of entity_search (same header, parameters and columns): Neo4j names its
// full-text procedure and index differently; the Lucene query string comes from queries/hooks/search.py.
WITH $fulltext AS q
WHERE q <> ''
CALL db.index.fulltext.queryNodes('entity_names', q) YIELD node, score
WITH node AS n, score
WHERE $type = 'any' OR $type IN labels(n)
// the best `pool` first, then their properties: a common word matches thousands of names
WITH n, score
ORDER BY score DESC, n.id
LIMIT $pool
RETURN n.id AS id, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.aliases AS aliases,
       n.mention_count AS mentions, score AS text_score
UNION
// the substring branch: the candidates come from the entities' letter n-gram keys (graph/search_grams.py),
// then the exact test on name and aliases (the text is folded once, an entity's aliases only when it has some)
WITH toLower($text) AS needle, $grams AS g
WHERE g <> ''
CALL db.index.fulltext.queryNodes('entity_grams', g) YIELD node
WITH node AS n, needle
WHERE ($type = 'any' OR $type IN labels(n))
  AND (toLower(n.name) CONTAINS needle OR (n.alias_text <> '' AND toLower(n.alias_text) CONTAINS needle))
WITH n
ORDER BY n.id
LIMIT $pool
RETURN n.id AS id, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.aliases AS aliases,
       n.mention_count AS mentions, 0.0 AS text_score
UNION
// a text of fewer than two letters or digits (or a store not yet migrated): every entity is read
WITH toLower($text) AS needle, $grams AS g
WHERE g = ''
MATCH (n:Entity)
WHERE ($type = 'any' OR $type IN labels(n))
  AND (toLower(n.name) CONTAINS needle OR (n.alias_text <> '' AND toLower(n.alias_text) CONTAINS needle))
WITH n
ORDER BY n.id
LIMIT $pool
RETURN n.id AS id, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.aliases AS aliases,
       n.mention_count AS mentions, 0.0 AS text_score
