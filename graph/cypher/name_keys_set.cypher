// The folded keys of the names and aliases of the entities in $ids (graph/name_keys.py): lower case, no dots
// or commas, hyphens as spaces, double spaces single, trimmed, a leading 'the ' dropped; each once, none
// empty. The same folding as graph_health's duplicate check (queries/catalog/graph_health.cypher), so the kept
// keys and the live reading agree character for character. Runs after the entities are written; a SET
// that leaves the value equal writes nothing.
// 'the ' is dropped by splitting on spaces, not by substring(): FalkorDB 4.22's substring() cuts multibyte
// characters ('the ⅻ' gave broken UTF-8) and crashed the server on arbitrary names (tests/test_name_keys.py).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH n, [form IN [n.name] + coalesce(n.aliases, []) |
         trim(replace(replace(replace(replace(toLower(form), '.', ''), ',', ''), '-', ' '), '  ', ' '))] AS folded
WITH n, [k IN folded | CASE WHEN k STARTS WITH 'the ' THEN reduce(s = head(tail(split(k, ' '))), p IN tail(tail(split(k, ' '))) | s + ' ' + p) ELSE k END] AS keys
SET n.name_keys = reduce(acc = [], k IN keys | CASE WHEN k = '' OR k IN acc THEN acc ELSE acc + k END)
