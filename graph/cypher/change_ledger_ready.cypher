// Whether the change ledger is complete (graph/change_ledger.py): its mark, written when it was built.
MATCH (c:ChangeCount {first_seen: ''})
RETURN count(c) AS n
