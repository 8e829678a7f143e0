// Recompute the totals of entities of one label (__LABEL__) from their MENTIONS: mentions,
// first_seen, last_seen and the sorted union of aliases. An entity left with no MENTIONS and no
// relationship is deleted.
// replan=skip: planned once, this statement keeps its plan (seeks on unique keys, whatever
// the counts) while an ingest makes the graph grow; Neo4j would otherwise plan it again
// every few seconds, which cost more than the writes themselves.
CYPHER replan=skip
UNWIND $names AS name
MATCH (e:__LABEL__ {name: name})
CALL (e) {
  OPTIONAL MATCH (a:Article)-[m:MENTIONS]->(e)
  RETURN sum(m.count) AS mentions, min(a.date) AS first, max(a.date) AS last,
         count(m) AS articles, collect(m.aliases) AS lists
}
CALL (e, lists) {
  UNWIND lists AS list
  UNWIND list AS alias
  WITH alias WHERE alias <> e.name
  WITH DISTINCT alias
  ORDER BY alias
  RETURN collect(alias) AS aliases
}
SET e.mentions = mentions, e.first_seen = first, e.last_seen = last, e.aliases = aliases
WITH e, articles
WHERE articles = 0 AND NOT EXISTS { (e)--() }
DELETE e
