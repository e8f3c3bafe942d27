// Upsert relationships of one type ({rel_type} comes from the schema allow-list) that the store holds already
// (the loader creates new ones with create_relations.cypher; this statement takes either). Their ends' summaries
// (degree, rel_docs, linked_at: graph/summaries.py, graph/change_keys.py) are counted by the loader and
// written by load_entities.cypher, in the entity's one node write of the batch (measured, issue 18: a
// node write here, once per end and relationship type, cost more than the relationships themselves).
// $rows: one row per relationship, a list read by position (graph/loader.py RELATION_FIELDS: no key names in
// the parameter text, and a position is read without a key look-up; issue 18, 14% of this statement's server
// time at 10x): [0 source, 1 target, 2 ev_doc, 3 ev_start, 4 ev_end, 5 ev_sentence, 6 ev_method,
// 7 ev_confidence, 8 confidence, 9 ev_page, 10 docs]; a position past the list's end reads null. ev_page is null
// when no piece of evidence has a page (the list is then not stored: a reader indexing it gets null, which
// means unknown).
// Document ids are sent once per statement ($docs) and rows give their positions in it (ev_doc, docs): a
// document id is 64 characters, and the client writes every parameter into the query text (issue 18: a third
// of a relationship row's text). docs (the distinct documents) is absent (null) when ev_doc has no repeat,
// support is the number of pieces of evidence.
// docs is stored only when ev_doc names a document more than once (then: ev_doc's distinct values, in order);
// otherwise it would equal ev_doc, and readers take coalesce(r.docs, r.ev_doc) (memory pass of issue 18: one list
// less on most relationships, 54 bytes each on the embedded store). It comes before ev_doc in ON MATCH SET: it
// reads the old ev_doc.
// A batch only holds documents the store does not (a loaded document is skipped, a forced one retracted
// first), so the evidence of a row is new to the relationship: an existing one appends it, never re-reads
// or rewrites what it holds (support and confidence follow from the appended lists, as the loader
// computes them for a new one).
// {intern}: `intern` on the embedded store (FalkorDB keeps one copy of an interned string, shared by every
// property that holds it: a document id, a sentence, an extractor or a timestamp is stored once however
// many relationships cite it; kept values stay shared when the lists are appended to), nothing on Neo4j.
// ev_page comes first in ON MATCH SET: it reads the old ev_doc.
// No methods list: the extractors are ev_method's distinct values (a list on every relationship cost about 55
// bytes each on the embedded store; no query reads it; docs/benchmarks.md, issue 18).
// updated is stored only once a relationship gains evidence after its first load (readers take first_seen when
// there is none: one property less on most relationships, 24 bytes each on the embedded store). It comes
// first in ON MATCH SET: measured with FalkorDB 4.22, a property added after the lists were rewritten left
// copies of their interned strings (tests/test_evidence_layout.py).
UNWIND $rows AS row
WITH row, [i IN row[2] | $docs[i]] AS ev_doc, [i IN coalesce(row[10], row[2]) | $docs[i]] AS docs
MATCH (a:Entity {id: row[0]})
MATCH (b:Entity {id: row[1]})
MERGE (a)-[r:{rel_type}]->(b)
ON CREATE SET r.first_seen = {intern}($now),
              r.ev_doc = [x IN ev_doc | {intern}(x)], r.ev_start = row[3], r.ev_end = row[4],
              r.ev_sentence = [x IN row[5] | {intern}(x)], r.ev_method = [x IN row[6] | {intern}(x)],
              r.ev_confidence = row[7], r.ev_page = row[9],
              r.docs = CASE WHEN row[10] IS NULL THEN null ELSE [x IN docs | {intern}(x)] END,
              r.support = size(ev_doc), r.confidence = row[8]
ON MATCH SET r.updated = {intern}($now),
             r.ev_page = CASE WHEN r.ev_page IS NULL AND row[9] IS NULL THEN null
                              ELSE coalesce(r.ev_page, [x IN r.ev_doc | 0]) + coalesce(row[9], [x IN ev_doc | 0]) END,
             r.docs = CASE WHEN r.docs IS NULL AND row[10] IS NULL AND none(x IN ev_doc WHERE x IN r.ev_doc) THEN null
                           ELSE coalesce(r.docs, r.ev_doc) + [x IN docs WHERE NOT x IN coalesce(r.docs, r.ev_doc) | {intern}(x)] END,
             r.ev_doc = r.ev_doc + [x IN ev_doc | {intern}(x)], r.ev_start = r.ev_start + row[3],
             r.ev_end = r.ev_end + row[4], r.ev_sentence = r.ev_sentence + [x IN row[5] | {intern}(x)],
             r.ev_method = r.ev_method + [x IN row[6] | {intern}(x)],
             r.ev_confidence = r.ev_confidence + row[7],
             r.support = r.support + size(ev_doc),
             r.confidence = CASE WHEN row[8] > r.confidence THEN row[8] ELSE r.confidence END
