// Before a forced re-load: remove these documents' evidence from every relationship,
// then delete relationships left with no evidence (one less degree for both ends, one less in the change ledger). $docs: document ids
// (ev_page is absent when no piece of evidence has a page, docs when ev_doc names each document once: see
// load_relations.cypher)
MATCH (:Entity)-[r]->(:Entity)
WHERE any(d IN r.ev_doc WHERE d IN $docs)
WITH r, [i IN range(0, size(r.ev_doc) - 1) WHERE NOT r.ev_doc[i] IN $docs] AS keep
SET r.ev_doc = [i IN keep | r.ev_doc[i]], r.ev_start = [i IN keep | r.ev_start[i]],
    r.ev_end = [i IN keep | r.ev_end[i]], r.ev_sentence = [i IN keep | r.ev_sentence[i]],
    r.ev_method = [i IN keep | r.ev_method[i]], r.ev_confidence = [i IN keep | r.ev_confidence[i]],
    r.ev_page = CASE WHEN r.ev_page IS NULL THEN null ELSE [i IN keep | r.ev_page[i]] END
WITH r, keep, reduce(acc = [], d IN r.ev_doc | CASE WHEN d IN acc THEN acc ELSE acc + d END) AS docs
SET r.docs = CASE WHEN size(docs) = size(keep) THEN null ELSE docs END,
    r.support = size(keep)
WITH r WHERE size(r.ev_doc) = 0
WITH r, startNode(r) AS a, endNode(r) AS b, r.first_seen AS at
SET a.degree = a.degree - 1, b.degree = b.degree - 1
DELETE r
// the change ledger (graph/change_ledger.py) loses the relationships deleted, at their first_seen
WITH at, count(*) AS gone
MATCH (c:ChangeCount {first_seen: at})
SET c.relations = c.relations - gone
WITH c WHERE c.relations <= 0
DELETE c
