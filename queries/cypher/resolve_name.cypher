// Entities whose name or one of whose aliases equals $value, ignoring case; exact names first.
MATCH (n:Entity)
WHERE toLower(n.name) = toLower($value) OR any(a IN n.aliases WHERE toLower(a) = toLower($value))
RETURN n.id AS id, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS type,
       toLower(n.name) = toLower($value) AS by_name
ORDER BY by_name DESC, id
LIMIT 25
