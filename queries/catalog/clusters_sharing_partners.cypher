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
// hook: sharing
// derived: computed bool -- the hook computed the rows (queries/hooks/sharing.py groups the partners in Python); the text then returns none

// Members per cluster first, from the 100 or so clusters: an anchor through ANCHORS, a located
// organisation through LOCATED_IN only when include_located (the traversal starts from a null
// place otherwise, so the 70,000 LOCATED_IN are not walked to be filtered out). A place within a
// metro cluster counts as the metro. The hook (queries/hooks/sharing.py) computes the same rows from each
// member's partner ids and sends computed = true; the text below answers only without it.
WITH $computed AS done
WHERE NOT done
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
WITH m, collect(c) AS homes
UNWIND homes AS c
// o: a member of two clusters or more (usually none), with its clusters; only through such a member can one
// organisation be all that makes a pair (the rule below). Set before the expansion, so the rows carry it.
WITH m, c, CASE WHEN size(homes) > 1 THEN {id: m.id, homes: homes} END AS o
MATCH (m)-[pw:PARTNERS_WITH]-(p)
WHERE pw.confidence >= $min_confidence
// one row per partner, cluster and member of several clusters (the members of one cluster fold into o = null),
// then one per partner: the clusters that reach it (cs), and the members of several clusters that do (os)
WITH DISTINCT p, c, o
WITH p, collect(c) AS cs, collect(o) AS os
WHERE size(cs) > 1
// without such a member each cluster is in cs once; with one, a cluster reached only through it (in cs once,
// and one of its clusters) is marked with its id: a pair marked with the same id on both sides does not count
WITH p, CASE WHEN size(os) = 0 THEN cs ELSE reduce(acc = [], x IN cs | CASE WHEN x IN acc THEN acc ELSE acc + [x] END) END AS found,
     CASE WHEN size(os) > 0 THEN cs END AS all_cs, os
WHERE size(found) > 1
WITH p, found, CASE WHEN all_cs IS NULL THEN null ELSE
       [x IN found | CASE WHEN size([v IN all_cs WHERE v = x]) = 1 THEN head([q IN os WHERE x IN q.homes | q.id]) END] END AS only
ORDER BY p.doc_count DESC, p.name, p.id
WITH p.id AS pid, p.name AS pname, found, only
// each unordered pair of the partner's clusters once
UNWIND range(0, size(found) - 2) AS i
UNWIND range(i + 1, size(found) - 1) AS j
// a pair reached only through one organisation sited in both clusters does not count
WITH pid, pname, found[i] AS x, found[j] AS y, only[i] AS ox, only[j] AS oy
WHERE ox IS NULL OR oy IS NULL OR ox <> oy
WITH CASE WHEN x < y THEN x ELSE y END AS cluster_a, CASE WHEN x < y THEN y ELSE x END AS cluster_b, pid, pname
WITH cluster_a, cluster_b, count(*) AS shared, collect(pname) AS names, collect(pid) AS ids
WHERE shared >= $min_shared
MATCH (ca:Cluster {id: cluster_a})
MATCH (cb:Cluster {id: cluster_b})
RETURN cluster_a, ca.name AS cluster_a_name, cluster_b, cb.name AS cluster_b_name, shared, names[..$top] AS shared_partners,
       ids[..$top] AS shared_partner_ids
ORDER BY shared DESC, cluster_a_name, cluster_b_name
