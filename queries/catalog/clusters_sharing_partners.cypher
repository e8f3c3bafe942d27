// name: clusters_sharing_partners
// title: Clusters that share anchor partners
// description: Pairs of clusters whose anchors (and, with include_located=true, the
//   organisations located in them) partner with the same organisation, with the shared
//   partners listed. A partner counts for a pair only when it is reached through two
//   different organisations, so an organisation sited in both clusters does not make
//   them share its own partners. The shared partner may itself belong to one of the two
//   clusters. Partners are listed most mentioned first, up to `top`; `shared` counts all.
//   A place within a metro cluster (a city of the Bay Area) counts as its metro, so an
//   organisation in Mountain View and one in San Francisco both belong to the Bay Area.
//   With include_located=true the work grows with the square of the number of clusters
//   each partner reaches: seconds on small graphs, minutes on 100,000 entities.
// param: min_shared int default=1 min=1 max=100000 -- keep pairs that share at least this many partners
// param: include_located bool default=false -- also count organisations located in a cluster, not only its anchors
// param: top int default=10 min=1 max=100000 -- how many shared partners to list per pair
// param: min_confidence float default=0 min=0 max=1 -- only relationships with at least this confidence
// column: cluster_a -- id of the first cluster (the smaller id)
// column: cluster_a_name -- name of the first cluster
// column: cluster_b -- id of the second cluster
// column: cluster_b_name -- name of the second cluster
// column: shared -- number of partners both clusters have in common
// column: shared_partners -- names of the shared partners, most mentioned (by documents) first
// column: shared_partner_ids -- ids of the shared partners, in the same order
// empty: no two clusters have a partner in common (at this threshold)
// example: aikg query run clusters_sharing_partners --param min_shared=2 --param include_located=true
MATCH (m:Entity)-[link:ANCHORS|LOCATED_IN]->(place:Cluster)
WHERE (m:Institute OR m:Company OR m:Agency) AND (type(link) = 'ANCHORS' OR $include_located)
  AND link.confidence >= $min_confidence
// a place within a metro cluster counts as the metro
OPTIONAL MATCH (place)-[:WITHIN]->(metro:Cluster)
WITH m, coalesce(metro, place) AS c
MATCH (m)-[pw:PARTNERS_WITH]-(p:Entity)
WHERE pw.confidence >= $min_confidence
// per partner and cluster, the smallest and largest member id that reach it: equal when a
// single member does, so a pair reached only through one organisation in both is skipped
WITH p, c, min(m.id) AS lo, max(m.id) AS hi
WITH p, collect({id: c.id, name: c.name, lo: lo, hi: hi}) AS hits
WHERE size(hits) > 1
UNWIND hits AS a
UNWIND hits AS b
WITH p, a, b
WHERE a.id < b.id AND NOT (a.lo = a.hi AND b.lo = b.hi AND a.lo = b.lo)
WITH a, b, p
ORDER BY p.doc_count DESC, p.name, p.id
WITH a.id AS cluster_a, a.name AS cluster_a_name, b.id AS cluster_b, b.name AS cluster_b_name,
     count(p) AS shared, collect(p.name) AS names, collect(p.id) AS ids
WHERE shared >= $min_shared
RETURN cluster_a, cluster_a_name, cluster_b, cluster_b_name, shared, names[..$top] AS shared_partners,
       ids[..$top] AS shared_partner_ids
ORDER BY shared DESC, cluster_a_name, cluster_b_name
