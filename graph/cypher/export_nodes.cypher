// Every entity (or those in $ids unless $all) with what a network export carries: its labels,
// aliases, document and mention counts, outside identifiers and the clusters it is located in
// or anchors (names and ids).
MATCH (n:Entity)
WHERE $all OR n.id IN $ids
OPTIONAL MATCH (n)-[:LOCATED_IN|ANCHORS]->(c:Cluster)
RETURN n.id AS id, n.name AS name, labels(n) AS labels, n.aliases AS aliases,
       coalesce(n.doc_count, 0) AS doc_count, coalesce(n.mention_count, 0) AS mention_count,
       n.wikidata AS wikidata, n.cik AS cik, n.ror AS ror,
       collect(DISTINCT c.name) AS clusters, collect(DISTINCT c.id) AS cluster_ids
