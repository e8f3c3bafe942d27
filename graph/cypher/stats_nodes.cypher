// Node counts per label (Entity is the common label of the six types and is not counted).
MATCH (n)
UNWIND labels(n) AS label
WITH label WHERE label <> 'Entity'
RETURN label, count(*) AS count
