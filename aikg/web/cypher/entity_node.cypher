// The entity an explorer page is about: its names, counts and outside identifiers.
MATCH (n:Entity {id: $id})
RETURN n.id AS id, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.aliases AS aliases,
       coalesce(n.doc_count, 0) AS doc_count, coalesce(n.mention_count, 0) AS mention_count,
       n.wikidata AS wikidata, n.cik AS cik, n.ror AS ror
