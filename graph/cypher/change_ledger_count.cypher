// The change ledger (graph/change_ledger.py) rebuilt from the relationships between entities (one read of each),
// then the mark that says it is complete: a count at first_seen '' (never on or after a date).
MATCH (:Entity)-[r]->(:Entity)
WITH r.first_seen AS at, count(r) AS n
CREATE (:ChangeCount {first_seen: at, relations: n})
WITH count(*) AS counted
CREATE (:ChangeCount {first_seen: '', relations: 0})
