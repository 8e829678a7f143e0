// name: timeline
// description: 某实体的时间线：按证据日期排列的相关事实 / An entity's timeline: its relationships in the order of their evidence dates
// param: name: string (required) — 实体名称或别名 / entity name or alias
// param: since: date = null — 不早于 / on or after
// param: until: date = null — 不晚于 / on or before
// param: min_sources: int = 0 — 至少由几个独立来源报道（近似重复的文章只算一次） / reported by at least this many independent outlets (near-duplicate articles count once)
// param: limit: int = 200 — 最多返回行数 / maximum rows
// mode: read
// columns: date, type, head, tail, title, sentence
// ask: {name:Entity} 时间线|时间轴|动态|历程|大事记|进展|脉络|来龙去脉|按时间|最新消息|近况
// ask: {name:Entity} 证据|依据|原文|出处|原句|哪些句子|来源|报道|新闻
// example: 卡奥斯的时间线
// example: 关于卡奥斯有哪些原文证据？
CALL () {
  // include: named(var=e, label=Entity, value=$name)
}
// typed relationships only: a hub's MENTIONS are never expanded
MATCH (e)-[r:EMPOWERS|SIGNED_WITH|ISSUED_BY|DEVELOPED_BY|PARTNERS_WITH|LOCATED_IN|PART_OF|SUBSIDIARY_OF|PARTICIPATES_IN|WORKS_FOR]-(:Entity)
WITH DISTINCT r
// a relationship whose dated evidence all lies outside the bounds has no sentence to show
WHERE ($since IS NULL OR r.last_seen >= $since)
  AND ($until IS NULL OR left(r.first_seen, size($until)) <= $until)
  AND coalesce(r.sources, 0) >= $min_sources
MATCH (ev:Evidence {rel: r.key})
WHERE ($since IS NULL OR ev.date >= $since)
  AND ($until IS NULL OR left(ev.date, size($until)) <= $until)
WITH r, ev
ORDER BY coalesce(ev.date, ''), type(r), startNode(r).name, endNode(r).name, ev.article,
         ev.start, ev.end, ev.method
LIMIT $limit
OPTIONAL MATCH (a:Article)-[:HAS_EVIDENCE]->(ev)
RETURN ev.date AS date,
       type(r) AS type,
       startNode(r).name AS head,
       endNode(r).name AS tail,
       a.title AS title,
       ev.sentence AS sentence
ORDER BY coalesce(date, ''), type, head, tail, ev.article, ev.start, ev.end, ev.method
