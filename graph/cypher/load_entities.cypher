// Upsert entities of one type ({label} comes from the schema allow-list, never from data).
// $rows: [{id, name, aliases, props}] with one row per entity; aliases are merged, never lost.
UNWIND $rows AS row
MERGE (n:Entity:{label} {id: row.id})
ON CREATE SET n.name = row.name, n.aliases = [], n.first_seen = $now, n.updated = $now,
              n.mention_count = 0, n.doc_count = 0
WITH n, row, [a IN row.aliases WHERE NOT a IN n.aliases AND a <> n.name] AS fresh
WITH n, row, fresh, n.aliases + fresh AS aliases
SET n += row.props,
    n.aliases = aliases,
    n.alias_text = reduce(s = '', a IN aliases | s + a + ' | '),
    n.updated = CASE WHEN size(fresh) > 0 THEN $now ELSE n.updated END
