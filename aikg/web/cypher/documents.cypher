// Title, publication date and source of the documents in $ids (evidence shown on an entity page).
MATCH (d:Document)
WHERE d.id IN $ids
RETURN d.id AS id, d.title AS title, d.published AS published, d.source AS source
