// name: entity_neighbours
// title: Everything directly tied to an entity
// description: All relationships between an entity and other entities (mentions left
//   out), in the edge-list form with their evidence counts: the ego network to draw or
//   to start exploring from.
// param: entity entity required -- the entity (id, name or alias)
// param: type reltype default=any -- only relationships of this type
// param: min_confidence float default=0 min=0 max=1 -- only relationships with at least this confidence
// column: source -- id of the relationship's stored start
// column: source_name -- its name
// column: source_type -- its entity type
// column: type -- relationship type
// column: target -- id of its stored end
// column: target_name -- its name
// column: target_type -- its entity type
// column: support -- number of supporting sentences
// column: documents -- number of distinct supporting documents
// column: confidence -- highest extraction confidence of the evidence
// empty: the entity has no relationship (of this type) to another entity
// example: aikg query run entity_neighbours --param entity=UCL --param type=PARTNERS_WITH
MATCH (:Entity {id: $entity})-[r]-(:Entity)
WHERE ($type = 'any' OR type(r) = $type) AND r.confidence >= $min_confidence
WITH DISTINCT r
WITH r, startNode(r) AS s, endNode(r) AS t
RETURN s.id AS source, s.name AS source_name, [l IN labels(s) WHERE l <> 'Entity'][0] AS source_type,
       type(r) AS type,
       t.id AS target, t.name AS target_name, [l IN labels(t) WHERE l <> 'Entity'][0] AS target_type,
       r.support AS support, size(coalesce(r.docs, r.ev_doc)) AS documents, r.confidence AS confidence
ORDER BY type, source_name, target_name, source, target
