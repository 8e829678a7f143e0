// The entity-to-entity relationships `iikg analyze` works on: both ends as (label, name), the
// type, and the evidence count as a weight. $types: the relationship types of the model.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $types
RETURN [l IN labels(a) WHERE l <> 'Entity'][0] AS head_label, a.name AS head,
       [l IN labels(b) WHERE l <> 'Entity'][0] AS tail_label, b.name AS tail,
       type(r) AS type, coalesce(r.evidence_count, 1) AS weight
