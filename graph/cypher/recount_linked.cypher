// After a load stopped or lost a document (graph/pending_counts.py recover): an entity whose linked_at a run set
// ahead (graph/loader.py _precount: it would start a relationship of the run) but that starts none loses it,
// as the loader gives none to an entity that starts no relationship (graph/change_keys.py).
MATCH (a:Entity)
WHERE a.linked_at IS NOT NULL AND NOT (a)-[]->(:Entity)
SET a.linked_at = null
