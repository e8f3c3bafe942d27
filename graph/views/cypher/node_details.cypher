// What a view shows about each entity in $ids.
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n.id AS id, n.name AS name, labels(n) AS labels, n.aliases AS aliases,
       coalesce(n.doc_count, 0) AS doc_count, coalesce(n.mention_count, 0) AS mention_count
