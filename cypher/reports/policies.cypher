// name: policies
// description: 政策文件及其发布机构，可按发布机构、城市和日期筛选 / Policies and who issued them, optionally by issuer, city and date
// param: issuer: string = null — 发布机构名称或别名，如 淄博市工信局 / issuer name or alias
// param: city: string = null — 发布机构所在城市（含下辖区县） / issuer's city (districts included)
// param: since: date = null — 首次出现不早于 / first seen on or after
// param: until: date = null — 首次出现不晚于 / first seen on or before
// param: limit: int = 100 — 最多返回行数 / maximum rows
// mode: read
// columns: policy, issuers, first_seen, last_seen, mentions
// ask: 政策|文件|规划|方案|行动计划|实施意见|通知|措施|办法 {issuer:Agency|Organization|Company}? {city:City}?
// ask: 发布|印发|出台|制定|发文|颁布 {issuer:Agency|Organization}
// example: 淄博市工信局发布了哪些政策？
// example: 2022年以来淄博出台了哪些政策文件？
CALL () {
  WITH $issuer AS q WHERE q IS NOT NULL
  CALL (q) {
    // include: named(var=e, label=Entity, value=q)
  }
  RETURN collect(e) AS wanted
}
CALL () {
  WITH $city AS q WHERE q IS NOT NULL
  CALL (q) {
    // include: named(var=c, label=City, value=q)
  }
  MATCH (d:City)-[:PART_OF*0..3]->(c)
  RETURN collect(DISTINCT d) AS area
}
CALL (wanted, area) {
  // no issuer or city to check: the final order and limit can be applied before the issuers
  // are looked up
  WITH wanted WHERE $issuer IS NULL AND $city IS NULL
  MATCH (p:Policy)
  WHERE ($since IS NULL OR p.first_seen >= $since)
    AND ($until IS NULL OR left(p.first_seen, size($until)) <= $until)
  WITH p ORDER BY p.first_seen DESC, p.name LIMIT $limit
  RETURN p
  UNION
  UNWIND wanted AS i
  MATCH (p:Policy)-[:ISSUED_BY]->(i)
  RETURN p
  UNION
  UNWIND area AS d
  CALL (d) {
    RETURN d AS i
    UNION
    MATCH (i:Entity)-[:LOCATED_IN]->(d)
    RETURN i
  }
  MATCH (p:Policy)-[:ISSUED_BY]->(i)
  RETURN p
}
WITH p, wanted, area
WHERE ($since IS NULL OR p.first_seen >= $since)
  AND ($until IS NULL OR left(p.first_seen, size($until)) <= $until)
OPTIONAL MATCH (p)-[:ISSUED_BY]->(i:Entity)
WITH p, wanted, area, i
ORDER BY i.name
WITH p, wanted, area, collect(i) AS issuers
WHERE ($issuer IS NULL OR any(i IN issuers WHERE i IN wanted))
  AND ($city IS NULL
       OR any(i IN issuers WHERE i IN area
              OR EXISTS { MATCH (i)-[:LOCATED_IN]->(y:City) WHERE y IN area }))
RETURN p.name AS policy,
       [i IN issuers | i.name] AS issuers,
       p.first_seen AS first_seen,
       p.last_seen AS last_seen,
       p.mentions AS mentions
ORDER BY first_seen DESC, policy
LIMIT $limit
