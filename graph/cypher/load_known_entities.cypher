// Which of these entities the store holds (read once when a load starts: graph/loader.py).
// $ids: entity ids.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id
