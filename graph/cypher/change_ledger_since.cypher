// The change ledger's counts on or after a date, newest first (graph/change_ledger.py): where the newest
// `limit` relationships begin (queries/hooks/changes.py), without reading the relationships.
MATCH (c:ChangeCount)
WHERE c.first_seen >= $since
RETURN c.first_seen AS at, c.relations AS n
ORDER BY at DESC
