// name: article-facts
// description: 一篇文章贡献的全部实体和关系 / Everything one article contributed: its entities and relationships
// param: article: string (required) — 文章 id、路径（或路径结尾的文件名）或标题 / article id, path (or file name), or title
// param: limit: int = 1000 — 最多返回行数 / maximum rows
// mode: read
// columns: article, kind, type, head, tail, count, sentence, confidence
// ask: 文章|报道|新闻|稿件|这篇 {article:quoted} 实体|关系|事实|内容|抽取|提取|贡献|提到|包含
// example: 文章《淄博窑炉数字化》里抽取了哪些实体和关系？
CALL () {
  // each way of naming the article through its own index; the file-name suffix is a scan
  MATCH (a:Article {id: $article}) RETURN a
  UNION
  MATCH (a:Article {path: $article}) RETURN a
  UNION
  MATCH (a:Article {title: $article}) RETURN a
  UNION
  MATCH (a:Article) WHERE a.path ENDS WITH '/' + $article RETURN a
}
CALL (a) {
  MATCH (a)-[m:MENTIONS]->(e:Entity)
  RETURN 'entity' AS kind, [l IN labels(e) WHERE l <> 'Entity'][0] AS type, e.name AS head,
         null AS tail, m.count AS count, null AS sentence, null AS confidence
  UNION ALL
  // one row per evidence sentence the article contributed
  MATCH (a)-[:HAS_EVIDENCE]->(ev:Evidence)
  RETURN 'relationship' AS kind, ev.type AS type, ev.head AS head, ev.tail AS tail,
         null AS count, ev.sentence AS sentence, ev.confidence AS confidence
}
RETURN a.id AS article, kind, type, head, tail, count, sentence, confidence
ORDER BY article, kind, type, head, tail, sentence
LIMIT $limit
