// name: programmes_by_cluster
// title: Programmes by cluster, with who runs and funds them
// description: Each programme with the organisations that run it and the funders behind it,
//   grouped by cluster. A programme belongs to the clusters it is located in and to the
//   clusters its runners are located in or anchor; a programme tied to no cluster is
//   listed last with an empty cluster (only when no cluster is asked for).
// param: cluster entity:Cluster default=null -- only this cluster (id, name or alias)
// param: min_confidence float default=0 min=0 max=1 -- only relationships with at least this confidence
// column: cluster -- cluster id (empty when the programme has no cluster)
// column: cluster_name -- cluster name
// column: programme -- programme id
// column: programme_name -- programme name
// column: run_by -- names of the organisations that run it (RUNS), alphabetical
// column: funded_by -- names of its funders (FUNDS), alphabetical
// empty: no programme is tied to this cluster
// example: aikg query run programmes_by_cluster --param cluster=London

// One cluster: its programmes are found from the cluster (located in it, or run by an organisation
// located in it or anchoring it) instead of from every programme; the columns are those of the
// second branch, which serves the whole list (and the programmes tied to no cluster).
MATCH (c:Cluster {id: $cluster})
OPTIONAL MATCH (g1:Programme)-[l1:LOCATED_IN]->(c)
WHERE l1.confidence >= $min_confidence
WITH c, collect(DISTINCT g1) AS located
// the programmes run from the cluster as a pattern comprehension: grouped by (c, located), every row hashed
// the located list (1,181 programmes for the largest cluster at 100k: a third of the engine's time)
WITH c, located, [(g2:Programme)<-[r0:RUNS]-(:Entity)-[l0:LOCATED_IN|ANCHORS]->(c)
                  WHERE r0.confidence >= $min_confidence AND l0.confidence >= $min_confidence | g2] AS run
UNWIND located + run AS g
WITH DISTINCT c, g
OPTIONAL MATCH (runner:Entity)-[r2:RUNS]->(g)
WHERE r2.confidence >= $min_confidence
WITH g, c, runner
ORDER BY runner.name
WITH g, c, collect(DISTINCT runner.name) AS run_by
OPTIONAL MATCH (funder:Entity)-[f:FUNDS]->(g)
WHERE f.confidence >= $min_confidence
WITH g, c, run_by, funder
ORDER BY funder.name
WITH g, c, run_by, collect(DISTINCT funder.name) AS funded_by
RETURN c.id AS cluster, c.name AS cluster_name, g.id AS programme, g.name AS programme_name, run_by, funded_by
ORDER BY cluster_name IS NULL, cluster_name, programme_name, programme
UNION ALL
MATCH (g:Programme)
WHERE $cluster IS NULL
OPTIONAL MATCH (g)-[l1:LOCATED_IN]->(c1:Cluster)
WHERE l1.confidence >= $min_confidence
OPTIONAL MATCH (runner:Entity)-[r1:RUNS]->(g)
WHERE r1.confidence >= $min_confidence
OPTIONAL MATCH (runner)-[l2:LOCATED_IN|ANCHORS]->(c2:Cluster)
WHERE l2.confidence >= $min_confidence
WITH g, collect(DISTINCT c1) + collect(DISTINCT c2) AS clusters
UNWIND (CASE WHEN size(clusters) = 0 THEN [null] ELSE clusters END) AS c
WITH DISTINCT g, c
OPTIONAL MATCH (runner:Entity)-[r2:RUNS]->(g)
WHERE r2.confidence >= $min_confidence
WITH g, c, runner
ORDER BY runner.name
WITH g, c, collect(DISTINCT runner.name) AS run_by
OPTIONAL MATCH (funder:Entity)-[f:FUNDS]->(g)
WHERE f.confidence >= $min_confidence
WITH g, c, run_by, funder
ORDER BY funder.name
WITH g, c, run_by, collect(DISTINCT funder.name) AS funded_by
RETURN c.id AS cluster, c.name AS cluster_name, g.id AS programme, g.name AS programme_name, run_by, funded_by
ORDER BY cluster_name IS NULL, cluster_name, programme_name, programme
