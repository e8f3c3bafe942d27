// name: shortest_connection
// title: Shortest connection between two entities
// description: The shortest chains of relationships (any type but mentions, either
//   direction) that link two entities, one row per hop, with the relationship type of
//   each hop. Uses allShortestPaths after both ends are bound (a breadth-first search
//   both engines run, up to 6 hops); max_hops filters the length and paths caps how many
//   equally short chains are listed (in a stable order).
// param: source entity required -- where the connection starts (id, name or alias)
// param: target entity required -- where it ends (id, name or alias)
// param: max_hops int default=4 min=1 max=6 -- longest connection worth reporting
// param: paths int default=1 min=1 max=50 -- how many equally short connections to list
// param: min_confidence float default=0 min=0 max=1 -- keep only shortest chains whose every relationship has at least this confidence
// column: path -- 1 for the first connection, 2 for the next, ...
// column: hop -- position of this edge on the path, from the source
// column: hops -- length of the path
// column: source -- id of the edge's stored start
// column: source_name -- its name
// column: source_type -- its entity type
// column: type -- relationship type
// column: target -- id of the edge's stored end
// column: target_name -- its name
// column: target_type -- its entity type
// column: support -- number of supporting sentences of this edge
// empty: the two entities are not connected within max_hops
// example: aikg query run shortest_connection --param source="Geoffrey Hinton" --param target="Demis Hassabis" --param paths=2
MATCH (a:Entity {id: $source})
MATCH (b:Entity {id: $target})
WITH a, b
WHERE a <> b
MATCH p = allShortestPaths((a)-[:LOCATED_IN|ANCHORS|PARTNERS_WITH|FUNDS|RUNS|AFFILIATED_WITH|FOUNDED|MEMBER_OF|PART_OF*1..6]-(b))
WITH p
WHERE length(p) <= $max_hops AND all(r IN relationships(p) WHERE r.confidence >= $min_confidence)
WITH p, reduce(s = '', r IN relationships(p) | s + type(r) + ',') AS kinds,
     reduce(s = '', n IN nodes(p) | s + n.id + ',') AS route
ORDER BY length(p), kinds, route
LIMIT $paths
WITH collect(p) AS found
UNWIND range(0, size(found) - 1) AS i
WITH i, found[i] AS p
UNWIND range(0, length(p) - 1) AS h
WITH i, h, p, relationships(p)[h] AS r
WITH i, h, p, r, startNode(r) AS s, endNode(r) AS t
RETURN i + 1 AS path, h + 1 AS hop, length(p) AS hops,
       s.id AS source, s.name AS source_name, [l IN labels(s) WHERE l <> 'Entity'][0] AS source_type,
       type(r) AS type,
       t.id AS target, t.name AS target_name, [l IN labels(t) WHERE l <> 'Entity'][0] AS target_type,
       r.support AS support
ORDER BY path, hop
