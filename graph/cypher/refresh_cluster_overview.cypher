// The counts of cluster $cluster as queries/catalog/cluster_overview.cypher computes them with no
// confidence floor, kept on the cluster beside its profile (graph/summaries.py: written in the same atomic
// write as refresh_cluster_profile.cypher, and read only while the profile is kept, so the forgetting of a
// profile forgets these too: every change that moves a count here changes the profile's counts of the
// same cluster). The text is the live part of that query for one cluster, with SET instead of RETURN;
// tests/test_summaries_overview.py checks that the two agree.
MATCH (c:Cluster {id: $cluster})
OPTIONAL MATCH (o:Entity)-[link:LOCATED_IN|ANCHORS]->(c)
WHERE (o:Institute OR o:Company OR o:Agency) AND link.confidence >= 0
WITH c, count(DISTINCT o) AS organisations, count(DISTINCT CASE WHEN type(link) = 'ANCHORS' THEN o END) AS anchors
OPTIONAL MATCH (person:Person)-[af:AFFILIATED_WITH]->(:Entity)-[home:LOCATED_IN|ANCHORS]->(c)
WHERE af.confidence >= 0 AND home.confidence >= 0
WITH c, organisations, anchors, count(DISTINCT person) AS people
OPTIONAL MATCH tie = (g:Programme)-[:LOCATED_IN|RUNS|ANCHORS*1..2]-(c)
WHERE all(r IN relationships(tie) WHERE r.confidence >= 0)
WITH c, organisations, anchors, people, count(DISTINCT g) AS programmes
SET c.overview_anchors = anchors, c.overview_organisations = organisations, c.overview_programmes = programmes,
    c.overview_people = people
