// Entity look-up, second step: entities of $types whose name or an alias equals $q, ignoring case.
// With $q null: every entity of $types (the candidates for close matches when nothing is named $q).
MATCH (n:Entity)
WHERE any(l IN labels(n) WHERE l IN $types)
  AND ($q IS NULL OR toLower(n.name) = toLower($q)
       OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) = toLower($q)))
RETURN n.id AS id, n.name AS name, labels(n) AS labels, n.aliases AS aliases
