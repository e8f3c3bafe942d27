// The relationships between entities first seen on or after a date, from the change ledger (graph/change_ledger.py):
// one count per load, so a few hundred or thousand nodes read instead of every new relationship expanded.
MATCH (c:ChangeCount)
WHERE c.first_seen >= $since
RETURN coalesce(sum(c.relations), 0) AS n
