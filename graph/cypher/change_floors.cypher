// changes_since's page (queries/hooks/changes.py): for each kind of change, the oldest time among its `limit`
// newest since a date, and how many there were (up to `limit`). A kind with `limit` of them bounds the page:
// the page's newest changes are all at or after that time, so the query reads only those (an index range
// each) instead of every change since the date. Relationships are bounded by the change ledger when the
// store has one (graph/change_ledger.py: read by the hook, $by_linked false), else by their start entities'
// linked_at (graph/change_keys.py): each of those entities started a relationship at that time.
MATCH (n:Entity)
WHERE $kind IN ['all', 'entities'] AND n.first_seen >= $since
WITH n.first_seen AS at
ORDER BY at DESC
LIMIT $limit
RETURN 'entity' AS change, count(at) AS n, min(at) AS floor
UNION ALL
WITH $by_linked AS wanted
WHERE wanted AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $since
WITH a.linked_at AS at
ORDER BY at DESC
LIMIT $limit
RETURN 'relation' AS change, count(at) AS n, min(at) AS floor
UNION ALL
MATCH (d:Document)
WHERE $kind IN ['all', 'documents'] AND d.loaded_at >= $since
WITH d.loaded_at AS at
ORDER BY at DESC
LIMIT $limit
RETURN 'document' AS change, count(at) AS n, min(at) AS floor
