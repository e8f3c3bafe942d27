// name: cluster_anchors
// title: Anchors of a cluster and what each anchors
// description: The anchor institutions of one cluster (organisations tied by ANCHORS to it
//   or to a place within it, such as a city of a metro cluster) and, for each, the places
//   it anchors, its partner organisations, the programmes it runs and the people
//   affiliated with it: counted, with the most mentioned (by documents, then
//   alphabetical) listed first, up to `top` names of each kind.
// param: cluster entity:Cluster required -- the cluster (id, name or alias)
// param: top int default=10 min=1 max=10000 -- how many names to list per anchor and kind
// param: min_confidence float default=0 min=0 max=1 -- only relationships with at least this confidence
// column: anchor -- id of the anchor organisation
// column: anchor_name -- its name
// column: anchor_type -- Institute or Company
// column: partner_count -- number of its partners (PARTNERS_WITH, either direction)
// column: partners -- names of its most mentioned partners
// column: programme_count -- number of programmes it runs
// column: programmes -- names of its most mentioned programmes
// column: people_count -- number of people affiliated with it
// column: people -- names of its most mentioned affiliated people
// column: places -- where it is an anchor: the cluster and/or places within it, alphabetical
// empty: the cluster has no anchor institution in the graph
// example: aikg query run cluster_anchors --param cluster=Toronto

// the cluster and the places within it (a metro's cities): an anchor of either counts
MATCH (c:Cluster {id: $cluster})
OPTIONAL MATCH (city:Cluster)-[:WITHIN]->(c)
WITH c, collect(DISTINCT city) AS cities
UNWIND [c] + cities AS place
MATCH (a:Entity)-[k:ANCHORS]->(place)
WHERE k.confidence >= $min_confidence
WITH a, place
ORDER BY place.name
WITH a, collect(DISTINCT place.name) AS anchored
OPTIONAL MATCH (a)-[pw:PARTNERS_WITH]-(p:Entity)
WHERE pw.confidence >= $min_confidence
WITH a, anchored, p
ORDER BY p.doc_count DESC, p.name
WITH a, anchored, count(DISTINCT p) AS partner_count, collect(DISTINCT p.name) AS partners
WITH a, anchored, partner_count, partners[..$top] AS partners
OPTIONAL MATCH (a)-[rn:RUNS]->(g:Programme)
WHERE rn.confidence >= $min_confidence
WITH a, anchored, partner_count, partners, g
ORDER BY g.doc_count DESC, g.name
WITH a, anchored, partner_count, partners, count(DISTINCT g) AS programme_count, collect(DISTINCT g.name) AS programmes
WITH a, anchored, partner_count, partners, programme_count, programmes[..$top] AS programmes
OPTIONAL MATCH (person:Person)-[af:AFFILIATED_WITH]->(a)
WHERE af.confidence >= $min_confidence
WITH a, anchored, partner_count, partners, programme_count, programmes, person
ORDER BY person.doc_count DESC, person.name
WITH a, anchored, partner_count, partners, programme_count, programmes, count(DISTINCT person) AS people_count,
     collect(DISTINCT person.name) AS people
RETURN a.id AS anchor, a.name AS anchor_name, [l IN labels(a) WHERE l <> 'Entity'][0] AS anchor_type,
       partner_count, partners, programme_count, programmes, people_count, people[..$top] AS people,
       anchored AS places
ORDER BY anchor_name, anchor
