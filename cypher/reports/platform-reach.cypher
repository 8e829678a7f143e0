// name: platform-reach
// description: 平台赋能排行：按赋能的企业、城市和项目数量排列平台 / Platforms ranked by how many companies, cities and projects they empower
// param: city: string = null — 只计该城市（含下辖区县）的对象，名称或别名 / count only targets in this city (districts included), name or alias
// param: limit: int = 20 — 最多返回行数 / maximum rows
// mode: read
// columns: platform, targets, companies, cities, projects, evidence, examples
CALL () {
  WITH $city AS q WHERE q IS NOT NULL
  CALL (q) {
    MATCH (c:City {name: q}) RETURN c
    UNION
    CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace(q, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
    WITH node AS c WHERE c:City AND q IN c.aliases
    RETURN c
  }
  MATCH (d:City)-[:PART_OF*0..3]->(c)
  RETURN collect(DISTINCT d) AS area
}
CALL (area) {
  WITH area WHERE $city IS NULL
  MATCH (p:Platform)
  WITH p, COUNT { (p)-[:EMPOWERS]->() } AS degree
  WHERE degree > 0
  ORDER BY degree DESC, p.name
  LIMIT $limit
  MATCH (p)-[r:EMPOWERS]->(t:Entity)
  RETURN p, r, t
  UNION
  UNWIND area AS d
  CALL (d) {
    RETURN d AS t
    UNION
    MATCH (t:Entity)-[:LOCATED_IN]->(d)
    RETURN t
  }
  MATCH (p:Platform)-[r:EMPOWERS]->(t)
  RETURN p, r, t
}
WITH p, t, r
ORDER BY r.evidence_count DESC, t.name
WITH p,
     count(t) AS targets,
     count(CASE WHEN t:Company THEN 1 END) AS companies,
     count(CASE WHEN t:City THEN 1 END) AS cities,
     count(CASE WHEN t:Project THEN 1 END) AS projects,
     sum(r.evidence_count) AS evidence,
     collect(t.name)[..5] AS examples
RETURN p.name AS platform, targets, companies, cities, projects, evidence, examples
ORDER BY targets DESC, evidence DESC, platform
LIMIT $limit
