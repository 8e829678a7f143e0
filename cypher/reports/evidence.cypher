// name: evidence
// description: 某条关系背后的原文句子 / The sentences behind a relationship between two entities
// param: head: string (required) — 一端实体名称或别名 / one end, name or alias
// param: tail: string (required) — 另一端实体名称或别名 / other end, name or alias
// param: type: reltype = null — 关系类型，如 SIGNED_WITH / relationship type, e.g. SIGNED_WITH
// param: limit: int = 200 — 最多返回行数 / maximum rows
// mode: read
// columns: type, head, tail, date, article, title, sentence, method, confidence
CALL () {
  MATCH (e:Entity {name: $head}) RETURN e AS h
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($head, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  WITH node AS e WHERE $head IN e.aliases
  RETURN e AS h
}
CALL () {
  MATCH (e:Entity {name: $tail}) RETURN e AS t
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($tail, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  WITH node AS e WHERE $tail IN e.aliases
  RETURN e AS t
}
MATCH (h)-[r]-(t)
WHERE type(r) <> 'MENTIONS' AND ($type IS NULL OR type(r) = $type)
UNWIND range(0, size(r.evidence_article) - 1) AS i
OPTIONAL MATCH (a:Article {id: r.evidence_article[i]})
RETURN type(r) AS type,
       startNode(r).name AS head,
       endNode(r).name AS tail,
       r.evidence_date[i] AS date,
       r.evidence_article[i] AS article,
       a.title AS title,
       r.evidence_sentence[i] AS sentence,
       r.evidence_method[i] AS method,
       r.evidence_confidence[i] AS confidence
ORDER BY type, head, tail, date, article, sentence
LIMIT $limit
