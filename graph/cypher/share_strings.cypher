// Embedded store only: give the relationships of these entities (as the start) the layout the loader writes now
// (graph/cypher/load_relations.cypher). Their strings are rewritten interned (FalkorDB's intern()), so one copy
// is kept however many relationships hold it, and a page list that holds only zeros (no page known: what an
// older loader wrote for every unpaged document) is dropped, as the loader no longer stores one; a reader
// indexing the absent list gets null, which means unknown, as 0 did. An updated equal to first_seen is dropped,
// as the loader stores none until a relationship gains evidence (readers take first_seen). A methods list (what an
// older loader kept: ev_method's distinct values) is dropped, as the loader no longer stores one; so is a docs list
// equal to ev_doc (each document named once: the loader stores docs only when ev_doc repeats one).
// The engine skips a SET that leaves a value equal, so each property is first removed, then set again from a
// copy taken before (`+ []`, `+ ''`). The values stay the same; running it again changes nothing. $ids: entity ids
UNWIND $ids AS entity_id
MATCH (a:Entity {id: entity_id})-[r]->(:Entity)
WITH r, r.ev_doc + [] AS ev_doc, r.ev_sentence + [] AS ev_sentence, r.ev_method + [] AS ev_method,
     r.docs + [] AS docs, r.first_seen + '' AS first_seen, r.updated + '' AS updated,
     CASE WHEN any(p IN coalesce(r.ev_page, []) WHERE p <> 0) THEN r.ev_page END AS ev_page
SET r.ev_doc = null, r.ev_sentence = null, r.ev_method = null, r.docs = null, r.methods = null,
    r.first_seen = null, r.updated = null, r.ev_page = null
WITH r, ev_doc, ev_sentence, ev_method, docs, first_seen, updated, ev_page
SET r.ev_doc = [x IN ev_doc | intern(x)], r.ev_sentence = [x IN ev_sentence | intern(x)],
    r.ev_method = [x IN ev_method | intern(x)],
    r.docs = CASE WHEN docs IS NULL OR size(docs) = size(ev_doc) THEN null ELSE [x IN docs | intern(x)] END,
    r.first_seen = intern(first_seen),
    r.updated = CASE WHEN updated IS NULL OR updated = first_seen THEN null ELSE intern(updated) END,
    r.ev_page = ev_page
RETURN count(r) AS rewritten
