// Link articles to their original (row.original; the article itself when it is no duplicate):
// the old DUPLICATE_OF link is replaced, `original` records the decision. Only articles whose
// original changed (or that never had one) are sent, so a second run writes nothing.
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
OPTIONAL MATCH (a)-[old:DUPLICATE_OF]->(:Article)
DELETE old
WITH DISTINCT a, row
SET a.original = row.original
WITH a, row
WHERE row.original <> row.id
MATCH (o:Article {id: row.original})
CREATE (a)-[:DUPLICATE_OF {similarity: row.similarity}]->(o)
