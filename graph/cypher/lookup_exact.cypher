// Entity look-up, first step: entities whose id or canonical name is exactly $q (both are indexed).
MATCH (n:Entity {id: $q})
RETURN n.id AS id, n.name AS name, labels(n) AS labels, n.aliases AS aliases
UNION
MATCH (n:Entity {name: $q})
RETURN n.id AS id, n.name AS name, labels(n) AS labels, n.aliases AS aliases
