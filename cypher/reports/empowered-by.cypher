// name: empowered-by
// description: 某平台赋能的对象及证据 / What a platform empowers, with the evidence
// param: name: string (required) — 平台名称或别名 / platform name or alias
// param: min_sources: int = 0 — 至少由几个独立来源报道（近似重复的文章只算一次） / reported by at least this many independent outlets (near-duplicate articles count once)
// param: limit: int = 100 — 最多返回行数 / maximum rows
// mode: read
// columns: platform, target, target_label, evidence_count, sources, first_seen, last_seen, confidence, sentence
// ask: {name:Platform} 赋能|服务了|服务过|服务于|帮助|支撑|带动|助力|改造 !排行|排名|最多|跨
// example: 卡奥斯赋能了哪些企业？
CALL () {
  // include: named(var=e, label=Entity, value=$name)
}
MATCH (e)-[r:EMPOWERS]->(t:Entity)
WHERE coalesce(r.sources, 0) >= $min_sources
WITH e, r, t
ORDER BY r.evidence_count DESC, t.name
LIMIT $limit
RETURN e.name AS platform,
       t.name AS target,
       [l IN labels(t) WHERE l <> 'Entity'][0] AS target_label,
       r.evidence_count AS evidence_count,
       r.sources AS sources,
       r.first_seen AS first_seen,
       r.last_seen AS last_seen,
       r.confidence AS confidence,
       // the first sentence in the stable evidence order
       COLLECT { MATCH (ev:Evidence {rel: r.key})
                 WITH ev ORDER BY coalesce(ev.date, ''), ev.article, ev.start, ev.end, ev.method
                 LIMIT 1
                 RETURN ev.sentence }[0] AS sentence
ORDER BY evidence_count DESC, target
