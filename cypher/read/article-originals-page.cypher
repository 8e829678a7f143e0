// A page of articles in id order after $after, with the original each was last linked to
// (graph/neo4j/sources.py walks them page by page: memory does not grow with the corpus).
MATCH (a:Article)
WHERE a.id > $after
RETURN a.id AS id, a.original AS original
ORDER BY a.id
LIMIT $limit
