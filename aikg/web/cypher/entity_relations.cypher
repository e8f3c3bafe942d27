// Every relationship of one entity (document mentions left out), each once, with the entity at
// the other end, which way it points, and its evidence lists (sentence, document, page, confidence).
MATCH (n:Entity {id: $id})-[r]-(o:Entity)
WITH DISTINCT r, o
WITH r, o, startNode(r) AS s
RETURN type(r) AS type, s.id = $id AS outgoing, o.id AS other, o.name AS other_name,
       [l IN labels(o) WHERE l <> 'Entity'][0] AS other_type, coalesce(r.support, 0) AS support,
       r.confidence AS confidence, r.ev_sentence AS sentences, r.ev_doc AS docs, r.ev_page AS pages,
       r.ev_confidence AS confidences
ORDER BY type, other_name, other
