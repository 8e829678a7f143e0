// The articles whose MinHash signatures agree on every value of one band ($start..$end) of the
// LSH index, bucket by bucket, buckets of one left out: the candidate near-duplicates
// (graph/neo4j/sources.py; graph.dedup checks each candidate pair against the threshold).
MATCH (a:Article)
WHERE size(a.minhash) = $num_perm
WITH a.minhash[$start..$end] AS band, collect(a.id) AS ids
WHERE size(ids) > 1
RETURN ids
