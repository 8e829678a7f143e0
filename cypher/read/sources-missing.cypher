// The keys of entity relationships whose `sources` is not counted yet (new, or their evidence
// changed since: relationship-merge and refresh-relationships remove it).
MATCH ()-[r]->()
WHERE r.key IS NOT NULL AND r.sources IS NULL
RETURN r.key AS key
