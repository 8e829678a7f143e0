// Whether some Article has not been grouped with its near-duplicates yet (`original` is set on
// every article grouping saw; written by an older iikg or a bare write, it is missing).
MATCH (a:Article)
WHERE a.original IS NULL
RETURN a.id AS id
LIMIT 1
