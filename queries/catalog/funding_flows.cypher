// name: funding_flows
// title: Funding flows between funders and recipients, by cluster
// description: Every FUNDS relationship (funders → recipients: organisations, programmes,
//   people) in the edge-list form, with the clusters each side belongs to (located in or
//   anchoring, and the metro clusters those places lie in). With a cluster, only flows into
//   or out of it, or of a place within it, are listed.
// param: cluster entity:Cluster default=null -- only flows with a funder or recipient in this cluster
// param: min_confidence float default=0 min=0 max=1 -- only relationships with at least this confidence
// column: source -- funder id
// column: source_name -- funder name
// column: source_type -- funder entity type
// column: type -- always FUNDS
// column: target -- recipient id
// column: target_name -- recipient name
// column: target_type -- recipient entity type
// column: support -- number of supporting sentences
// column: source_clusters -- names of the funder's clusters (and their metros), alphabetical
// column: target_clusters -- names of the recipient's clusters (and their metros), alphabetical
// column: confidence -- highest extraction confidence of the evidence
// empty: no funding relationship touches this cluster
// example: aikg query run funding_flows --param cluster=Toronto

// Two branches, only one of which finds anything: with a cluster, its members' funding ties (members
// of places within it too); without one, every FUNDS (a branch that starts from nothing never scans).
// Each side's clusters (and their metros, names sorted) are a summary the loader keeps (graph/summaries.py).
MATCH (c:Cluster {id: $cluster})
OPTIONAL MATCH (city:Cluster)-[:WITHIN]->(c)
WITH c, collect(city) AS cities
UNWIND [c] + cities AS place
// (no labels on the ends: LOCATED_IN, ANCHORS and FUNDS only tie entities, and a label test on every end costs)
MATCH (place)<-[:LOCATED_IN|ANCHORS]-()-[r:FUNDS]-()
WHERE r.confidence >= $min_confidence
WITH DISTINCT r
WITH r, startNode(r) AS f, endNode(r) AS t
RETURN f.id AS source, f.name AS source_name, [l IN labels(f) WHERE l <> 'Entity'][0] AS source_type,
       type(r) AS type,
       t.id AS target, t.name AS target_name, [l IN labels(t) WHERE l <> 'Entity'][0] AS target_type,
       r.support AS support, coalesce(f.clusters, []) AS source_clusters, coalesce(t.clusters, []) AS target_clusters,
       r.confidence AS confidence
ORDER BY support DESC, source_name, target_name, source, target
UNION ALL
WITH $cluster AS focus
WHERE focus IS NULL
MATCH (:Entity)-[r:FUNDS]->(:Entity)
WHERE r.confidence >= $min_confidence
WITH r, startNode(r) AS f, endNode(r) AS t
RETURN f.id AS source, f.name AS source_name, [l IN labels(f) WHERE l <> 'Entity'][0] AS source_type,
       type(r) AS type,
       t.id AS target, t.name AS target_name, [l IN labels(t) WHERE l <> 'Entity'][0] AS target_type,
       r.support AS support, coalesce(f.clusters, []) AS source_clusters, coalesce(t.clusters, []) AS target_clusters,
       r.confidence AS confidence
ORDER BY support DESC, source_name, target_name, source, target
