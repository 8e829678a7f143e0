// name: cross-region-platforms
// description: 跨地区平台：赋能、签约、合作或参与的对象分布在多个地区的平台 / Platforms whose empowered, signed, partner or project counterparts lie in several regions
// param: min_regions: int = 2 — 至少涉及的地区数 / minimum number of regions
// param: level: string = 'city' — 地区汇总到的级别：province、city 或 district / roll regions up to this level: province, city or district
// param: limit: int = 50 — 最多返回行数 / maximum rows
// mode: read
// columns: platform, regions, region_names, links
MATCH (p:Platform)-[:EMPOWERS|SIGNED_WITH|PARTNERS_WITH|PARTICIPATES_IN|LOCATED_IN]-(x:Entity)
WITH DISTINCT p, x
CALL (x) {
  WITH x WHERE x:City
  RETURN x AS place
  UNION
  MATCH (x)-[:LOCATED_IN]->(place:City)
  RETURN place
}
CALL (place) {
  OPTIONAL MATCH (place)-[:PART_OF*0..2]->(up:City {level: $level})
  WITH place, up ORDER BY up.name
  WITH place, collect(up) AS ups
  RETURN coalesce(ups[0], place) AS region
}
WITH p, region, count(DISTINCT x) AS via
ORDER BY region.name
WITH p, collect(region.name) AS region_names, sum(via) AS links
WHERE size(region_names) >= $min_regions
RETURN p.name AS platform, size(region_names) AS regions, region_names, links
ORDER BY regions DESC, links DESC, platform
LIMIT $limit
