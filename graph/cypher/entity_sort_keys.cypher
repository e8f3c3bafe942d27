// Name and document count of entities by id: what catalog lists of partners are ordered by (most
// mentioned first, then name and id); queries/hooks/sharing.py orders them in Python as the engine
// would (a missing count first, a missing name last), which cost a third of this statement in the engine.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.name AS name, e.doc_count AS doc_count
