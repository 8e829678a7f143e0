// name: agreements
// description: 签约关系（SIGNED_WITH），可按一方、城市和日期筛选 / Who signed with whom (SIGNED_WITH), optionally by party, city and date
// param: party: string = null — 一方的名称或别名 / one of the parties, name or alias
// param: city: string = null — 至少一方位于该城市（含下辖区县） / at least one party in this city (districts included)
// param: since: date = null — 证据日期不早于 / evidence dated on or after
// param: until: date = null — 证据日期不晚于 / evidence dated on or before
// param: min_sources: int = 0 — 至少由几个独立来源报道（近似重复的文章只算一次） / reported by at least this many independent outlets (near-duplicate articles count once)
// param: limit: int = 100 — 最多返回行数 / maximum rows
// mode: read
// columns: party_a, label_a, party_b, label_b, evidence_count, sources, first_seen, last_seen, sentence
// ask: 签约|签署|签订|签了|签下|协议|签约方|签约了 {party:Entity}? {city:City}?
// example: 2022年以来淄博有哪些签约？
// example: 卡奥斯和谁签了合作协议？
CALL () {
  WITH $party AS q WHERE q IS NOT NULL
  CALL (q) {
    // include: named(var=p, label=Entity, value=q)
  }
  RETURN collect(p) AS parties
}
CALL () {
  WITH $city AS q WHERE q IS NOT NULL
  CALL (q) {
    // include: named(var=c, label=City, value=q)
  }
  MATCH (d:City)-[:PART_OF*0..3]->(c)
  RETURN collect(DISTINCT d) AS area
}
CALL (area) {
  WITH area WHERE $city IS NULL
  // typed relationships join entities only: no label checks on their ends
  MATCH ()-[r:SIGNED_WITH]->()
  RETURN r
  UNION
  UNWIND area AS d
  CALL (d) {
    RETURN d AS x
    UNION
    MATCH (x:Entity)-[:LOCATED_IN]->(d)
    RETURN x
  }
  MATCH (x)-[r:SIGNED_WITH]-()
  RETURN r
}
WITH r, parties
// first_seen and last_seen are the earliest and latest evidence dates, so one bound is decided
// on the relationship; with both, some single sentence must lie between them
WHERE ($party IS NULL OR startNode(r) IN parties OR endNode(r) IN parties)
  AND ($since IS NULL OR r.last_seen >= $since)
  AND ($until IS NULL OR left(r.first_seen, size($until)) <= $until)
  AND coalesce(r.sources, 0) >= $min_sources
  AND ($since IS NULL OR $until IS NULL
       OR EXISTS { MATCH (ev:Evidence {rel: r.key})
                   WHERE ev.date >= $since AND left(ev.date, size($until)) <= $until })
WITH r, startNode(r) AS a, endNode(r) AS b
ORDER BY r.first_seen DESC, a.name, b.name
LIMIT $limit
RETURN a.name AS party_a,
       [l IN labels(a) WHERE l <> 'Entity'][0] AS label_a,
       b.name AS party_b,
       [l IN labels(b) WHERE l <> 'Entity'][0] AS label_b,
       r.evidence_count AS evidence_count,
       r.sources AS sources,
       r.first_seen AS first_seen,
       r.last_seen AS last_seen,
       // the first sentence in the stable evidence order
       COLLECT { MATCH (ev:Evidence {rel: r.key})
                 WITH ev ORDER BY coalesce(ev.date, ''), ev.article, ev.start, ev.end, ev.method
                 LIMIT 1
                 RETURN ev.sentence }[0] AS sentence
ORDER BY first_seen DESC, party_a, party_b
