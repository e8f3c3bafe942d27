// The last write of a load that kept counts until its end (graph/pending_counts.py): its documents lose the
// mark that says some of their counts are not written yet.
MATCH (d:Document)
WHERE d.counts_pending = true
SET d.counts_pending = null
