// After load_relations of one type: add the relationships it created (marked fresh) to the degree of
// both ends, one write per entity (a node write re-indexes the node: one per relationship cost a third
// of the loader's time), and remove the mark. $rows: the load_relations rows ({source, target, ...})
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})-[r:{rel_type}]->(b:Entity {id: row.target})
WHERE r.fresh = true
REMOVE r.fresh
WITH [a, b] AS ends
UNWIND ends AS e
WITH e, count(*) AS n
SET e.degree = coalesce(e.degree, 0) + n
