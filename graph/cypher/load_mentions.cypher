// Document -> entity mentions with their spans. $rows: [{doc, id, count, starts, ends}], one row per
// (document, entity). The documents of a batch are new to the store (a loaded document is skipped, a
// forced one retracted first), so each edge is new; the entity's mention_count and doc_count grow in
// load_entities.cypher, in the node write the batch makes anyway.
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
MATCH (e:Entity {id: row.id})
MERGE (d)-[m:MENTIONS]->(e)
SET m.count = row.count, m.starts = row.starts, m.ends = row.ends
