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
MATCH (n:Entity)
WHERE $kind IN ['all', 'entities'] AND n.first_seen >= $since
RETURN 'entity' AS change, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.id AS id, n.name AS name,
       null AS target, null AS target_name, n.first_seen AS first_seen
ORDER BY first_seen, id
UNION ALL
// one branch per relationship type, so each reads its first_seen index instead of every relationship
// (both engines; CALL { } would need another syntax on each); queries/hooks/changes.py puts the
// relationships of all types back in first_seen order
MATCH (a)-[r:LOCATED_IN]->(b)
WHERE $kind IN ['all', 'relations'] AND r.first_seen >= $since
RETURN 'relation' AS change, 'LOCATED_IN' AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
MATCH (a)-[r:ANCHORS]->(b)
WHERE $kind IN ['all', 'relations'] AND r.first_seen >= $since
RETURN 'relation' AS change, 'ANCHORS' AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
MATCH (a)-[r:PARTNERS_WITH]->(b)
WHERE $kind IN ['all', 'relations'] AND r.first_seen >= $since
RETURN 'relation' AS change, 'PARTNERS_WITH' AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
MATCH (a)-[r:FUNDS]->(b)
WHERE $kind IN ['all', 'relations'] AND r.first_seen >= $since
RETURN 'relation' AS change, 'FUNDS' AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
MATCH (a)-[r:RUNS]->(b)
WHERE $kind IN ['all', 'relations'] AND r.first_seen >= $since
RETURN 'relation' AS change, 'RUNS' AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
MATCH (a)-[r:AFFILIATED_WITH]->(b)
WHERE $kind IN ['all', 'relations'] AND r.first_seen >= $since
RETURN 'relation' AS change, 'AFFILIATED_WITH' AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
MATCH (a)-[r:FOUNDED]->(b)
WHERE $kind IN ['all', 'relations'] AND r.first_seen >= $since
RETURN 'relation' AS change, 'FOUNDED' AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
MATCH (a)-[r:MEMBER_OF]->(b)
WHERE $kind IN ['all', 'relations'] AND r.first_seen >= $since
RETURN 'relation' AS change, 'MEMBER_OF' AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
MATCH (a)-[r:PART_OF]->(b)
WHERE $kind IN ['all', 'relations'] AND r.first_seen >= $since
RETURN 'relation' AS change, 'PART_OF' AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
MATCH (a)-[r:WITHIN]->(b)
WHERE $kind IN ['all', 'relations'] AND r.first_seen >= $since
RETURN 'relation' AS change, 'WITHIN' AS type, a.id AS id, a.name AS name, b.id AS target, b.name AS target_name,
       r.first_seen AS first_seen
UNION ALL
MATCH (d:Document)
WHERE $kind IN ['all', 'documents'] AND d.loaded_at >= $since
RETURN 'document' AS change, d.kind AS type, d.id AS id, coalesce(d.title, d.source) AS name,
       null AS target, null AS target_name, d.loaded_at AS first_seen
ORDER BY first_seen, id
