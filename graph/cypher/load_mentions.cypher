// Document -> entity mentions with their spans; replaces the spans of that document and
// keeps the entity's mention_count / doc_count in step (incrementally, so it stays atomic).
// $rows: [{doc, id, count, starts, ends}], one row per (document, entity)
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
MATCH (e:Entity {id: row.id})
MERGE (d)-[m:MENTIONS]->(e)
ON CREATE SET e.mention_count = e.mention_count + row.count, e.doc_count = e.doc_count + 1
ON MATCH SET e.mention_count = e.mention_count - m.count + row.count
SET m.count = row.count, m.starts = row.starts, m.ends = row.ends
