// name: article-facts
// description: 一篇文章贡献的全部实体和关系 / Everything one article contributed: its entities and relationships
// param: article: string (required) — 文章 id、路径（或路径结尾的文件名）或标题 / article id, path (or file name), or title
// param: limit: int = 1000 — 最多返回行数 / maximum rows
// mode: read
// columns: article, kind, type, head, tail, count, sentence, confidence
MATCH (a:Article)
WHERE a.id = $article OR a.path = $article OR a.title = $article
   OR a.path ENDS WITH '/' + $article
CALL (a) {
  MATCH (a)-[m:MENTIONS]->(e:Entity)
  RETURN 'entity' AS kind, [l IN labels(e) WHERE l <> 'Entity'][0] AS type, e.name AS head,
         null AS tail, m.count AS count, null AS sentence, null AS confidence
  UNION ALL
  // a relationship's evidence from this article joins two entities the article mentions:
  // check the pairs of those (expand-into), never a hub's whole neighbourhood
  MATCH (a)-[:MENTIONS]->(m:Entity)
  WITH a, collect(m) AS mentioned
  UNWIND mentioned AS e
  UNWIND mentioned AS o
  MATCH (e)-[r]->(o)
  WHERE a.id IN r.evidence_article
  UNWIND [i IN range(0, size(r.evidence_article) - 1) WHERE r.evidence_article[i] = a.id] AS i
  RETURN 'relationship' AS kind, type(r) AS type, e.name AS head, o.name AS tail,
         null AS count, r.evidence_sentence[i] AS sentence, r.evidence_confidence[i] AS confidence
}
RETURN a.id AS article, kind, type, head, tail, count, sentence, confidence
ORDER BY article, kind, type, head, tail, sentence
LIMIT $limit
