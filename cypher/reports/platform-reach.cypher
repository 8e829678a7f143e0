// name: platform-reach
// description: 平台赋能排行：按赋能的企业、城市和项目数量排列平台 / Platforms ranked by how many companies, cities and projects they empower
// param: city: string = null — 只计该城市（含下辖区县）的对象，名称或别名 / count only targets in this city (districts included), name or alias
// param: limit: int = 20 — 最多返回行数 / maximum rows
// mode: read
// columns: platform, targets, companies, cities, projects, evidence, examples
// ask: 平台 赋能|服务|带动 {city:City}? !跨
// ask: 赋能 最多|排行|排名|榜|最广 {city:City}? !跨
// ask: 平台 排行|排名|榜单|影响力|实力|最强 {city:City}? !跨|提及|提到
// example: 哪些平台赋能了淄博的企业？
// example: 赋能企业最多的平台有哪些？
CALL () {
  WITH $city AS q WHERE q IS NOT NULL
  CALL (q) {
    // include: named(var=c, label=City, value=q)
  }
  MATCH (d:City)-[:PART_OF*0..3]->(c)
  RETURN collect(DISTINCT d) AS area
}
CALL (area) {
  // whole graph: the platforms with the most targets, ties at the cut included (the final
  // order breaks them by evidence); targets are counted by degree
  WITH area WHERE $city IS NULL
  MATCH (p:Platform)
  WITH p, COUNT { (p)-[:EMPOWERS]->() } AS degree
  WHERE degree > 0
  ORDER BY degree DESC
  WITH collect(p) AS ps, collect(degree) AS degrees
  UNWIND range(0, size(ps) - 1) AS i
  WITH ps[i] AS p, degrees[i] AS degree, 
       degrees[CASE WHEN $limit < size(ps) THEN $limit ELSE size(ps) END - 1] AS cut
  WHERE $limit > 0 AND degree >= cut
  MATCH (p)-[r:EMPOWERS]->(t)
  RETURN p, r, t
  UNION
  UNWIND area AS d
  CALL (d) {
    RETURN d AS t
    UNION
    MATCH (t)-[:LOCATED_IN]->(d)
    RETURN t
  }
  MATCH (p:Platform)-[r:EMPOWERS]->(t)
  RETURN p, r, t
}
// one read of each target's labels instead of one check per label
WITH p, t, r, labels(t) AS labels
ORDER BY r.evidence_count DESC, t.name
WITH p,
     count(t) AS targets,
     count(CASE WHEN 'Company' IN labels THEN 1 END) AS companies,
     count(CASE WHEN 'City' IN labels THEN 1 END) AS cities,
     count(CASE WHEN 'Project' IN labels THEN 1 END) AS projects,
     sum(r.evidence_count) AS evidence,
     collect(t.name)[..5] AS examples
RETURN p.name AS platform, targets, companies, cities, projects, evidence, examples
ORDER BY targets DESC, evidence DESC, platform
LIMIT $limit
