// name: companies_without_anchor_partner
// title: Companies without an anchor partner in their own cluster
// description: Companies located in a cluster that do not partner with any anchor of that
//   cluster (and are not one of its anchors themselves): candidates for introductions.
//   A company located in several clusters is judged in each. Clusters without any anchor
//   count too, with an empty anchor list.
// param: cluster entity:Cluster default=null -- only this cluster (id, name or alias)
// column: company -- company id
// column: company_name -- company name
// column: cluster -- id of the cluster it is located in
// column: cluster_name -- cluster name
// column: partners -- number of partners it has anywhere
// column: cluster_anchors -- names of that cluster's anchors, alphabetical
// empty: every company in the cluster already partners with one of its anchors
// example: aikg query run companies_without_anchor_partner --param cluster=London
MATCH (co:Company)-[:LOCATED_IN]->(c:Cluster)
WHERE $cluster IS NULL OR c.id = $cluster
// the clusters the company and its partners anchor are read from their side: testing
// (x)-[:ANCHORS]->(c) against a cluster with thousands of members is slow on FalkorDB
OPTIONAL MATCH (co)-[:ANCHORS]->(own:Cluster)
WITH co, c, collect(own.id) AS anchored
WHERE NOT c.id IN anchored
OPTIONAL MATCH (co)-[:PARTNERS_WITH]-(p:Entity)
OPTIONAL MATCH (p)-[:ANCHORS]->(pc:Cluster)
WITH co, c, count(DISTINCT p) AS partners, collect(DISTINCT pc.id) AS partner_anchors
WHERE NOT c.id IN partner_anchors
OPTIONAL MATCH (anchor:Entity)-[:ANCHORS]->(c)
WITH co, c, partners, anchor
ORDER BY anchor.name
WITH co, c, partners, collect(DISTINCT anchor.name) AS cluster_anchors
RETURN co.id AS company, co.name AS company_name, c.id AS cluster, c.name AS cluster_name, partners, cluster_anchors
ORDER BY cluster_name, company_name, company
