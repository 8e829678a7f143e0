// Forget the counted `sources` of the relationships that articles $ids give evidence for (their
// near-duplicate links changed): read/sources-missing then finds them, each counted once.
UNWIND $ids AS id
MATCH (:Article {id: id})-[:HAS_EVIDENCE]->(ev:Evidence)
WITH ev.rel AS key, head(collect(ev)) AS one
MATCH (:Entity {name: one.head})-[r]->(:Entity {name: one.tail})
  WHERE r.key = key AND r.sources IS NOT NULL
REMOVE r.sources
