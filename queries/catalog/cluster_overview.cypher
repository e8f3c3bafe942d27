// name: cluster_overview
// title: All clusters at a glance
// description: Every cluster with the number of its anchors, member organisations
//   (located in it or anchoring it), programmes (located there or run by a member),
//   people affiliated with a member, and documents that mention it; largest first.
// param: limit int default=100 min=1 max=100000 -- how many clusters to list
// param: min_confidence float default=0 min=0 max=1 -- only relationships with at least this confidence
// column: cluster -- cluster id
// column: cluster_name -- cluster name
// column: anchors -- number of anchor organisations
// column: organisations -- number of member organisations (anchors included)
// column: programmes -- number of programmes located there or run by a member
// column: people -- number of people affiliated with a member
// column: documents -- number of documents that mention the cluster
// empty: the graph has no cluster yet
// example: aikg query run cluster_overview --param limit=20
// hook: overview

// The counts kept on a cluster with its profile (graph/summaries.py, graph/cypher/refresh_cluster_overview.cypher:
// forgotten with the profile in the write that may change them, computed again at the end of a run) are read
// while the profile is there, for the default confidence floor; the second branch counts the other clusters
// in the graph. Each branch keeps its first `limit`; queries/hooks/overview.py orders the two together.
MATCH (c:Cluster)
WHERE $min_confidence = 0 AND c.profile_people_count IS NOT NULL AND c.overview_organisations IS NOT NULL
RETURN c.id AS cluster, c.name AS cluster_name, c.overview_anchors AS anchors, c.overview_organisations AS organisations,
       c.overview_programmes AS programmes, c.overview_people AS people, c.doc_count AS documents
ORDER BY organisations DESC, cluster_name, cluster
LIMIT $limit
UNION ALL
MATCH (c:Cluster)
WHERE NOT ($min_confidence = 0 AND c.profile_people_count IS NOT NULL AND c.overview_organisations IS NOT NULL)
OPTIONAL MATCH (o:Entity)-[link:LOCATED_IN|ANCHORS]->(c)
WHERE (o:Institute OR o:Company OR o:Agency) AND link.confidence >= $min_confidence
WITH c, count(DISTINCT o) AS organisations, count(DISTINCT CASE WHEN type(link) = 'ANCHORS' THEN o END) AS anchors
OPTIONAL MATCH (person:Person)-[af:AFFILIATED_WITH]->(:Entity)-[home:LOCATED_IN|ANCHORS]->(c)
WHERE af.confidence >= $min_confidence AND home.confidence >= $min_confidence
WITH c, organisations, anchors, count(DISTINCT person) AS people
// a programme located here is one hop away; one run by a member is two (programme <-RUNS- member -> cluster)
OPTIONAL MATCH tie = (g:Programme)-[:LOCATED_IN|RUNS|ANCHORS*1..2]-(c)
WHERE all(r IN relationships(tie) WHERE r.confidence >= $min_confidence)
WITH c, organisations, anchors, people, count(DISTINCT g) AS programmes
RETURN c.id AS cluster, c.name AS cluster_name, anchors, organisations, programmes, people, c.doc_count AS documents
ORDER BY organisations DESC, cluster_name, cluster
LIMIT $limit
