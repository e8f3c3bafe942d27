// Forced re-load, step 1: forget what these documents said about mentions and remove the
// documents themselves (so an interrupted re-load is picked up again). $docs: document ids
UNWIND $docs AS doc
MATCH (d:Document {id: doc})
OPTIONAL MATCH (d)-[m:MENTIONS]->(e:Entity)
SET e.mention_count = e.mention_count - m.count, e.doc_count = e.doc_count - 1
WITH d, collect(m) AS gone
DETACH DELETE d
