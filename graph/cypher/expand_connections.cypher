// One breadth-first step of shortest_connection (queries/hooks/shortest.py): every relationship of
// the connecting types (any but mentions and WITHIN) between an entity of $ids and another node,
// with its stored direction and the other end's degree (the summary the loader keeps), so the
// search can grow the side that costs less. $ids: entity ids (found through the id index);
// $targets: null for every relationship, or ids: only those reaching one of them (the other side's
// nodes: whether the two searches meet costs a few rows, not the whole next level)
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r:LOCATED_IN|ANCHORS|PARTNERS_WITH|FUNDS|RUNS|AFFILIATED_WITH|FOUNDED|MEMBER_OF|PART_OF]-(m)
WHERE $targets IS NULL OR m.id IN $targets
RETURN id AS at, m.id AS other, type(r) AS type, startNode(r).id = id AS out, r.confidence AS confidence,
       coalesce(m.degree, 0) AS degree
