// Document -> entity mentions with their spans. $rows: one row per (document, entity), a list read by
// position (graph/loader.py MENTION_FIELDS, issue 18): [0 doc, 1 id, 2 count, 3 starts, 4 ends], the document
// as its position in $docs (a document id is 64 characters; each is sent once per statement). The documents
// of a batch are new to the store (a loaded document is skipped, a forced one retracted first), so each edge
// is new; the entity's mention_count and doc_count grow in
// load_entities.cypher, in the node write the batch makes anyway.
UNWIND $rows AS row
MATCH (d:Document {id: $docs[row[0]]})
MATCH (e:Entity {id: row[1]})
MERGE (d)-[m:MENTIONS]->(e)
SET m.count = row[2], m.starts = row[3], m.ends = row[4]
