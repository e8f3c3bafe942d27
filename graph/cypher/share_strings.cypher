// Embedded store only (FalkorDB's intern()): rewrite the strings of the relationships of these entities (as the
// start) interned, as load_relations.cypher writes them, so one copy is kept however many relationships hold it.
// The engine skips a SET that leaves a value equal, so each property is first removed, then set again from a
// copy taken before (`+ []`, `+ ''`). The values stay the same; running it again changes nothing. $ids: entity ids
UNWIND $ids AS entity_id
MATCH (a:Entity {id: entity_id})-[r]->(:Entity)
WITH r, r.ev_doc + [] AS ev_doc, r.ev_sentence + [] AS ev_sentence, r.ev_method + [] AS ev_method,
     r.docs + [] AS docs, r.methods + [] AS methods, r.first_seen + '' AS first_seen, r.updated + '' AS updated
SET r.ev_doc = null, r.ev_sentence = null, r.ev_method = null, r.docs = null, r.methods = null,
    r.first_seen = null, r.updated = null
WITH r, ev_doc, ev_sentence, ev_method, docs, methods, first_seen, updated
SET r.ev_doc = [x IN ev_doc | intern(x)], r.ev_sentence = [x IN ev_sentence | intern(x)],
    r.ev_method = [x IN ev_method | intern(x)], r.docs = [x IN docs | intern(x)],
    r.methods = [x IN methods | intern(x)], r.first_seen = intern(first_seen), r.updated = intern(updated)
RETURN count(r) AS rewritten
