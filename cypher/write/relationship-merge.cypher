// Relationships of one type between two labels (__TYPE__, __HEAD__, __TAIL__, all from the
// whitelists of graph/model.py), both ends found through their uniqueness indexes, with the
// totals of this batch's evidence (graph.batch.relation_totals). A new relationship takes them;
// an existing one adds the count and widens dates and confidence. Sums, minima and maxima do
// not depend on the order articles arrive in. The evidence itself is written as nodes
// (evidence-create). New evidence makes `sources` to be counted again (sources-count).
// replan=skip: planned once, this statement keeps its plan (seeks on unique keys, whatever
// the counts) while an ingest makes the graph grow; Neo4j would otherwise plan it again
// every few seconds, which cost more than the writes themselves.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (h:__HEAD__ {name: row.head})
MATCH (t:__TAIL__ {name: row.tail})
MERGE (h)-[r:__TYPE__]->(t)
  ON CREATE SET r.key = row.key, r.evidence_count = row.count, r.first_seen = row.first_seen,
    r.last_seen = row.last_seen, r.confidence = row.confidence
  ON MATCH SET r.evidence_count = r.evidence_count + row.count,
    r.first_seen = CASE WHEN r.first_seen IS NULL OR row.first_seen < r.first_seen
                        THEN coalesce(row.first_seen, r.first_seen) ELSE r.first_seen END,
    r.last_seen = CASE WHEN r.last_seen IS NULL OR row.last_seen > r.last_seen
                       THEN coalesce(row.last_seen, r.last_seen) ELSE r.last_seen END,
    r.confidence = CASE WHEN row.confidence > r.confidence
                        THEN row.confidence ELSE r.confidence END,
    r.sources = null
