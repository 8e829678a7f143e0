// Up to $limit relationships of one type (__TYPE__) still holding their evidence as the
// parallel evidence_* lists of an older iikg, with their ends (graph.store.upgrade_storage).
MATCH (h:Entity)-[r:__TYPE__]->(t:Entity)
  WHERE r.evidence_article IS NOT NULL
WITH h, r, t LIMIT $limit
RETURN elementId(r) AS id, [l IN labels(h) WHERE l <> 'Entity'][0] AS head_label,
       h.name AS head, [l IN labels(t) WHERE l <> 'Entity'][0] AS tail_label, t.name AS tail,
       properties(r) AS props
