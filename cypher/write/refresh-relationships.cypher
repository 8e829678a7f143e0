// Recompute the totals of relationships of one type between two labels (__TYPE__, __HEAD__,
// __TAIL__, whitelisted) from their Evidence nodes: after evidence was deleted, and for
// WORKS_FOR, whose title is the one of its latest evidence. A relationship left without
// evidence is deleted. Its `sources` is counted again afterwards (sources-count).
// replan=skip: planned once, this statement keeps its plan (seeks on unique keys, whatever
// the counts) while an ingest makes the graph grow; Neo4j would otherwise plan it again
// every few seconds, which cost more than the writes themselves.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (h:__HEAD__ {name: row.head})-[r:__TYPE__]->(t:__TAIL__ {name: row.tail})
CALL (r) {
  OPTIONAL MATCH (ev:Evidence {rel: r.key})
  WITH ev ORDER BY coalesce(ev.date, ''), ev.article, ev.start, ev.end, ev.method
  RETURN count(ev) AS count, min(ev.date) AS first, max(ev.date) AS last,
         max(ev.confidence) AS confidence, [x IN collect(ev.title) WHERE x <> ''] AS titles
}
SET r.evidence_count = count, r.first_seen = first, r.last_seen = last,
    r.confidence = confidence,
    r.title = CASE WHEN size(titles) > 0 THEN titles[-1] END,
    r.sources = null
WITH r, count
WHERE count = 0
DELETE r
