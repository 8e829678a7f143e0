// One Evidence node per supporting sentence, linked from its article. The articles were just
// created (a changed article's old node and evidence were deleted first), so CREATE. The
// properties are named one by one (graph.batch.EVIDENCE_PROPERTIES; a missing one is null, so
// not stored): a node set from a whole map makes Neo4j buffer every row first (an Eager plan).
// $ingested_at: the time of the ingest; null when upgrading an older graph (the evidence then
// takes its article's time, if the article has one).
// replan=skip: planned once, this statement keeps its plan (seeks on unique keys, whatever
// the counts) while an ingest makes the graph grow; Neo4j would otherwise plan it again
// every few seconds, which cost more than the writes themselves.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
CREATE (a)-[:HAS_EVIDENCE]->(:Evidence {
  rel: row.rel, type: row.type, head: row.head, tail: row.tail, article: row.article,
  sentence: row.sentence, start: row.start, end: row.end, method: row.method,
  confidence: row.confidence, date: row.date, title: row.title,
  ingested_at: coalesce($ingested_at, a.ingested_at)})
