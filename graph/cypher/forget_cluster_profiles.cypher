// Forget every kept cluster profile (see stale_cluster_profiles.cypher): a forced re-load retracts
// what its documents said, which is rare enough not to trace cluster by cluster.
MATCH (c:Cluster)
WHERE c.profile_people_count IS NOT NULL
SET c.profile_institutes = null, c.profile_companies = null, c.profile_agencies = null,
    c.profile_programme_count = null, c.profile_people_count = null, c.profile_anchors = null,
    c.profile_top_partners = null, c.profile_programmes = null, c.profile_people = null, c.profile_places = null
