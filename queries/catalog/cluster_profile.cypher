// name: cluster_profile
// title: Profile of one cluster
// description: One row summarising a cluster: its member organisations counted by type
//   (an organisation is a member when it is located in the cluster or anchors it, or
//   in a place within it, such as a city of a metro cluster), its
//   anchors, its most connected outside partners (organisations outside the cluster
//   ranked by how many members partner with them), and its programmes (located there
//   or run by a member) and people (affiliated with a member), counted, with the most
//   mentioned listed first. Lists are capped at `top`; counts are complete.
// param: cluster entity:Cluster required -- the cluster (id, name or alias)
// param: top int default=5 min=1 max=1000 -- how many partners, programmes and people to list
// param: min_confidence float default=0 min=0 max=1 -- only relationships with at least this confidence
// column: cluster -- cluster id
// column: cluster_name -- cluster name
// column: institutes -- number of member institutes
// column: companies -- number of member companies
// column: agencies -- number of member agencies
// column: programme_count -- number of programmes located there or run by a member
// column: people_count -- number of people affiliated with a member
// column: anchors -- names of the anchors, alphabetical
// column: top_partners -- 'Name (n)' for the outside partners, n = members partnering with it, most first
// column: programmes -- names of its most mentioned programmes (by documents, then alphabetical)
// column: people -- names of its most mentioned people (by documents, then alphabetical)
// column: places -- the places within the cluster that the counts include, alphabetical
// empty: the cluster is not in the graph
// example: aikg query run cluster_profile --param cluster=Toronto --param top=3

// The profile the loader keeps on the cluster (graph/summaries.py: forgotten in the write that may
// change it, computed again at the end of a run by the second branch's text) is read when there is one,
// for the default confidence floor and up to 100 names per list; otherwise the second branch reads the graph.
MATCH (c:Cluster {id: $cluster})
WHERE $min_confidence = 0 AND $top <= 100 AND c.profile_people_count IS NOT NULL
RETURN c.id AS cluster, c.name AS cluster_name, c.profile_institutes AS institutes, c.profile_companies AS companies,
       c.profile_agencies AS agencies, c.profile_programme_count AS programme_count,
       c.profile_people_count AS people_count, c.profile_anchors AS anchors,
       c.profile_top_partners[..$top] AS top_partners, c.profile_programmes[..$top] AS programmes,
       c.profile_people[..$top] AS people, c.profile_places AS places
UNION ALL
// The outside partners come first, while each row carries only the cluster and its places (the
// heaviest part groups by partner, and every column carried is hashed on each of its rows); the
// other lists are built one after another and sliced at once, so no long list is an aggregation key.
MATCH (c:Cluster {id: $cluster})
WHERE NOT ($min_confidence = 0 AND $top <= 100 AND c.profile_people_count IS NOT NULL)
OPTIONAL MATCH (city:Cluster)-[:WITHIN]->(c)
WITH c, [c] + collect(DISTINCT city) AS places
UNWIND places AS place
// members and their partners in one pattern (the engine expands it in batches; one expansion per
// member cost half as much again); a partner counts each member once, though a member may be tied
// to several places (the loader stores one PARTNERS_WITH per pair)
OPTIONAL MATCH (place)<-[lm:LOCATED_IN|ANCHORS]-(m)-[pw:PARTNERS_WITH]-(p)
WHERE lm.confidence >= $min_confidence AND pw.confidence >= $min_confidence
WITH c, p, count(DISTINCT m) AS links
// outside partners only: a partner's own clusters (and the metros they lie in) are a summary the
// loader keeps on it (cluster_ids, graph/summaries.py), not a test of (p)-->(c) against a cluster
// with thousands of members. Partners are organisations by the schema: unlabelled ends expand faster.
// Only the first `top` rows are kept (one cluster: every row has the same c), partners outside first,
// so the engine keeps a short heap instead of sorting and joining every partner's name.
WITH c, p, CASE WHEN p IS NULL OR c.id IN coalesce(p.cluster_ids, []) THEN 0 ELSE links END AS outside
ORDER BY outside DESC, p.name
LIMIT $top
WITH c, collect(CASE WHEN outside > 0 THEN p.name + ' (' + toString(outside) + ')' END) AS top_partners
OPTIONAL MATCH (city:Cluster)-[:WITHIN]->(c)
WITH c, top_partners, city
ORDER BY city.name
WITH c, top_partners, collect(DISTINCT city) AS cities
WITH c, top_partners, cities, [c] + cities AS places
UNWIND places AS place
OPTIONAL MATCH (o:Entity)-[lo:LOCATED_IN|ANCHORS]->(place)
WHERE (o:Institute OR o:Company OR o:Agency) AND lo.confidence >= $min_confidence
WITH c, top_partners, cities, places, count(DISTINCT CASE WHEN 'Institute' IN labels(o) THEN o END) AS institutes,
     count(DISTINCT CASE WHEN 'Company' IN labels(o) THEN o END) AS companies,
     count(DISTINCT CASE WHEN 'Agency' IN labels(o) THEN o END) AS agencies
UNWIND places AS place
OPTIONAL MATCH (a:Entity)-[k:ANCHORS]->(place)
WHERE k.confidence >= $min_confidence
WITH c, top_partners, cities, places, institutes, companies, agencies, a
ORDER BY a.name
WITH c, top_partners, cities, places, institutes, companies, agencies, collect(DISTINCT a.name) AS anchors
// a programme located here is one hop away; one run by a member is two (programme <-RUNS- member -> cluster):
// the two patterns the schema allows, matched directly (an undirected variable-length path costs more)
// (both per place, as pattern comprehensions: collecting one list and then the other made the first a
// grouping key that every row of the second hashed)
UNWIND places AS place
WITH c, top_partners, cities, places, institutes, companies, agencies, anchors,
     [(g1:Programme)-[l1:LOCATED_IN]->(place) WHERE l1.confidence >= $min_confidence | g1] +
     [(g2:Programme)<-[rn:RUNS]-(:Entity)-[l2:LOCATED_IN|ANCHORS]->(place)
      WHERE rn.confidence >= $min_confidence AND l2.confidence >= $min_confidence | g2] AS found
UNWIND (CASE WHEN size(found) = 0 THEN [null] ELSE found END) AS g
WITH c, top_partners, cities, places, institutes, companies, agencies, anchors, g
ORDER BY g.doc_count DESC, g.name
WITH c, top_partners, cities, places, institutes, companies, agencies, anchors, count(DISTINCT g) AS programme_count,
     collect(DISTINCT g.name) AS programmes
WITH c, top_partners, cities, places, institutes, companies, agencies, anchors, programme_count,
     programmes[..$top] AS programmes
UNWIND places AS place
OPTIONAL MATCH (person:Person)-[af:AFFILIATED_WITH]->(:Entity)-[lp:LOCATED_IN|ANCHORS]->(place)
WHERE af.confidence >= $min_confidence AND lp.confidence >= $min_confidence
WITH c, top_partners, cities, institutes, companies, agencies, anchors, programme_count, programmes, person
ORDER BY person.doc_count DESC, person.name
WITH c, top_partners, cities, institutes, companies, agencies, anchors, programme_count, programmes,
     count(DISTINCT person) AS people_count, collect(DISTINCT person.name) AS people
RETURN c.id AS cluster, c.name AS cluster_name, institutes, companies, agencies, programme_count, people_count,
       anchors, top_partners, programmes, people[..$top] AS people, [x IN cities | x.name] AS places
