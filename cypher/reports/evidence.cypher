// name: evidence
// description: 某条关系背后的原文句子 / The sentences behind a relationship between two entities
// param: head: string (required) — 一端实体名称或别名 / one end, name or alias
// param: tail: string (required) — 另一端实体名称或别名 / other end, name or alias
// param: type: reltype = null — 关系类型，如 SIGNED_WITH / relationship type, e.g. SIGNED_WITH
// param: limit: int = 200 — 最多返回行数 / maximum rows
// mode: read
// columns: type, head, tail, date, article, title, sentence, method, confidence
// ask: {head:Entity} {tail:Entity} 证据|依据|原文|出处|原句|来源|哪篇|报道|句子|根据 {type:reltype}?
// example: 卡奥斯和华光国瓷签约的证据是什么？
CALL () {
  // include: named(var=h, label=Entity, value=$head)
}
CALL () {
  // include: named(var=t, label=Entity, value=$tail)
}
MATCH (h)-[r]-(t)
WHERE type(r) <> 'MENTIONS' AND ($type IS NULL OR type(r) = $type)
// each sentence is an Evidence node found through the relationship's key (index evidence_rel)
MATCH (ev:Evidence {rel: r.key})
WITH r, ev
ORDER BY type(r), startNode(r).name, endNode(r).name, coalesce(ev.date, ''), ev.article,
         ev.start, ev.end, ev.method
LIMIT $limit
OPTIONAL MATCH (a:Article)-[:HAS_EVIDENCE]->(ev)
RETURN type(r) AS type,
       startNode(r).name AS head,
       endNode(r).name AS tail,
       ev.date AS date,
       ev.article AS article,
       a.title AS title,
       ev.sentence AS sentence,
       ev.method AS method,
       ev.confidence AS confidence
ORDER BY type, head, tail, coalesce(date, ''), article, ev.start, ev.end, method
