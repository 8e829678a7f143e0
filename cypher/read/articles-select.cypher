// The articles `iikg remove` selects: by id or path ($keys: a file, or whatever was read from a
// directory (path + '/'), a JSON Lines file (path + ':') or a JSON list (path + '[')), narrowed
// by $source and by publication date before $before (articles without a date never are).
// $keys null: every article, narrowed by the other two.
MATCH (a:Article)
WHERE ($keys IS NULL OR a.id IN $keys OR a.path IN $keys
       OR any(k IN $keys WHERE a.path STARTS WITH k + '/' OR a.path STARTS WITH k + ':'
                            OR a.path STARTS WITH k + '['))
  AND ($source IS NULL OR a.source = $source)
  AND ($before IS NULL OR a.date < $before)
RETURN a.id AS id, a.title AS title, a.path AS path, a.date AS date, a.source AS source,
       a.ingested_at AS ingested_at, COUNT { (a)-[:HAS_EVIDENCE]->() } AS evidence
ORDER BY path, id
