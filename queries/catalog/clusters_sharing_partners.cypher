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

// Members per cluster first, from the 100 or so clusters: an anchor through ANCHORS, a located
// organisation through LOCATED_IN only when include_located (the traversal starts from a null
// place otherwise, so the 70,000 LOCATED_IN are not walked to be filtered out). A place within a
// metro cluster counts as the metro.
MATCH (place:Cluster)
OPTIONAL MATCH (place)<-[k:ANCHORS]-(anchor:Entity)
WHERE (anchor:Institute OR anchor:Company OR anchor:Agency) AND k.confidence >= $min_confidence
WITH place, collect(anchor) AS anchors
WITH place, anchors, CASE WHEN $include_located THEN place END AS here
OPTIONAL MATCH (here)<-[l:LOCATED_IN]-(sited:Entity)
WHERE (sited:Institute OR sited:Company OR sited:Agency) AND l.confidence >= $min_confidence
WITH place, anchors, collect(sited) AS sited
WITH place, anchors + sited AS members
OPTIONAL MATCH (place)-[:WITHIN]->(metro:Cluster)
WITH coalesce(metro, place) AS c, members
UNWIND members AS m
WITH DISTINCT c.id AS c, m
MATCH (m)-[pw:PARTNERS_WITH]-(p)
WHERE pw.confidence >= $min_confidence
// one grouping, by partner: the clusters that reach it and, in the same order, the member through
// which each does; only partners reached from two clusters go on
WITH p, collect(c) AS cs, collect(m.id) AS ms
WHERE any(x IN cs WHERE x <> cs[0])
WITH p, cs, ms, reduce(acc = [], x IN cs | CASE WHEN x IN acc THEN acc ELSE acc + [x] END) AS found
WITH p, [x IN found | [i IN range(0, size(cs) - 1) WHERE cs[i] = x | ms[i]]] AS reach, found
ORDER BY p.doc_count DESC, p.name, p.id
WITH p.id AS pid, p.name AS pname, found, reach
UNWIND range(0, size(found) - 1) AS i
UNWIND range(0, size(found) - 1) AS j
// a pair reached only through one organisation sited in both clusters does not count
WITH pid, pname, found[i] AS a, found[j] AS b, reach[i] AS ra, reach[j] AS rb
WHERE a < b AND NOT (all(x IN ra WHERE x = ra[0]) AND all(x IN rb WHERE x = ra[0]))
WITH a AS cluster_a, b AS cluster_b, count(*) AS shared, collect(pname) AS names, collect(pid) AS ids
WHERE shared >= $min_shared
MATCH (ca:Cluster {id: cluster_a})
MATCH (cb:Cluster {id: cluster_b})
RETURN cluster_a, ca.name AS cluster_a_name, cluster_b, cb.name AS cluster_b_name, shared, names[..$top] AS shared_partners,
       ids[..$top] AS shared_partner_ids
ORDER BY shared DESC, cluster_a_name, cluster_b_name
