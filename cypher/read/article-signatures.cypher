// Every article's MinHash signature, date and the original it was last linked to
// (graph/neo4j/sources.py: near-duplicates are found in Python).
MATCH (a:Article)
RETURN a.id AS id, a.date AS date, a.minhash AS minhash, a.original AS original
