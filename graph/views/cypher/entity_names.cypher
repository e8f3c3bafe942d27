// Every entity of the given types with its names, for case-insensitive, alias and close-match lookup.
MATCH (n:Entity)
WHERE any(l IN labels(n) WHERE l IN $types)
RETURN n.id AS id, n.name AS name, labels(n) AS labels, n.aliases AS aliases
