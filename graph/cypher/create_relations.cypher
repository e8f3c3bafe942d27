// Create relationships of one type that the store does not hold yet ({rel_type} and {intern}: as in
// load_relations.cypher, which upserts the relationships the store holds). The loader knows which are new
// (graph/loader.py: what the store held when the run started, read once, and what the run wrote; the loader is
// the store's only writer while it runs, and the ends' degree counts rest on the same knowledge), so a new one
// is created with all its properties in one step, without MERGE's search of the edges between its ends or a
// second write for ON CREATE SET (measured, issue 18).
// $rows: as in load_relations.cypher, by position (graph/loader.py RELATION_FIELDS): [0 source, 1 target,
// 2 ev_doc, 3 ev_start, 4 ev_end, 5 ev_sentence, 6 ev_method, 7 ev_confidence, 8 confidence, 9 ev_page, 10 docs];
// document ids as positions in $docs. A null property (no ev_page, no docs: see load_relations.cypher) is not stored.
// $ones: the new relationships with one piece of evidence (most of a load), each field a scalar (graph/loader.py
// ONE_FIELDS): [0 source, 1 target, 2 ev_doc (a position in $docs), 3 ev_start, 4 ev_end, 5 ev_sentence,
// 6 ev_method, 7 ev_confidence, 8 ev_page (absent when it has none)]; stored as the same one-item lists as a
// row of $rows gives (issue 18: six lists less per row to send, parse and walk); one piece of evidence names one
// document, so no docs.
UNWIND $rows AS row
WITH row, [i IN row[2] | $docs[i]] AS ev_doc
MATCH (a:Entity {id: row[0]})
MATCH (b:Entity {id: row[1]})
CREATE (a)-[r:{rel_type} {first_seen: {intern}($now), ev_doc: [x IN ev_doc | {intern}(x)], ev_start: row[3],
                          ev_end: row[4], ev_sentence: [x IN row[5] | {intern}(x)],
                          ev_method: [x IN row[6] | {intern}(x)], ev_confidence: row[7], ev_page: row[9],
                          docs: CASE WHEN row[10] IS NULL THEN null ELSE [i IN row[10] | {intern}($docs[i])] END,
                          support: size(ev_doc), confidence: row[8]}]->(b)
WITH count(*) AS _many
UNWIND $ones AS row
WITH row, {intern}($docs[row[2]]) AS doc
MATCH (a:Entity {id: row[0]})
MATCH (b:Entity {id: row[1]})
CREATE (a)-[r:{rel_type} {first_seen: {intern}($now), ev_doc: [doc], ev_start: [row[3]], ev_end: [row[4]],
                          ev_sentence: [{intern}(row[5])], ev_method: [{intern}(row[6])], ev_confidence: [row[7]],
                          ev_page: CASE WHEN row[8] IS NULL THEN null ELSE [row[8]] END, support: 1,
                          confidence: CASE WHEN row[7] > 0.0 THEN row[7] ELSE 0.0 END}]->(b)
