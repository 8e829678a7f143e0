// name: platforms
// description: 平台名录：所属企业、开发方、所在地与赋能对象数 / Platform directory: owner, developers, location and number of empowered targets
// param: limit: int = 100 — 最多返回行数 / maximum rows
// mode: read
// columns: platform, aliases, owners, developers, located_in, empowers, mentions
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
