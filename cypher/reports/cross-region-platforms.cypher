// name: cross-region-platforms
// description: 跨地区平台：赋能、签约、合作或参与的对象分布在多个地区的平台 / Platforms whose empowered, signed, partner or project counterparts lie in several regions
// param: min_regions: int = 2 — 至少涉及的地区数 / minimum number of regions
// param: level: string = 'city' — 地区汇总到的级别：province、city 或 district / roll regions up to this level: province, city or district
// param: limit: int = 50 — 最多返回行数 / maximum rows
// mode: read
// columns: platform, regions, region_names, links
// Each counterpart's cities are looked up once, not once per platform that reaches it.
MATCH (p:Platform)-[:EMPOWERS|SIGNED_WITH|PARTNERS_WITH|PARTICIPATES_IN|LOCATED_IN]-(x:Entity)
WITH DISTINCT p, x
WITH x, collect(p) AS ps
OPTIONAL MATCH (x)-[:LOCATED_IN]->(lc:City)
WITH x, ps, CASE WHEN x:City THEN [x] ELSE [] END AS own, collect(DISTINCT lc) AS located
UNWIND own + [y IN located WHERE NOT y IN own] AS c
UNWIND ps AS p
WITH c, p, count(x) AS via
WITH c, collect({platform: p, via: via}) AS users
OPTIONAL MATCH (c)-[:PART_OF*0..2]->(up:City {level: $level})
WITH c, users, up
ORDER BY up.name
WITH c, users, coalesce(collect(up)[0], c) AS region
UNWIND users AS u
WITH u.platform AS p, region, sum(u.via) AS via
ORDER BY region.name
WITH p, collect(region.name) AS region_names, sum(via) AS links
WHERE size(region_names) >= $min_regions
RETURN p.name AS platform, size(region_names) AS regions, region_names, links
ORDER BY regions DESC, links DESC, platform
LIMIT $limit
