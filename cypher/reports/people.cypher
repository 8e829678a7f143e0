// name: people
// description: 人物及其职务和任职机构，可按机构筛选 / People with their titles and organizations, optionally of one organization
// param: org: string = null — 机构或企业名称或别名 / organization name or alias
// param: limit: int = 200 — 最多返回行数 / maximum rows
// mode: read
// columns: person, title, organization, org_label, evidence_count, first_seen
// ask: {org:Company|Agency|Organization|Platform|City} 哪些人|人物|领导|高管|负责人|董事长|总裁|总经理|局长|书记|市长|主任|ceo|任职|担任|职务|管理层|团队|员工
// ask: 人物|哪些人|人员|谁 职务|任职|担任|头衔|职位|工作单位|在哪
// example: 海尔集团有哪些高管？
// example: 谁在淄博市工信局任职？
CALL () {
  WITH $org AS q WHERE q IS NOT NULL
  CALL (q) {
    // include: named(var=e, label=Entity, value=q)
  }
  RETURN collect(e) AS wanted
}
// with an organization, start from it instead of from every person (the two branches never
// both run)
CALL (wanted) {
  WITH wanted WHERE $org IS NULL
  MATCH (p:Person)
  OPTIONAL MATCH (p)-[r:WORKS_FOR]->(o:Entity)
  RETURN p, r, o
  UNION ALL
  UNWIND wanted AS o
  MATCH (p:Person)-[r:WORKS_FOR]->(o)
  RETURN p, r, o
}
RETURN p.name AS person,
       r.title AS title,
       o.name AS organization,
       [l IN labels(o) WHERE l <> 'Entity'][0] AS org_label,
       r.evidence_count AS evidence_count,
       coalesce(r.first_seen, p.first_seen) AS first_seen
ORDER BY organization, person, title
LIMIT $limit
