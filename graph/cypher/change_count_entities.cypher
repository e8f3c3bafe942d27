// changes_since's total beside a page (queries/hooks/changes.py): the entities and documents first seen on
// or after a date (one index range each); the relationships are counted by change_count_relations.
MATCH (n:Entity)
WHERE $kind IN ['all', 'entities'] AND n.first_seen >= $since
RETURN count(n) AS n
UNION ALL
MATCH (d:Document)
WHERE $kind IN ['all', 'documents'] AND d.loaded_at >= $since
RETURN count(d) AS n
