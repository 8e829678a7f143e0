// One Evidence node per supporting sentence, linked from its article. The articles were just
// created (a changed article's old node and evidence were deleted first), so CREATE.
// $ingested_at: the time of the ingest; null when upgrading an older graph (the evidence then
// takes its article's time, if the article has one).
// replan=skip: planned once, this statement keeps its plan (seeks on unique keys, whatever
// the counts) while an ingest makes the graph grow; Neo4j would otherwise plan it again
// every few seconds, which cost more than the writes themselves.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
CREATE (a)-[:HAS_EVIDENCE]->(ev:Evidence)
SET ev = row, ev.ingested_at = coalesce($ingested_at, a.ingested_at)
