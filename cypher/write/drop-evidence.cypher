// Delete the evidence of the articles $ids; return the relationships it supported, with their
// type and end labels, whose totals must then be recomputed (refresh-relationships).
MATCH (a:Article)-[:HAS_EVIDENCE]->(ev:Evidence)
  WHERE a.id IN $ids
WITH collect(ev) AS gone, collect(DISTINCT {rel: ev.rel, head: ev.head, tail: ev.tail}) AS rels
FOREACH (ev IN gone | DETACH DELETE ev)
WITH rels
UNWIND rels AS x
MATCH (h:Entity {name: x.head})-[r]->(t:Entity {name: x.tail})
  WHERE r.key = x.rel
RETURN type(r) AS type,
       [l IN labels(h) WHERE l <> 'Entity'][0] AS head_label,
       [l IN labels(t) WHERE l <> 'Entity'][0] AS tail_label,
       x.head AS head, x.tail AS tail
