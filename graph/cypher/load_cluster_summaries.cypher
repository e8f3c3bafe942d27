// The cluster summaries (graph/summaries.py) of a run whose entities were all new to the store, written once at
// its end (graph/pending_counts.py): such a run holds every relationship its entities have, so the loader
// computes them in Python (summaries.compute, the values refresh_summaries.cypher gives) instead of the engine
// walking each entity's clusters and metros. $rows: [{id, clusters, cluster_ids, affiliated_cluster_count,
// affiliated_clusters, affiliations}], only entities with some of them, null for the others.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.clusters = row.clusters, n.cluster_ids = row.cluster_ids,
    n.affiliated_cluster_count = row.affiliated_cluster_count, n.affiliated_clusters = row.affiliated_clusters,
    n.affiliations = row.affiliations
