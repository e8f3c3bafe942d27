// Forget the kept profiles of the clusters in $ids (a write's cluster ends and cluster entities)
// and of the metros they lie within (see stale_profiles_entities.cypher).
// The catalog reads a profile only while it is there (graph/summaries.py: refresh_profiles computes the
// missing ones again); without one the query reads the graph, so answers never go stale. Nothing is
// read while no cluster keeps a profile (a first load). One statement per kind of entity: a walk per
// node costs the engine far more than a property read, so only programmes, people and clusters walk.
MATCH (kept:Cluster)
WHERE kept.profile_people_count IS NOT NULL
WITH count(kept) AS keeping
WHERE keeping > 0
UNWIND $ids AS id
MATCH (x:Cluster {id: id})
OPTIONAL MATCH (x)-[:WITHIN]->(metro:Cluster)
// (no pattern comprehension here: FalkorDB refuses one inside a chained write, "_AR_EXP_UpdateEntityIdx")
UNWIND [x.id, metro.id] AS cid
WITH DISTINCT cid
WHERE cid IS NOT NULL
MATCH (c:Cluster {id: cid})
WHERE c.profile_people_count IS NOT NULL
SET c.profile_institutes = null, c.profile_companies = null, c.profile_agencies = null,
    c.profile_programme_count = null, c.profile_people_count = null, c.profile_anchors = null,
    c.profile_top_partners = null, c.profile_programmes = null, c.profile_people = null, c.profile_places = null
