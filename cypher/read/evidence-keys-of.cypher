// The keys of the relationships that articles $ids give evidence for.
UNWIND $ids AS id
MATCH (:Article {id: id})-[:HAS_EVIDENCE]->(ev:Evidence)
RETURN DISTINCT ev.rel AS key
