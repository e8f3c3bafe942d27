// name: funding_flows
// title: Funding flows between funders and recipients, by cluster
// description: Every FUNDS relationship (funders → recipients: organisations, programmes,
//   people) in the edge-list form, with the clusters each side belongs to (located in or
//   anchoring). With a cluster, only flows into or out of it are listed.
// param: cluster entity:Cluster default=null -- only flows with a funder or recipient in this cluster
// column: source -- funder id
// column: source_name -- funder name
// column: source_type -- funder entity type
// column: type -- always FUNDS
// column: target -- recipient id
// column: target_name -- recipient name
// column: target_type -- recipient entity type
// column: support -- number of supporting sentences
// column: source_clusters -- names of the funder's clusters, alphabetical
// column: target_clusters -- names of the recipient's clusters, alphabetical
// column: confidence -- highest extraction confidence of the evidence
// empty: no funding relationship touches this cluster
// example: aikg query run funding_flows --param cluster=Toronto

// with a cluster, start from its members' funding ties; without one, take every FUNDS
OPTIONAL MATCH (:Cluster {id: $cluster})<-[:LOCATED_IN|ANCHORS]-(:Entity)-[scoped:FUNDS]-(:Entity)
WITH collect(DISTINCT scoped) AS picked
OPTIONAL MATCH (:Entity)-[every:FUNDS]->(:Entity)
WHERE $cluster IS NULL
WITH picked, collect(every) AS everything
UNWIND picked + everything AS r
WITH r, startNode(r) AS f, endNode(r) AS t
OPTIONAL MATCH (f)-[:LOCATED_IN|ANCHORS]->(fc:Cluster)
WITH f, r, t, fc
ORDER BY fc.name
WITH f, r, t, collect(DISTINCT fc) AS fcs
OPTIONAL MATCH (t)-[:LOCATED_IN|ANCHORS]->(tc:Cluster)
WITH f, r, t, fcs, tc
ORDER BY tc.name
WITH f, r, t, fcs, collect(DISTINCT tc) AS tcs
RETURN f.id AS source, f.name AS source_name, [l IN labels(f) WHERE l <> 'Entity'][0] AS source_type,
       type(r) AS type,
       t.id AS target, t.name AS target_name, [l IN labels(t) WHERE l <> 'Entity'][0] AS target_type,
       r.support AS support, [c IN fcs | c.name] AS source_clusters, [c IN tcs | c.name] AS target_clusters,
       r.confidence AS confidence
ORDER BY support DESC, source_name, target_name, source, target
