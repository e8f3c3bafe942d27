// name: shortest_connection
// title: Shortest connection between two entities
// description: The shortest chains of relationships (any type but mentions, either
//   direction) that link two entities, one row per hop, with the relationship type of
//   each hop. The chains come from a breadth-first search grown from both ends at once
//   (queries/hooks/shortest.py), the side with fewer relationships first, so a hub between
//   the two does not make it walk the whole graph; max_hops bounds the length and paths
//   caps how many equally short chains are listed (in a stable order: by the relationship
//   types along the chain, then by the ids along it).
// param: source entity required hook -- where the connection starts (id, name or alias)
// param: target entity required hook -- where it ends (id, name or alias)
// param: max_hops int default=4 min=1 max=6 hook -- longest connection worth reporting
// param: paths int default=1 min=1 max=50 hook -- how many equally short connections to list
// param: min_confidence float default=0 min=0 max=1 hook -- keep only shortest chains whose every relationship has at least this confidence
// hook: shortest
// derived: hops list -- the hops of the chains found, {path, hop, hops, source, type, target}, in order
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

// The search runs in the hook; here each hop found is read back through the id index for its
// names, types and support.
UNWIND $hops AS h
MATCH (s:Entity {id: h.source})-[r]->(t:Entity {id: h.target})
WHERE type(r) = h.type
RETURN h.path AS path, h.hop AS hop, h.hops AS hops,
       s.id AS source, s.name AS source_name, [l IN labels(s) WHERE l <> 'Entity'][0] AS source_type,
       type(r) AS type,
       t.id AS target, t.name AS target_name, [l IN labels(t) WHERE l <> 'Entity'][0] AS target_type,
       r.support AS support
ORDER BY path, hop
