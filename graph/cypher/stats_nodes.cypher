// Node counts per label (Entity is the common label of the six types and is not counted, nor the change
// ledger's counts: graph/change_ledger.py).
MATCH (n)
UNWIND labels(n) AS label
WITH label WHERE label <> 'Entity' AND label <> 'ChangeCount'
RETURN label, count(*) AS count
