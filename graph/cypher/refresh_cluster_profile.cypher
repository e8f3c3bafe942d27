// The profile of cluster $cluster as queries/catalog/cluster_profile.cypher computes it with
// no confidence floor and $cap names per list, kept on the cluster (graph/summaries.py: the catalog
// reads these properties instead of walking thousands of members and partners). The text below is the
// live branch of that query, with SET instead of RETURN; tests/test_summaries.py checks that the two agree.
// (comment lines of the live branch are left out here; one cluster a statement: the live text keeps
// only the first $cap partners of the one cluster it reads)
MATCH (c:Cluster {id: $cluster})
OPTIONAL MATCH (city:Cluster)-[:WITHIN]->(c)
WITH c, [c] + collect(DISTINCT city) AS places
UNWIND places AS place
OPTIONAL MATCH (place)<-[lm:LOCATED_IN|ANCHORS]-(m)-[pw:PARTNERS_WITH]-(p)
WHERE lm.confidence >= 0 AND pw.confidence >= 0
WITH c, p, count(DISTINCT m) AS links
WITH c, p, CASE WHEN p IS NULL OR c.id IN coalesce(p.cluster_ids, []) THEN 0 ELSE links END AS outside
ORDER BY outside DESC, p.name
LIMIT $cap
WITH c, collect(CASE WHEN outside > 0 THEN p.name + ' (' + toString(outside) + ')' END) AS top_partners
OPTIONAL MATCH (city:Cluster)-[:WITHIN]->(c)
WITH c, top_partners, city
ORDER BY city.name
WITH c, top_partners, collect(DISTINCT city) AS cities
WITH c, top_partners, cities, [c] + cities AS places
UNWIND places AS place
OPTIONAL MATCH (o:Entity)-[lo:LOCATED_IN|ANCHORS]->(place)
WHERE (o:Institute OR o:Company OR o:Agency) AND lo.confidence >= 0
WITH c, top_partners, cities, places, count(DISTINCT CASE WHEN 'Institute' IN labels(o) THEN o END) AS institutes,
     count(DISTINCT CASE WHEN 'Company' IN labels(o) THEN o END) AS companies,
     count(DISTINCT CASE WHEN 'Agency' IN labels(o) THEN o END) AS agencies
UNWIND places AS place
OPTIONAL MATCH (a:Entity)-[k:ANCHORS]->(place)
WHERE k.confidence >= 0
WITH c, top_partners, cities, places, institutes, companies, agencies, a
ORDER BY a.name
WITH c, top_partners, cities, places, institutes, companies, agencies, collect(DISTINCT a.name) AS anchors
UNWIND places AS place
WITH c, top_partners, cities, places, institutes, companies, agencies, anchors,
     [(g1:Programme)-[l1:LOCATED_IN]->(place) WHERE l1.confidence >= 0 | g1] +
     [(g2:Programme)<-[rn:RUNS]-(:Entity)-[l2:LOCATED_IN|ANCHORS]->(place)
      WHERE rn.confidence >= 0 AND l2.confidence >= 0 | g2] AS found
UNWIND (CASE WHEN size(found) = 0 THEN [null] ELSE found END) AS g
WITH c, top_partners, cities, places, institutes, companies, agencies, anchors, g
ORDER BY g.doc_count DESC, g.name
WITH c, top_partners, cities, places, institutes, companies, agencies, anchors, count(DISTINCT g) AS programme_count,
     collect(DISTINCT g.name) AS programmes
WITH c, top_partners, cities, places, institutes, companies, agencies, anchors, programme_count,
     programmes[..$cap] AS programmes
UNWIND places AS place
OPTIONAL MATCH (person:Person)-[af:AFFILIATED_WITH]->(:Entity)-[lp:LOCATED_IN|ANCHORS]->(place)
WHERE af.confidence >= 0 AND lp.confidence >= 0
WITH c, top_partners, cities, institutes, companies, agencies, anchors, programme_count, programmes, person
ORDER BY person.doc_count DESC, person.name
WITH c, top_partners, cities, institutes, companies, agencies, anchors, programme_count, programmes,
     count(DISTINCT person) AS people_count, collect(DISTINCT person.name) AS people
SET c.profile_institutes = institutes, c.profile_companies = companies, c.profile_agencies = agencies,
    c.profile_programme_count = programme_count, c.profile_people_count = people_count, c.profile_anchors = anchors,
    c.profile_top_partners = top_partners, c.profile_programmes = programmes, c.profile_people = people[..$cap],
    c.profile_places = [x IN cities | x.name]
