// Whether a load stopped before writing the counts it kept (graph/pending_counts.py): a document still marked.
MATCH (d:Document)
WHERE d.counts_pending = true
RETURN d.id AS id
LIMIT 1
