// Delete the evidence of the articles $ids; return the relationships it supported, whose
// totals must then be recomputed (refresh-relationships).
MATCH (a:Article)-[:HAS_EVIDENCE]->(ev:Evidence)
  WHERE a.id IN $ids
WITH ev, ev.rel AS rel, ev.head AS head, ev.tail AS tail
DETACH DELETE ev
RETURN DISTINCT rel, head, tail
