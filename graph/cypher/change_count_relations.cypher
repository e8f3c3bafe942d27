// changes_since's total beside a page (queries/hooks/changes.py): the relationships of one type first seen on
// or after a date, found from their start entities' linked_at as the query finds them (graph/change_keys.py);
// one statement per type of the schema, joined by UNION ALL. Counting needs no end node.
MATCH (a:Entity)
WHERE $kind IN ['all', 'relations'] AND a.linked_at >= $since
MATCH (a)-[r:{rel_type}]->()
WHERE r.first_seen >= $since
RETURN count(r) AS n
