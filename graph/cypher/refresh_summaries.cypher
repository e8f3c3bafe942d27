// Summaries read by the catalog instead of walking the graph, recomputed from the graph for the
// entities a write touched (so a repeated write changes nothing):
// - clusters / cluster_ids: the clusters an entity is LOCATED_IN or ANCHORS, and the metros those
//   lie WITHIN (names sorted; no property when there are none). Recomputed for $ids (ends of
//   LOCATED_IN/ANCHORS written or removed) and for the members of the clusters in $places (the
//   start of a WITHIN written or removed).
// - affiliated_cluster_count / affiliated_clusters / affiliations (people): the clusters of the
//   organisations a person is AFFILIATED_WITH, as bridging_people lists them. Recomputed for
//   $people (starts of AFFILIATED_WITH written or removed) and for the people of every
//   organisation whose clusters just changed. No property when there are none.
// (each place is found through the id index first: in one OPTIONAL MATCH pattern FalkorDB scanned
// every cluster's members instead)
UNWIND $places AS place
OPTIONAL MATCH (pc:Cluster {id: place})
OPTIONAL MATCH (pc)<-[:LOCATED_IN|ANCHORS]-(member:Entity)
WITH collect(DISTINCT member.id) AS members
UNWIND $ids + members AS id
WITH DISTINCT id
MATCH (n:Entity {id: id})
OPTIONAL MATCH (n)-[:LOCATED_IN|ANCHORS]->(home:Cluster)
OPTIONAL MATCH (home)-[:WITHIN]->(metro:Cluster)
// (each home is repeated once per metro: distinct before the sort, which then orders a few rows per entity)
WITH n, collect(DISTINCT home) + collect(DISTINCT metro) AS homes
UNWIND (CASE WHEN size(homes) = 0 THEN [null] ELSE homes END) AS c
WITH DISTINCT n, c
WITH n, c.name AS cname, c.id AS cid
ORDER BY cname, cid
WITH n, collect(DISTINCT cname) AS names, collect(DISTINCT cid) AS cids
WITH n, names, cids, coalesce(n.cluster_ids, []) <> cids AS changed
// (a node is written only when its summary changes: every write re-indexes the node)
WITH n, names, cids, changed, CASE WHEN changed THEN [n] ELSE [] END AS write
FOREACH (x IN write | SET x.clusters = CASE WHEN size(cids) = 0 THEN null ELSE names END,
                          x.cluster_ids = CASE WHEN size(cids) = 0 THEN null ELSE cids END)
WITH collect(CASE WHEN changed THEN n END) AS moved
UNWIND moved AS org
OPTIONAL MATCH (person:Person)-[:AFFILIATED_WITH]->(org)
WITH collect(DISTINCT person.id) AS colleagues
UNWIND $people + colleagues AS pid
WITH DISTINCT pid
MATCH (p:Person {id: pid})
OPTIONAL MATCH (p)-[:AFFILIATED_WITH]->(o:Entity)-[:LOCATED_IN|ANCHORS]->(c:Cluster)
WITH p, o, c
ORDER BY c.name, o.name
WITH p, collect(DISTINCT c.id) AS cids, collect(DISTINCT c.name) AS names,
     collect(DISTINCT o.name + ' (' + c.name + ')') AS affiliations
WITH p, CASE WHEN size(cids) = 0 THEN null ELSE size(cids) END AS count,
     CASE WHEN size(cids) = 0 THEN null ELSE names END AS names,
     CASE WHEN size(cids) = 0 THEN null ELSE affiliations END AS affiliations
WHERE coalesce(p.affiliated_cluster_count, 0) <> coalesce(count, 0) OR coalesce(p.affiliated_clusters, []) <> coalesce(names, [])
   OR coalesce(p.affiliations, []) <> coalesce(affiliations, [])
SET p.affiliated_cluster_count = count, p.affiliated_clusters = names, p.affiliations = affiliations
