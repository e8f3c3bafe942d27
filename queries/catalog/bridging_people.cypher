// name: bridging_people
// title: People who bridge clusters
// description: People affiliated with organisations in two or more clusters (an
//   organisation is in a cluster when it is located in it or anchors it), with the
//   clusters and the affiliations that put them there.
// param: min_clusters int default=2 min=2 max=1000 -- least number of distinct clusters
// column: person -- person id
// column: person_name -- person name
// column: cluster_count -- number of distinct clusters reached through affiliations
// column: clusters -- names of those clusters, alphabetical
// column: affiliations -- 'Organisation (Cluster)' for each affiliation that counts
// empty: nobody is affiliated with organisations in that many clusters
// example: aikg query run bridging_people --param min_clusters=3
MATCH (p:Person)-[:AFFILIATED_WITH]->(o:Entity)-[:LOCATED_IN|ANCHORS]->(c:Cluster)
WITH p, o, c
ORDER BY c.name, o.name
WITH p, collect(DISTINCT c.id) AS cluster_ids, collect(DISTINCT c.name) AS clusters,
     collect(DISTINCT o.name + ' (' + c.name + ')') AS affiliations
WHERE size(cluster_ids) >= $min_clusters
RETURN p.id AS person, p.name AS person_name, size(cluster_ids) AS cluster_count, clusters, affiliations
ORDER BY cluster_count DESC, person_name, person
