// Count each relationship's independent sources: the distinct outlets of the articles behind
// its evidence, a near-duplicate counted as its original (one story syndicated to several
// outlets counts once); an article without a known outlet counts as an outlet of its own.
// `evidence_count` is left as it is.
UNWIND $keys AS key
MATCH (ev:Evidence {rel: key})
WITH key, collect(DISTINCT ev.article) AS ids, head(collect(ev)) AS one
MATCH (h:Entity {name: one.head})-[r]->(t:Entity {name: one.tail})
  WHERE r.key = key
CALL (ids) {
  UNWIND ids AS id
  MATCH (a:Article {id: id})
  OPTIONAL MATCH (a)-[:DUPLICATE_OF]->(o:Article)
  WITH coalesce(o, a) AS first
  RETURN count(DISTINCT coalesce(first.outlet, 'article:' + first.id)) AS sources
}
WITH r, sources
WHERE r.sources IS NULL OR r.sources <> sources
SET r.sources = sources
