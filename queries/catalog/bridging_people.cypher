// name: bridging_people
// title: People who bridge clusters
// description: People affiliated with organisations in two or more clusters (an
//   organisation is in a cluster when it is located in it or anchors it), with the
//   clusters and the affiliations that put them there.
// param: min_clusters int default=2 min=2 max=1000 -- least number of distinct clusters
// param: min_confidence float default=0 min=0 max=1 -- only affiliations and organisation-cluster ties with at least this confidence
// column: person -- person id
// column: person_name -- person name
// column: cluster_count -- number of distinct clusters reached through affiliations
// column: clusters -- names of those clusters, alphabetical
// column: affiliations -- 'Organisation (Cluster)' for each affiliation that counts
// empty: nobody is affiliated with organisations in that many clusters
// example: aikg query run bridging_people --param min_clusters=3

// The clusters each person reaches, and the affiliations that put them there, are summaries the
// loader keeps on the person (graph/summaries.py: the same pattern, ordered and counted the same way).
// The summaries count every relationship: with a minimum confidence the second branch walks them instead.
MATCH (p:Person)
WHERE $min_confidence = 0 AND p.affiliated_cluster_count >= $min_clusters
RETURN p.id AS person, p.name AS person_name, p.affiliated_cluster_count AS cluster_count,
       p.affiliated_clusters AS clusters, p.affiliations AS affiliations
ORDER BY cluster_count DESC, person_name, person
UNION
WITH $min_confidence AS floor
WHERE floor > 0
MATCH (p:Person)-[af:AFFILIATED_WITH]->(o:Entity)-[home:LOCATED_IN|ANCHORS]->(c:Cluster)
WHERE af.confidence >= floor AND home.confidence >= floor
WITH p, o, c
ORDER BY c.name, o.name
WITH p, collect(DISTINCT c.id) AS cids, collect(DISTINCT c.name) AS clusters,
     collect(DISTINCT o.name + ' (' + c.name + ')') AS affiliations
WHERE size(cids) >= $min_clusters
RETURN p.id AS person, p.name AS person_name, size(cids) AS cluster_count, clusters, affiliations
ORDER BY cluster_count DESC, person_name, person
