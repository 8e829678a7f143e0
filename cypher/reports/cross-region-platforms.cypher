// name: cross-region-platforms
// description: 跨地区平台：赋能、签约、合作或参与的对象分布在多个地区的平台 / Platforms whose empowered, signed, partner or project counterparts lie in several regions
// param: min_regions: int = 2 — 至少涉及的地区数 / minimum number of regions
// param: level: string = 'city' — 地区汇总到的级别：province、city 或 district / roll regions up to this level: province, city or district
// param: limit: int = 50 — 最多返回行数 / maximum rows
// mode: read
// columns: platform, regions, region_names, links
// ask: 跨地区|跨区域|跨省|跨城市|跨市|跨地域|多个地区|多个城市|多个省|多地|异地|全国性
// ask: 跨地区|跨区域|跨省|跨城市|跨市|跨地域|多个地区|多个城市|多个省|多地|异地|全国性 平台|赋能
// example: 哪些平台跨区域赋能？
// Counterparts are grouped by entity, then by city, so each entity's cities and each city's
// region are looked up once, however many platforms reach them.
MATCH (p:Platform)-[:EMPOWERS|SIGNED_WITH|PARTNERS_WITH|PARTICIPATES_IN|LOCATED_IN]-(x)
WITH x, collect(DISTINCT p) AS ps
CALL (x) {
  WITH x WHERE x:City RETURN x AS c
  UNION
  MATCH (x)-[:LOCATED_IN]->(c:City) RETURN c
}
WITH c, collect(ps) AS groups
OPTIONAL MATCH (c)-[:PART_OF*0..2]->(up:City {level: $level})
WITH c, groups, coalesce(min(up.name), c.name) AS region
UNWIND groups AS ps
UNWIND ps AS p
WITH p, region, count(*) AS via
ORDER BY region
WITH p, collect(region) AS region_names, sum(via) AS links
WHERE size(region_names) >= $min_regions
RETURN p.name AS platform, size(region_names) AS regions, region_names, links
ORDER BY regions DESC, links DESC, platform
LIMIT $limit
