// name: city-profile
// description: 城市画像：该市及下辖区县的平台、企业、机构、政策、项目和签约 / A city's platforms, companies, agencies, policies, projects and agreements, its districts included
// param: name: string (required) — 城市名称或别名，如 淄博 / city name or alias, e.g. 淄博
// param: limit: int = 500 — 最多返回行数 / maximum rows
// mode: read
// columns: kind, name, place, detail
CALL () {
  MATCH (c:City {name: $name}) RETURN c
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($name, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  WITH node AS c WHERE c:City AND $name IN c.aliases
  RETURN c
}
MATCH (d:City)-[:PART_OF*0..3]->(c)
WITH collect(DISTINCT d) AS area, collect(DISTINCT c) AS cities
CALL (area, cities) {
  UNWIND area AS d
  WITH d WHERE NOT d IN cities
  RETURN 'District' AS kind, d.name AS name, [(d)-[:PART_OF]->(up:City) | up.name][0] AS place,
         coalesce(d.level, '') AS detail
  UNION
  UNWIND area AS d
  MATCH (x:Entity)-[:LOCATED_IN]->(d)
  WHERE x:Platform OR x:Company OR x:Agency OR x:Project
  RETURN [l IN labels(x) WHERE l <> 'Entity'][0] AS kind, x.name AS name, d.name AS place,
         '' AS detail
  UNION
  MATCH (x:Entity)-[:PARTICIPATES_IN]->(proj:Project)
  WHERE x IN area OR EXISTS { MATCH (x)-[:LOCATED_IN]->(y:City) WHERE y IN area }
  RETURN 'Project' AS kind, proj.name AS name, '' AS place, 'with ' + x.name AS detail
  UNION
  MATCH (p:Platform)-[r:EMPOWERS]->(t:Entity)
  WHERE t IN area OR EXISTS { MATCH (t)-[:LOCATED_IN]->(x:City) WHERE x IN area }
  RETURN 'Platform' AS kind, p.name AS name, '' AS place, 'empowers ' + t.name AS detail
  UNION
  MATCH (pol:Policy)-[:ISSUED_BY]->(i:Entity)
  WHERE i IN area OR EXISTS { MATCH (i)-[:LOCATED_IN]->(x:City) WHERE x IN area }
  RETURN 'Policy' AS kind, pol.name AS name, '' AS place, 'issued by ' + i.name AS detail
  UNION
  MATCH (a:Entity)-[r:SIGNED_WITH]->(b:Entity)
  WHERE any(x IN [a, b] WHERE x IN area OR EXISTS { MATCH (x)-[:LOCATED_IN]->(y:City) WHERE y IN area })
  RETURN 'Agreement' AS kind, a.name + ' ↔ ' + b.name AS name, '' AS place,
         coalesce(r.first_seen, '') AS detail
}
RETURN kind, name, place, detail
ORDER BY kind, name, place, detail
LIMIT $limit
