// name: people
// description: 人物及其职务和任职机构，可按机构筛选 / People with their titles and organizations, optionally of one organization
// param: org: string = null — 机构或企业名称或别名 / organization name or alias
// param: limit: int = 200 — 最多返回行数 / maximum rows
// mode: read
// columns: person, title, organization, org_label, evidence_count, first_seen
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
