// Every relationship between two entities (document mentions left out), once in its stored
// direction, with its evidence count, distinct documents (docs, or ev_doc when it names each once) and best confidence.
MATCH (a:Entity)-[r]->(b:Entity)
RETURN a.id AS source, b.id AS target, type(r) AS type, coalesce(r.support, 0) AS support,
       r.confidence AS confidence, coalesce(size(coalesce(r.docs, r.ev_doc)), 0) AS documents
