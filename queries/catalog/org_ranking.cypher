// name: org_ranking
// title: Organisations ranked by degree or by supporting documents
// description: Institutes, companies and agencies ranked by how many relationships tie
//   them to other entities (degree, mentions not counted) or by how many distinct
//   documents support those relationships. Ties are broken by the other measure, then
//   by name. Organisations tied to no other entity are left out (see graph_health).
// param: by str default=degree choices=degree|documents -- the measure to rank by
// param: type str default=any choices=any|Institute|Company|Agency -- only organisations of this type
// param: limit int default=20 min=1 max=100000 -- how many organisations to list
// param: min_confidence float default=0 min=0 max=1 -- only relationships with at least this confidence
// column: id -- organisation id
// column: name -- organisation name
// column: type -- Institute, Company or Agency
// column: degree -- relationships to other entities, any type and direction
// column: documents -- distinct documents that support those relationships
// column: mentioned_in -- distinct documents that mention the organisation
// empty: no organisation of this type is tied to another entity
// example: aikg query run org_ranking --param by=documents --param limit=10

// Both measures are summaries the loader keeps on every entity (degree, rel_docs; see
// graph/summaries.py), so the ranking reads one property per organisation instead of every relationship.
// The summaries count every relationship: with a minimum confidence the second branch counts them instead.
MATCH (o:Entity)
WHERE $min_confidence = 0 AND o.degree > 0 AND (o:Institute OR o:Company OR o:Agency) AND ($type = 'any' OR $type IN labels(o))
// the first `limit` in order before their columns: a type (a list comprehension over labels) and the other
// properties of 60,000 organisations cost more than the sort itself
WITH o, o.degree AS degree, o.rel_docs AS documents
WITH o, degree, documents, CASE WHEN $by = 'documents' THEN documents ELSE degree END AS first,
     CASE WHEN $by = 'documents' THEN degree ELSE documents END AS second
ORDER BY first DESC, second DESC, o.name, o.id
LIMIT $limit
RETURN o.id AS id, o.name AS name, [l IN labels(o) WHERE l <> 'Entity'][0] AS type, degree, documents,
       o.doc_count AS mentioned_in
ORDER BY first DESC, second DESC, name, id
LIMIT $limit
UNION
WITH $min_confidence AS floor
WHERE floor > 0
MATCH (o:Entity)-[r]-(:Entity)
WHERE (o:Institute OR o:Company OR o:Agency) AND ($type = 'any' OR $type IN labels(o)) AND r.confidence >= floor
WITH o, collect(DISTINCT r) AS rels
UNWIND rels AS r
UNWIND r.ev_doc AS doc
WITH o, size(rels) AS degree, count(DISTINCT doc) AS documents
RETURN o.id AS id, o.name AS name, [l IN labels(o) WHERE l <> 'Entity'][0] AS type, degree, documents,
       o.doc_count AS mentioned_in
ORDER BY CASE WHEN $by = 'documents' THEN documents ELSE degree END DESC,
         CASE WHEN $by = 'documents' THEN degree ELSE documents END DESC, name, id
LIMIT $limit
