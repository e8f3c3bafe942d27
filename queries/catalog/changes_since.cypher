// name: changes_since
// title: What changed since a date
// description: Entities and relationships first seen, and documents loaded, on or after
//   a date. Timestamps are stored as ISO-8601 strings in UTC and compared as strings, so
//   a plain date (2025-01-31) means from the start of that day. Rows come grouped:
//   entities, then relationships, then documents, each oldest first.
// param: since date required -- ISO-8601 date or date-time (UTC when no offset is given)
// param: kind str default=all choices=all|entities|relations|documents -- which kind of change to list
// column: change -- entity, relation or document
// column: type -- entity type, relationship type or document kind
// column: id -- entity id, the relationship's start id, or document id
// column: name -- entity name, start name, or document title
// column: target -- for a relationship, the id of its end
// column: target_name -- for a relationship, the name of its end
// column: first_seen -- when it was first loaded (loaded_at for documents)
// empty: nothing was added since that date
// example: aikg query run changes_since --param since=2025-01-01
// hook: changes
// derived: linked bool -- whether the entities carry linked_at (graph/change_keys.py; false: read every relationship)
MATCH (n:Entity)
WHERE $kind IN ['all', 'entities'] AND n.first_seen >= $since
RETURN 'entity' AS change, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.id AS id, n.name AS name,
       null AS target, null AS target_name, n.first_seen AS first_seen
ORDER BY first_seen, id
UNION ALL
// relationships: their start entities come from linked_at (the latest first_seen of the relationships an
// entity starts, kept by the loader and indexed: graph/change_keys.py), so neither a scan of every
// relationship nor an index on each is needed; queries/hooks/changes.py puts them in first_seen order.
// One branch per relationship type (every type of data/schema.json; tests/test_queries.py checks the list):
// the engine expands one type's relationships of a node at about 0.7x the time of expanding them all
// untyped, which must look up every type for each pair of nodes (and a list of types costs more still).
// All end at entities by the schema, so the end needs no label test.
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $since
MATCH (a)-[r:PARTNERS_WITH]->(b)
WHERE r.first_seen >= $since
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $since
MATCH (a)-[r:LOCATED_IN]->(b)
WHERE r.first_seen >= $since
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $since
MATCH (a)-[r:FUNDS]->(b)
WHERE r.first_seen >= $since
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $since
MATCH (a)-[r:AFFILIATED_WITH]->(b)
WHERE r.first_seen >= $since
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $since
MATCH (a)-[r:MEMBER_OF]->(b)
WHERE r.first_seen >= $since
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $since
MATCH (a)-[r:RUNS]->(b)
WHERE r.first_seen >= $since
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $since
MATCH (a)-[r:PART_OF]->(b)
WHERE r.first_seen >= $since
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $since
MATCH (a)-[r:FOUNDED]->(b)
WHERE r.first_seen >= $since
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $since
MATCH (a)-[r:ANCHORS]->(b)
WHERE r.first_seen >= $since
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $since
MATCH (a)-[r:WITHIN]->(b)
WHERE r.first_seen >= $since
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
// a store written by an older aikg and not yet migrated: every relationship is read
WITH $linked AS ready
WHERE NOT ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.first_seen >= $since
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
MATCH (d:Document)
WHERE $kind IN ['all', 'documents'] AND d.loaded_at >= $since
RETURN 'document' AS change, d.kind AS type, d.id AS id, coalesce(d.title, d.source) AS name,
       null AS target, null AS target_name, d.loaded_at AS first_seen
ORDER BY first_seen, id
