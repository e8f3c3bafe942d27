// Which of these relationships the store holds (read once when a load starts, for the relationships whose
// ends both exist: graph/loader.py counts the others as new). $rows: [{type, source, target}], symmetric
// relationships oriented as stored.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MATCH (a)-[r]->(b)
WHERE type(r) = row.type
RETURN DISTINCT row.type AS type, row.source AS source, row.target AS target
