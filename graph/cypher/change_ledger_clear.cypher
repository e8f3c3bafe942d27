// The change ledger (graph/change_ledger.py) rebuilt: first every count goes (change_ledger_count follows).
MATCH (c:ChangeCount)
DELETE c
