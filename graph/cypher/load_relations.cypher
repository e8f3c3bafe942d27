// Upsert relationships of one type ({rel_type} comes from the schema allow-list).
// $rows: one row per relationship: {source, target, docs, ev_doc, ev_start, ev_end,
// ev_sentence, ev_method, ev_confidence, ev_page, methods, support, confidence}. Evidence from
// the documents in row.docs replaces what those documents said before; evidence of other
// documents stays. A new relationship takes the row as it is (the loader computes docs,
// methods, support and confidence exactly as the merge below does from empty lists); only
// an existing one pays for the list merge (marked during the MERGE, the mark removed at once).
// A new relationship is marked fresh: add_degree.cypher counts it into both ends' degree (a summary, see
// graph/summaries.py) once per entity and batch, and removes the mark.
// {intern}: `intern` on the embedded store (FalkorDB keeps one copy of an interned string, shared by every
// property that holds it: a document id, a sentence, an extractor or a timestamp is stored once however
// many relationships cite it; kept values stay shared when the lists are rewritten), nothing on Neo4j.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:{rel_type}]->(b)
ON CREATE SET r.first_seen = {intern}($now), r.updated = {intern}($now),
              r.ev_doc = [x IN row.ev_doc | {intern}(x)], r.ev_start = row.ev_start, r.ev_end = row.ev_end,
              r.ev_sentence = [x IN row.ev_sentence | {intern}(x)], r.ev_method = [x IN row.ev_method | {intern}(x)],
              r.ev_confidence = row.ev_confidence, r.ev_page = row.ev_page,
              r.docs = [x IN row.docs | {intern}(x)], r.methods = [x IN row.methods | {intern}(x)],
              r.support = row.support, r.confidence = row.confidence, r.fresh = true
ON MATCH SET r.merging = true
WITH r, row WHERE r.merging = true
WITH r, row, [i IN range(0, size(r.ev_doc) - 1) WHERE NOT r.ev_doc[i] IN row.docs] AS keep
WITH r, row,
     [i IN keep | r.ev_doc[i]] + [x IN row.ev_doc | {intern}(x)] AS ev_doc,
     [i IN keep | r.ev_start[i]] + row.ev_start AS ev_start,
     [i IN keep | r.ev_end[i]] + row.ev_end AS ev_end,
     [i IN keep | r.ev_sentence[i]] + [x IN row.ev_sentence | {intern}(x)] AS ev_sentence,
     [i IN keep | r.ev_method[i]] + [x IN row.ev_method | {intern}(x)] AS ev_method,
     [i IN keep | r.ev_confidence[i]] + row.ev_confidence AS ev_confidence,
     [i IN keep | r.ev_page[i]] + row.ev_page AS ev_page
SET r.ev_doc = ev_doc, r.ev_start = ev_start, r.ev_end = ev_end, r.ev_sentence = ev_sentence,
    r.ev_method = ev_method, r.ev_confidence = ev_confidence, r.ev_page = ev_page,
    r.docs = reduce(acc = [], d IN ev_doc | CASE WHEN d IN acc THEN acc ELSE acc + d END),
    r.methods = reduce(acc = [], m IN ev_method | CASE WHEN m IN acc THEN acc ELSE acc + m END),
    r.support = size(ev_doc),
    r.confidence = reduce(best = 0.0, c IN ev_confidence | CASE WHEN c > best THEN c ELSE best END),
    r.updated = {intern}($now), r.merging = null
