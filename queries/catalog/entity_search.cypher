// name: entity_search
// title: Find entities by name or alias (typo-tolerant)
// description: Looks up entities whose name or alias resembles the text. Candidates come
//   from the store's full-text index (fuzzy and prefix terms, so "Vectr Institue" still
//   finds the Vector Institute) and from a case-insensitive substring match on name and
//   aliases (which catches short forms and punctuation such as "U of T"); rapidfuzz then
//   scores each candidate against its name and every alias, and the best rows are kept.
//   The full-text procedure differs between backends: this file serves the embedded
//   store and entity_search.neo4j.cypher serves Neo4j; queries/hooks/search.py builds the
//   matching query string for each.
// param: text str required -- what to look for: a name, an alias or part of one, typos allowed
// param: type str default=any choices=any|Institute|Company|Agency|Programme|Person|Cluster -- only entities of this type
// param: limit int default=10 min=1 max=100 hook -- how many rows to return at most
// param: min_score int default=70 min=0 max=100 hook -- drop candidates whose fuzzy score is lower
// hook: search
// derived: fulltext str -- the full-text query string built from text for this backend (empty when text has no usable word)
// derived: grams str -- the n-gram look-up of the substring branch (graph/search_grams.py; empty: scan every entity)
// derived: pool int -- how many candidates each branch may return before ranking
// column: id -- entity id
// column: name -- canonical name
// column: type -- entity type
// column: aliases -- other names of the entity
// column: mentions -- how many times documents mention it
// column: score -- fuzzy similarity of the text to the best-matching form, 0-100
// column: matched -- the name or alias that matched best
// empty: nothing in the graph has a name or alias close to the text
// example: aikg query run entity_search --param text="Vectr Institue"
WITH $fulltext AS q
WHERE q <> ''
CALL db.idx.fulltext.queryNodes('Entity', q) YIELD node, score
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
CALL db.idx.fulltext.queryNodes('Entity', g) YIELD node
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
