// Forget, in the write that may change them, the kept profiles (refresh_cluster_profile.cypher) of
// the clusters of each entity in $ids (written, mentioned, or an end of a relationship written): its
// cluster_ids, which hold the metros of its clusters. Runs after refresh_summaries.cypher (current
// cluster_ids).
// The catalog reads a profile only while it is there (graph/summaries.py: refresh_profiles computes the
// missing ones again); without one the query reads the graph, so answers never go stale. Nothing is
// read while no cluster keeps a profile (a first load). One statement per kind of entity: a walk per
// node costs the engine far more than a property read, so only programmes, people and clusters walk.
MATCH (kept:Cluster)
WHERE kept.profile_people_count IS NOT NULL
WITH count(kept) AS keeping
WHERE keeping > 0
UNWIND $ids AS id
MATCH (n:Entity {id: id})
UNWIND coalesce(n.cluster_ids, []) AS cid
WITH DISTINCT cid
MATCH (c:Cluster {id: cid})
WHERE c.profile_people_count IS NOT NULL
SET c.profile_institutes = null, c.profile_companies = null, c.profile_agencies = null,
    c.profile_programme_count = null, c.profile_people_count = null, c.profile_anchors = null,
    c.profile_top_partners = null, c.profile_programmes = null, c.profile_people = null, c.profile_places = null
