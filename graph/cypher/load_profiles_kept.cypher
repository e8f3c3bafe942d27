// Whether some cluster keeps a profile (graph/summaries.py), read once when a load starts. Profiles are computed
// only after a run ends, so a load that finds none sends no stale_profiles_* statements (nothing to forget) and
// keeps the cluster summaries of a run of several batches to its end (graph/pending_counts.py).
MATCH (c:Cluster)
WHERE c.profile_people_count IS NOT NULL
RETURN c.id AS id
LIMIT 1
