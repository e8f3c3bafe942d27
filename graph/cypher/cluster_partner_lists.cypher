// The members of each cluster and their partners, for clusters_sharing_partners (queries/hooks/sharing.py):
// one row per member with the clusters it belongs to (a place within a metro counts as the metro) and the
// ids of the entities it partners with, in either direction. The hook groups the partners by cluster in
// Python, where the engine's grouping of every anchor partnership (47,038 at 100k entities, 144,262 at 300k)
// was most of the query. Members as the query text forms them: anchors through ANCHORS, organisations
// LOCATED_IN a cluster only when include_located (the traversal starts from a null place otherwise).
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
RETURN m.id AS id, homes,
       [(m)-[pw:PARTNERS_WITH]-(p) WHERE pw.confidence >= $min_confidence | p.id] AS partners
