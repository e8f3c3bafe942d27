// name: companies_without_anchor_partner
// title: Companies without an anchor partner in their own cluster
// description: Companies located in a cluster that do not partner with any anchor of that
//   cluster (and are not one of its anchors themselves): candidates for introductions.
//   A company located in several clusters is judged in each. Clusters without any anchor
//   count too, with an empty anchor list.
// param: cluster entity:Cluster default=null -- only this cluster (id, name or alias)
// param: min_confidence float default=0 min=0 max=1 -- only relationships with at least this confidence
// column: company -- company id
// column: company_name -- company name
// column: cluster -- id of the cluster it is located in
// column: cluster_name -- cluster name
// column: partners -- number of partners it has anywhere (at that confidence)
// column: cluster_anchors -- names of that cluster's anchors, alphabetical
// empty: every company in the cluster already partners with one of its anchors
// example: aikg query run companies_without_anchor_partner --param cluster=London

// start from the clusters (few) so one asked for is found by id, and read each cluster's
// anchors once (few), then test every company and its partners against that short list
MATCH (c:Cluster)
WHERE $cluster IS NULL OR c.id = $cluster
OPTIONAL MATCH (anchor:Entity)-[k:ANCHORS]->(c)
WHERE k.confidence >= $min_confidence
WITH c, anchor
ORDER BY anchor.name
WITH c, collect(DISTINCT anchor.id) AS anchor_ids, collect(DISTINCT anchor.name) AS cluster_anchors
MATCH (co:Company)-[loc:LOCATED_IN]->(c)
WHERE NOT co.id IN anchor_ids AND loc.confidence >= $min_confidence
// Partners by a path of zero or one PARTNERS_WITH, so every company has a row (its zero-length path, where
// p is the company itself) and the expansion runs batched: an OPTIONAL MATCH expands one company at a
// time, 3x slower for the 45,000 partners of the largest cluster's companies. No label on the partner
// (PARTNERS_WITH only ties entities), no confidence test without a floor, and partners counted as
// nodes: the company itself is taken off the count, unless it partners with itself (flag 1); flag 2:
// it partners with an anchor (never itself: anchors are left out above).
MATCH tie = (co)-[:PARTNERS_WITH*0..1]-(p)
WHERE $min_confidence = 0 OR all(pw IN relationships(tie) WHERE pw.confidence >= $min_confidence)
WITH co, c, cluster_anchors, count(DISTINCT p) AS reached,
     max(CASE WHEN p.id IN anchor_ids THEN 2 WHEN p = co AND length(tie) = 1 THEN 1 ELSE 0 END) AS flag
WHERE flag < 2
WITH co, c, cluster_anchors, reached - 1 + flag AS partners
RETURN co.id AS company, co.name AS company_name, c.id AS cluster, c.name AS cluster_name,
       partners, cluster_anchors
ORDER BY cluster_name, company_name, company
