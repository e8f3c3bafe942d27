// The numeric facts tables gave a cluster (its metric_<name>[_<year>] properties, picked from all
// its properties by the page) and the table documents that mention it, where those values come from.
MATCH (c:Cluster {id: $id})
OPTIONAL MATCH (d:Document)-[:MENTIONS]->(c)
WHERE d.kind = 'table'
WITH c, collect(DISTINCT d.id) AS doc_ids
RETURN properties(c) AS props, doc_ids
