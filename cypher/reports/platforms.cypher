// name: platforms
// description: 平台名录：所属企业、开发方、所在地与赋能对象数 / Platform directory: owner, developers, location and number of empowered targets
// param: limit: int = 100 — 最多返回行数 / maximum rows
// mode: read
// columns: platform, aliases, owners, developers, located_in, empowers, mentions
// ask: 平台 名录|列表|清单|所有|全部|目录|有哪些|都有哪些|有什么|哪些 !赋能|排行|排名|最多|跨|提及|提到
// example: 图谱里有哪些工业互联网平台？
MATCH (p:Platform)
RETURN p.name AS platform,
       p.aliases AS aliases,
       [(p)-[:SUBSIDIARY_OF]->(o) | o.name] AS owners,
       [(p)-[:DEVELOPED_BY]->(d) | d.name] AS developers,
       [(p)-[:LOCATED_IN]->(c) | c.name] AS located_in,
       COUNT { (p)-[:EMPOWERS]->() } AS empowers,
       p.mentions AS mentions
ORDER BY empowers DESC, mentions DESC, platform
LIMIT $limit
