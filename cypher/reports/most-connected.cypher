// name: most-connected
// description: 关系最多的实体（按关系数排列，附不同邻居数和关系类型），可按标签筛选 / The most connected entities: by number of relationships, with distinct neighbours and types, optionally of one label
// param: label: label = null — 实体标签，如 Company / entity label, e.g. Company
// param: limit: int = 20 — 最多返回行数 / maximum rows
// mode: read
// columns: name, label, relationships, neighbors, types, mentions
// ask: 关系最多|关联最多|连接最多|联系最多|最多关系|最活跃|关系最广|连接度|度数|枢纽|最核心|核心节点|中心|最重要 {label:kind}?
// ask: 哪些|谁 关系|关联|联系|连接 最多|最广|最密 {label:kind}?
// example: 关系最多的企业有哪些？
// example: 图谱里最核心的十个实体是什么？
MATCH (e:Entity)
WHERE $label IS NULL OR $label IN labels(e)
// typed relationships join entities only: counted without a label on the other end, a degree
// look-up, never a hub's MENTIONS
WITH e, COUNT { (e)-[:EMPOWERS|SIGNED_WITH|ISSUED_BY|DEVELOPED_BY|PARTNERS_WITH|LOCATED_IN|PART_OF|SUBSIDIARY_OF|PARTICIPATES_IN|WORKS_FOR]-() } AS degree
WHERE degree > 0
WITH e, degree
ORDER BY degree DESC, e.name
LIMIT $limit
RETURN e.name AS name,
       [l IN labels(e) WHERE l <> 'Entity'][0] AS label,
       degree AS relationships,
       COUNT { MATCH (e)-[:EMPOWERS|SIGNED_WITH|ISSUED_BY|DEVELOPED_BY|PARTNERS_WITH|LOCATED_IN|PART_OF|SUBSIDIARY_OF|PARTICIPATES_IN|WORKS_FOR]-(n) RETURN DISTINCT n } AS neighbors,
       COLLECT { MATCH (e)-[r:EMPOWERS|SIGNED_WITH|ISSUED_BY|DEVELOPED_BY|PARTNERS_WITH|LOCATED_IN|PART_OF|SUBSIDIARY_OF|PARTICIPATES_IN|WORKS_FOR]-()
                 WITH DISTINCT type(r) AS t RETURN t ORDER BY t } AS types,
       e.mentions AS mentions
ORDER BY relationships DESC, name
