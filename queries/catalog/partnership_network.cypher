// name: partnership_network
// title: Partnership network of an organisation
// description: Every PARTNERS_WITH edge on a path of at most `depth` partnership hops from
//   the organisation, one row per edge with its evidence count. The neighbourhood is
//   grown breadth-first over distinct nodes, never by enumerating paths, so networks
//   around hubs stay affordable; an edge is listed once, in its stored direction.
// param: org entity:Institute|Company|Agency required -- the organisation (id, name or alias)
// param: depth int default=2 min=1 max=4 -- how many partnership hops to follow
// param: min_support int default=1 min=1 max=100000 -- leave out edges backed by fewer sentences
// param: min_confidence float default=0 min=0 max=1 -- only relationships with at least this confidence
// column: source -- id of one partner (edges are stored from the smaller id)
// column: source_name -- its name
// column: source_type -- its entity type
// column: type -- always PARTNERS_WITH
// column: target -- id of the other partner
// column: target_name -- its name
// column: target_type -- its entity type
// column: support -- number of supporting sentences (evidence count)
// column: documents -- number of distinct supporting documents
// column: confidence -- highest extraction confidence of the evidence
// empty: the organisation has no partnership (with at least min_support evidence)
// example: aikg query run partnership_network --param org=institute:vector-institute --param depth=2

// Each step turns the nodes reached so far (within depth - 1 hops) into rows, adds their
// neighbours, and keeps distinct nodes; the edges wanted are those touching these nodes.
// A step beyond `depth` starts from null (`w`), so it expands nothing: a `$depth >= n`
// test in its WHERE would be checked only after every edge of the reached nodes was
// expanded (three times for a hub at depth 1).
MATCH (o:Entity {id: $org})
WITH o, CASE WHEN $depth >= 2 THEN o END AS w
OPTIONAL MATCH (w)-[e:PARTNERS_WITH]-(v:Entity)
WHERE e.confidence >= $min_confidence
WITH collect(DISTINCT o) + collect(DISTINCT v) AS reached
UNWIND reached AS u
WITH DISTINCT u
WITH u, CASE WHEN $depth >= 3 THEN u END AS w
OPTIONAL MATCH (w)-[e:PARTNERS_WITH]-(v:Entity)
WHERE e.confidence >= $min_confidence
WITH collect(DISTINCT u) + collect(DISTINCT v) AS reached
UNWIND reached AS u
WITH DISTINCT u
WITH u, CASE WHEN $depth >= 4 THEN u END AS w
OPTIONAL MATCH (w)-[e:PARTNERS_WITH]-(v:Entity)
WHERE e.confidence >= $min_confidence
WITH collect(DISTINCT u) + collect(DISTINCT v) AS reached
UNWIND reached AS u
WITH DISTINCT u
MATCH (u)-[r:PARTNERS_WITH]-(:Entity)
WITH DISTINCT r
WHERE r.support >= $min_support AND r.confidence >= $min_confidence
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN a.id AS source, a.name AS source_name, [l IN labels(a) WHERE l <> 'Entity'][0] AS source_type,
       type(r) AS type,
       b.id AS target, b.name AS target_name, [l IN labels(b) WHERE l <> 'Entity'][0] AS target_type,
       r.support AS support, size(coalesce(r.docs, r.ev_doc)) AS documents, r.confidence AS confidence
ORDER BY support DESC, source_name, target_name
