// The MinHash signature and date of articles $ids (the candidate near-duplicates).
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.date AS date, a.minhash AS minhash
