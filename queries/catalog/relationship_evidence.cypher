// name: relationship_evidence
// title: Evidence behind a relationship
// description: The documents and sentences behind the relationships between two entities
//   (either direction), one row per piece of evidence, with the character span, page,
//   extractor and confidence, so every fact can be traced back to its source.
// param: source entity required -- one end (id, name or alias)
// param: target entity required -- the other end (id, name or alias)
// param: type reltype default=any -- only relationships of this type
// param: min_confidence float default=0 min=0 max=1 -- only relationships with at least this confidence
// column: sentence -- the supporting sentence
// column: doc_title -- the document's title
// column: page -- page number for paged documents (empty when not paged)
// column: published -- the document's publication date, when known
// column: type -- relationship type
// column: source -- id of the relationship's stored start
// column: target -- id of its stored end
// column: doc_source -- the document's file name or URL
// column: method -- extractor that found it
// column: confidence -- extractor confidence for this piece of evidence
// column: span_start -- character offset where the sentence starts in the document text
// column: span_end -- character offset where it ends
// column: doc -- id of the supporting document
// empty: the two entities are not directly related (by a relationship of this type)
// example: aikg query run relationship_evidence --param source=NVIDIA --param target="Vector Institute"
MATCH (:Entity {id: $source})-[r]-(:Entity {id: $target})
WHERE ($type = 'any' OR type(r) = $type) AND r.confidence >= $min_confidence
WITH DISTINCT r
WITH r, startNode(r) AS s, endNode(r) AS t
UNWIND range(0, size(r.ev_doc) - 1) AS i
OPTIONAL MATCH (d:Document {id: r.ev_doc[i]})
RETURN r.ev_sentence[i] AS sentence, d.title AS doc_title,
       CASE WHEN r.ev_page[i] > 0 THEN r.ev_page[i] END AS page, d.published AS published,
       type(r) AS type, s.id AS source, t.id AS target, d.source AS doc_source, r.ev_method[i] AS method,
       r.ev_confidence[i] AS confidence, r.ev_start[i] AS span_start, r.ev_end[i] AS span_end,
       r.ev_doc[i] AS doc
ORDER BY type, published, doc, span_start
