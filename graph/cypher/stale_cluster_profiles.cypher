// Forget the kept profile (refresh_cluster_profile.cypher) of every cluster a write may change, in the
// same atomic write: the clusters of each entity in $ids (written, mentioned, or an end of a relationship
// written), of the organisations that run it (a programme: its runners' clusters count it) or that it is
// affiliated with (a person: counted by its organisations' clusters), the entity itself when it is a
// cluster, and the metros those lie within. Runs after refresh_summaries.cypher, so cluster_ids are
// current. The catalog reads a profile only while it is there (graph/summaries.py: refresh_profiles
// computes the missing ones again); without it the query reads the graph, so answers never go stale.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
OPTIONAL MATCH (n)<-[:RUNS]-(runner:Entity)
WITH n, collect(DISTINCT runner) AS runners
OPTIONAL MATCH (n)-[:AFFILIATED_WITH]->(org:Entity)
WITH n, runners, collect(DISTINCT org) AS orgs
UNWIND [n] + runners + orgs AS e
WITH DISTINCT e
UNWIND coalesce(e.cluster_ids, []) + CASE WHEN 'Cluster' IN labels(e) THEN [e.id] ELSE [] END AS cid
WITH DISTINCT cid
MATCH (c:Cluster {id: cid})
OPTIONAL MATCH (c)-[:WITHIN]->(metro:Cluster)
WITH collect(DISTINCT c) AS places, collect(DISTINCT metro) AS metros
UNWIND places + metros AS s
WITH DISTINCT s
WHERE s.profile_people_count IS NOT NULL
SET s.profile_institutes = null, s.profile_companies = null, s.profile_agencies = null,
    s.profile_programme_count = null, s.profile_people_count = null, s.profile_anchors = null,
    s.profile_top_partners = null, s.profile_programmes = null, s.profile_people = null, s.profile_places = null
