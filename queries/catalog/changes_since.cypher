// name: changes_since
// title: What changed since a date
// description: Entities and relationships first seen, and documents loaded, on or after
//   a date, newest first: by time, then entities before relationships before documents,
//   then by type, id and end. Timestamps are stored as ISO-8601 strings in UTC and compared
//   as strings, so a plain date (2025-01-31) means from the start of that day. A change feed
//   comes a page at a time: the newest `limit` changes (1000 by default; limit=0 for all of
//   them). The result carries the number of changes since the date (the frame's attrs
//   "total"), and the CLI says when it shows fewer ("showing 1,000 of 74,239 changes").
// param: since date required hook -- ISO-8601 date or date-time (UTC when no offset is given)
// param: kind str default=all choices=all|entities|relations|documents -- which kind of change to list
// param: limit int default=1000 min=0 hook -- how many of the newest changes to list (0: every change)
// column: change -- entity, relation or document
// column: type -- entity type, relationship type or document kind
// column: id -- entity id, the relationship's start id, or document id
// column: name -- entity name, start name, or document title
// column: target -- for a relationship, the id of its end
// column: target_name -- for a relationship, the name of its end
// column: first_seen -- when it was first loaded (loaded_at for documents)
// empty: nothing was added since that date
// example: aikg query run changes_since --param since=2025-01-01
// example: aikg query run changes_since --param since=2025-01-01 --param limit=0
// hook: changes
// derived: linked bool -- whether the entities carry linked_at (graph/change_keys.py; false: read every relationship)
// derived: floor str -- the time the page reads from: since, or later when the page's newest changes are all later (queries/hooks/changes.py)
MATCH (n:Entity)
WHERE $kind IN ['all', 'entities'] AND n.first_seen >= $floor
RETURN 'entity' AS change, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.id AS id, n.name AS name,
       null AS target, null AS target_name, n.first_seen AS first_seen
UNION ALL
// relationships: their start entities come from linked_at (the latest first_seen of the relationships an
// entity starts, kept by the loader and indexed: graph/change_keys.py), so neither a scan of every
// relationship nor an index on each is needed; queries/hooks/changes.py puts every row in the documented order
// and cuts the page (no branch orders its rows).
// One branch per relationship type (every type of data/schema.json; tests/test_queries.py checks the list):
// the engine expands one type's relationships of a node at about 0.7x the time of expanding them all
// untyped, which must look up every type for each pair of nodes (and a list of types costs more still).
// All end at entities by the schema, so the end needs no label test.
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $floor
MATCH (a)-[r:PARTNERS_WITH]->(b)
WHERE r.first_seen >= $floor
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $floor
MATCH (a)-[r:LOCATED_IN]->(b)
WHERE r.first_seen >= $floor
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $floor
MATCH (a)-[r:FUNDS]->(b)
WHERE r.first_seen >= $floor
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $floor
MATCH (a)-[r:AFFILIATED_WITH]->(b)
WHERE r.first_seen >= $floor
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $floor
MATCH (a)-[r:MEMBER_OF]->(b)
WHERE r.first_seen >= $floor
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $floor
MATCH (a)-[r:RUNS]->(b)
WHERE r.first_seen >= $floor
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $floor
MATCH (a)-[r:PART_OF]->(b)
WHERE r.first_seen >= $floor
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $floor
MATCH (a)-[r:FOUNDED]->(b)
WHERE r.first_seen >= $floor
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $floor
MATCH (a)-[r:ANCHORS]->(b)
WHERE r.first_seen >= $floor
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
WITH $linked AS ready
WHERE ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)
WHERE a.linked_at >= $floor
MATCH (a)-[r:WITHIN]->(b)
WHERE r.first_seen >= $floor
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
// a store written by an older aikg and not yet migrated: every relationship is read
WITH $linked AS ready
WHERE NOT ready AND $kind IN ['all', 'relations']
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.first_seen >= $floor
RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
MATCH (d:Document)
WHERE $kind IN ['all', 'documents'] AND d.loaded_at >= $floor
RETURN 'document' AS change, d.kind AS type, d.id AS id, coalesce(d.title, d.source) AS name,
       null AS target, null AS target_name, d.loaded_at AS first_seen
