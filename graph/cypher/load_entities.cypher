// Upsert entities of one type ({label} comes from the schema allow-list, never from data).
// $rows: [{id, name, aliases, props, full, mentions, docs}] with one row per entity; aliases are
// merged, never lost. A new entity gets its properties in ON CREATE (the same values the merge below
// gives an empty node); only an existing one pays for the alias merge (marked during the MERGE, the mark
// removed at once). A row without full = true only makes sure the entity exists (a relationship's end
// whose full row another unit of the same run writes) and adds its counts.
// The counts this batch adds, in the same node write: mentions and docs (its mentions and the documents
// that mention it: every document of a batch is new to the store, see load_mentions.cypher). degree and
// rel_docs (summaries, see graph/summaries.py) are counted by load_relations.cypher.
UNWIND $rows AS row
MERGE (n:Entity:{label} {id: row.id})
ON CREATE SET n.name = row.name, n.first_seen = $now, n.mention_count = row.mentions, n.doc_count = row.docs,
              n.degree = 0, n.rel_docs = 0, n += row.props,
              n.aliases = [a IN row.aliases WHERE a <> row.name],
              n.alias_text = reduce(s = '', a IN row.aliases | CASE WHEN a = row.name THEN s ELSE s + a + ' | ' END),
              n.updated = $now
ON MATCH SET n.mention_count = n.mention_count + row.mentions, n.doc_count = n.doc_count + row.docs,
             n.merging = CASE WHEN row.full THEN true END
WITH n, row WHERE n.merging = true
WITH n, row, [a IN row.aliases WHERE NOT a IN n.aliases AND a <> n.name] AS fresh
WITH n, row, fresh, n.aliases + fresh AS aliases
SET n += row.props,
    n.aliases = aliases,
    n.alias_text = reduce(s = '', a IN aliases | s + a + ' | '),
    n.updated = CASE WHEN size(fresh) > 0 THEN $now ELSE n.updated END,
    n.merging = null
