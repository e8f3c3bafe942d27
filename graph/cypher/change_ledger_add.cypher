// The change ledger (graph/change_ledger.py): the relationships a write creates, added to the count of their
// first_seen ($now). The loader knows how many it creates (create_relations.cypher: the ones not in `known`)
// and sends this in the same atomic write.
MERGE (c:ChangeCount {first_seen: $now})
SET c.relations = coalesce(c.relations, 0) + $n
