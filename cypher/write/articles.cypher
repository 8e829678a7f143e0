// Create or replace Article nodes; row.props holds every property, id included; $ingested_at
// is the time of the ingest (UTC, ISO 8601).
// replan=skip: planned once, this statement keeps its plan (seeks on unique keys, whatever
// the counts) while an ingest makes the graph grow; Neo4j would otherwise plan it again
// every few seconds, which cost more than the writes themselves.
CYPHER replan=skip
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a = row.props, a.ingested_at = $ingested_at
