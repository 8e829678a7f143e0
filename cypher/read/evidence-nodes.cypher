// The Evidence nodes of the relationships with these $keys, with their articles and
// HAS_EVIDENCE (an export that asks for Evidence with --labels or --types).
UNWIND $keys AS key
MATCH (a:Article)-[h:HAS_EVIDENCE]->(ev:Evidence {rel: key})
RETURN a, h, ev
