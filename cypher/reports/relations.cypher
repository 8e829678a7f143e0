// name: relations
// description: 实体的全部关系（可按类型筛选），每条附一句证据 / An entity's relationships, optionally of one type, each with one evidence sentence
// param: name: string (required) — 实体名称或别名 / entity name or alias
// param: type: reltype = null — 关系类型，如 WORKS_FOR、ISSUED_BY / relationship type, e.g. WORKS_FOR, ISSUED_BY
// param: limit: int = 100 — 最多返回行数 / maximum rows
// mode: read
// columns: entity, type, direction, other, other_label, evidence_count, first_seen, last_seen, title, sentence
// ask: {name:Policy} 谁|哪个|哪家|哪些|什么|机构|部门|单位|出自 发布|印发|出台|制定|发文 type=ISSUED_BY
// ask: {name:Policy} 发布机构|发文机关|发文单位|发布单位|出处 type=ISSUED_BY
// ask: {name:Person} 任职|工作|担任|职务|职位|头衔|身份|在哪|供职|就职|是谁|干什么 type=WORKS_FOR
// ask: {name:Platform} 谁|哪家|哪个|哪些 开发|研发|打造|搭建|建设|运营|推出 type=DEVELOPED_BY
// ask: {name:Company|Platform|Organization} 子公司|旗下|母公司|隶属|属于|所属|归属 type=SUBSIDIARY_OF
// ask: {name:Company|Platform|Agency|Organization|City} 合作伙伴|和谁合作|与谁合作|跟谁合作|合作方|伙伴|携手 type=PARTNERS_WITH
// ask: {name:Company|Platform|Agency|Organization|Person} 参与|参加 项目 type=PARTICIPATES_IN
// ask: {name:Company|City|Project|Organization|Agency} 赋能|赋予 type=EMPOWERS
// ask: {name:Entity} 所有关系|全部关系|哪些关系|什么关系|关系列表|各种关系|关系有哪些 {type:reltype}?
// example: 《2022年淄博市窑炉数字化提升行动计划》是哪个部门发布的？
// example: 周云杰在哪里任职？
// example: 卡奥斯的合作伙伴有哪些？
CALL () {
  // include: named(var=e, label=Entity, value=$name)
}
MATCH (e)-[r:EMPOWERS|SIGNED_WITH|ISSUED_BY|DEVELOPED_BY|PARTNERS_WITH|LOCATED_IN|PART_OF|SUBSIDIARY_OF|PARTICIPATES_IN|WORKS_FOR]-(o:Entity)
WHERE $type IS NULL OR type(r) = $type
WITH e, r, o
ORDER BY type(r), r.evidence_count DESC, o.name
LIMIT $limit
RETURN e.name AS entity,
       type(r) AS type,
       CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
       o.name AS other,
       [l IN labels(o) WHERE l <> 'Entity'][0] AS other_label,
       r.evidence_count AS evidence_count,
       r.first_seen AS first_seen,
       r.last_seen AS last_seen,
       r.title AS title,
       // the first sentence in the stable evidence order
       COLLECT { MATCH (ev:Evidence {rel: r.key})
                 WITH ev ORDER BY coalesce(ev.date, ''), ev.article, ev.start, ev.end, ev.method
                 LIMIT 1
                 RETURN ev.sentence }[0] AS sentence
ORDER BY entity, type, evidence_count DESC, other
