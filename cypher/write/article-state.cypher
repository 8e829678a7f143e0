// For each incoming article: the fingerprint stored under its id (null when new), and the ids
// of other articles ingested before from the same path (older versions of a changed file).
UNWIND $rows AS row
OPTIONAL MATCH (same:Article {id: row.id})
OPTIONAL MATCH (old:Article {path: row.path})
  WHERE old.id <> row.id
RETURN row.id AS id, same.fingerprint AS fingerprint, collect(DISTINCT old.id) AS stale
