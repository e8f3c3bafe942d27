// Upsert entities of one type ({label} comes from the schema allow-list, never from data).
// $rows: one row per entity, a list read by position (graph/loader.py ENTITY_FIELDS: no key names in the
// parameter text, issue 18): [0 id, 1 name, 2 aliases, 3 props, 4 grams, 5 gram_text, 6 full, 7 mentions,
// 8 docs, 9 degree, 10 rel_docs, 11 linked]; aliases are merged, never lost. A new entity gets its properties in ON CREATE; an existing one merges the row's aliases and
// properties in ON MATCH, in the same node write (each item reads only values from before the write, so
// alias_text and updated, which read the old aliases, come before aliases). A row without full = true only
// makes sure the entity exists (a relationship's end whose full row another unit of the same run writes):
// its values are left as they are (the engine skips a SET that leaves a value equal).
// {intern}: `intern` on the embedded store (one copy of a load's timestamp however many entities hold it),
// nothing on Neo4j.
// The counts this batch adds, in the same node write (the one write an entity gets per batch: a node write
// re-indexes the node, issue 18): mentions and docs (its mentions and the documents that mention it: every
// document of a batch is new to the store, see load_mentions.cypher); the summaries (graph/summaries.py)
// degree (the batch's relationships of the entity that are new to the store) and rel_docs (the batch's
// documents behind its relationships); linked: it starts a new relationship, so linked_at (the latest
// first_seen of the relationships it starts, never lowered: graph/change_keys.py) becomes this load's.
// The loader knows which relationships are new (graph/loader.py: what the store held when the run
// started, read once, and what the run wrote); load_relations.cypher writes no node.
// grams: the n-gram keys of substring search (graph/search_grams.py), those of the row's name and aliases;
// an existing entity appends the ones it lacks (each key is followed by a space). gram_text: the keys as the
// text a new entity stores, when the loader knows the entity is new to the store (then grams is empty; the
// engine then joins no list: measured, issue 18); null otherwise.
UNWIND $rows AS row
MERGE (n:Entity:{label} {id: row[0]})
ON CREATE SET n.name = row[1], n.first_seen = {intern}($now), n.mention_count = row[7], n.doc_count = row[8],
              n.degree = row[9], n.rel_docs = row[10], n += row[3],
              n.linked_at = CASE WHEN row[11] THEN {intern}($now) END,
              n.aliases = [a IN row[2] WHERE a <> row[1]],
              n.alias_text = reduce(s = '', a IN row[2] | CASE WHEN a = row[1] THEN s ELSE s + a + ' | ' END),
              n.grams = CASE WHEN row[5] IS NULL THEN reduce(s = '', g IN row[4] | s + g + ' ')
                             ELSE row[5] END,
              n.updated = {intern}($now)
ON MATCH SET n.alias_text = CASE WHEN row[6]
                                 THEN reduce(s = '', a IN n.aliases + [a IN row[2] WHERE NOT a IN n.aliases AND a <> n.name] | s + a + ' | ')
                                 ELSE n.alias_text END,
             n.grams = CASE WHEN row[6]
                            THEN reduce(s = coalesce(n.grams, ''), g IN row[4]
                                        | CASE WHEN (' ' + s) CONTAINS (' ' + g + ' ') THEN s ELSE s + g + ' ' END)
                            ELSE n.grams END,
             n.updated = CASE WHEN row[6] AND any(a IN row[2] WHERE NOT a IN n.aliases AND a <> n.name)
                              THEN {intern}($now) ELSE n.updated END,
             n.aliases = CASE WHEN row[6] THEN n.aliases + [a IN row[2] WHERE NOT a IN n.aliases AND a <> n.name]
                              ELSE n.aliases END,
             n.mention_count = n.mention_count + row[7], n.doc_count = n.doc_count + row[8],
             n.degree = n.degree + row[9], n.rel_docs = coalesce(n.rel_docs, 0) + row[10],
             n.linked_at = CASE WHEN row[11] AND (n.linked_at IS NULL OR n.linked_at < $now) THEN {intern}($now)
                                ELSE n.linked_at END,
             n += CASE WHEN row[6] THEN row[3] ELSE {} END
