// Create or replace Article nodes; row.props holds every property, id included; $ingested_at
// is the time of the ingest (UTC, ISO 8601).
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a = row.props, a.ingested_at = $ingested_at
