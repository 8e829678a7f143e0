// name: timeline
// description: 某实体的时间线：按证据日期排列的相关事实 / An entity's timeline: its relationships in the order of their evidence dates
// param: name: string (required) — 实体名称或别名 / entity name or alias
// param: since: date = null — 不早于 / on or after
// param: until: date = null — 不晚于 / on or before
// param: limit: int = 200 — 最多返回行数 / maximum rows
// mode: read
// columns: date, type, head, tail, title, sentence
CALL () {
  MATCH (e:Entity {name: $name}) RETURN e
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($name, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  WITH node AS e WHERE $name IN e.aliases
  RETURN e
}
MATCH (e)-[r]-(:Entity)
UNWIND range(0, size(r.evidence_article) - 1) AS i
WITH r, i, r.evidence_date[i] AS date
WHERE ($since IS NULL OR date >= $since)
  AND ($until IS NULL OR left(date, size($until)) <= $until)
WITH DISTINCT r, i, date
ORDER BY date, type(r), startNode(r).name, endNode(r).name, i
LIMIT $limit
OPTIONAL MATCH (a:Article {id: r.evidence_article[i]})
RETURN date,
       type(r) AS type,
       startNode(r).name AS head,
       endNode(r).name AS tail,
       a.title AS title,
       r.evidence_sentence[i] AS sentence
ORDER BY date, type, head, tail, sentence
