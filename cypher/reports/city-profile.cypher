// name: city-profile
// description: 城市画像：该市及下辖区县的平台、企业、机构、政策、项目和签约 / A city's platforms, companies, agencies, policies, projects and agreements, its districts included
// param: name: string (required) — 城市名称或别名，如 淄博 / city name or alias, e.g. 淄博
// param: kind: string = null — 只列一类：Platform、Company、Agency、Project、Policy、District 或 Agreement / only one kind: Platform, Company, Agency, Project, Policy, District or Agreement
// param: limit: int = 100 — 每类最多返回行数 / maximum rows per kind
// mode: read
// columns: kind, name, place, detail
// ask: {name:City} 有哪些|有什么|有多少|都有|拥有|概况|画像|情况|怎么样|介绍|一览|全貌 {kind:part}? !政策|文件|签约|协议|赋能|排行|排名
// ask: {name:City} 平台|企业|公司|机构|部门|项目|区县|工程|厂商 {kind:part} !政策|文件|签约|协议|赋能|排行|排名
// example: 淄博有哪些工业互联网平台？
// example: 介绍一下淄博的情况
CALL () {
  // include: named(var=c, label=City, value=$name)
}
MATCH (d:City)-[:PART_OF*0..3]->(c)
WITH collect(DISTINCT d) AS area, collect(DISTINCT c) AS cities
CALL (area) {
  UNWIND area AS d
  MATCH (x:Entity)-[:LOCATED_IN]->(d)
  RETURN collect(DISTINCT x) AS located
}
CALL (area, cities, located) {
  UNWIND area AS d
  WITH d WHERE NOT d IN cities
  WITH d ORDER BY d.name LIMIT $limit
  RETURN 'District' AS kind, d.name AS name, [(d)-[:PART_OF]->(up:City) | up.name][0] AS place,
         coalesce(d.level, '') AS detail
  UNION ALL
  UNWIND area AS d
  MATCH (x:Entity)-[:LOCATED_IN]->(d)
  WHERE x:Platform OR x:Company OR x:Agency OR x:Project
  WITH x, d ORDER BY x.mentions DESC, x.name LIMIT $limit
  RETURN [l IN labels(x) WHERE l <> 'Entity'][0] AS kind, x.name AS name, d.name AS place,
         '' AS detail
  UNION ALL
  UNWIND area + located AS x
  MATCH (x)-[:PARTICIPATES_IN]->(proj:Project)
  WITH proj, count(DISTINCT x) AS local
  ORDER BY local DESC, proj.name LIMIT $limit
  RETURN 'Project' AS kind, proj.name AS name, '' AS place,
         toString(local) + ' local participant(s)' AS detail
  UNION ALL
  UNWIND area + located AS t
  MATCH (p:Platform)-[:EMPOWERS]->(t)
  WITH p, count(DISTINCT t) AS local
  ORDER BY local DESC, p.name LIMIT $limit
  RETURN 'Platform' AS kind, p.name AS name, '' AS place,
         'empowers ' + toString(local) + ' here' AS detail
  UNION ALL
  UNWIND area + located AS i
  MATCH (pol:Policy)-[:ISSUED_BY]->(i)
  WITH pol, i ORDER BY pol.first_seen DESC, pol.name, i.name LIMIT $limit
  RETURN 'Policy' AS kind, pol.name AS name, '' AS place, 'issued by ' + i.name AS detail
  UNION ALL
  UNWIND area + located AS x
  MATCH (x)-[r:SIGNED_WITH]-()
  WITH DISTINCT r
  WITH r, startNode(r) AS a, endNode(r) AS b
  ORDER BY r.first_seen DESC, a.name, b.name LIMIT $limit
  RETURN 'Agreement' AS kind, a.name + ' ↔ ' + b.name AS name, '' AS place,
         coalesce(r.first_seen, '') AS detail
}
WITH DISTINCT kind, name, place, detail
WHERE $kind IS NULL OR kind = $kind
RETURN kind, name, place, detail
ORDER BY kind, name, place, detail
