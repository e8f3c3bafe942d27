// Summary kept by the loader: rel_docs, the number of distinct documents behind an entity's
// relationships. A batch only holds documents the store does not (a loaded document is skipped,
// a forced one retracted first), so each document of the batch is new to every entity it ties.
// $rows: [{id, docs}], docs = how many documents of this batch support a relationship of the entity
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.rel_docs = coalesce(e.rel_docs, 0) + row.docs
