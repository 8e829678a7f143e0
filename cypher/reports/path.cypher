// name: path
// description: 两个实体之间的最短路径（名称可用别名） / Shortest paths between two named entities (names resolved through aliases)
// param: from: string (required) — 起点实体名称或别名 / first entity, name or alias
// param: to: string (required) — 终点实体名称或别名 / second entity, name or alias
// param: max_hops: int = 4 — 最大跳数（不超过 6） / maximum hops (at most 6)
// param: limit: int = 10 — 最多返回路径数 / maximum paths
// mode: read
// columns: hops, path, nodes
// ask: {from:Entity} {to:Entity} 关系|关联|联系|连接|路径|怎么|如何|有何|连到|相连|相关|牵连|纽带 !证据|依据|原文|出处|原句
// example: 卡奥斯和淄博市工信局是什么关系？
// example: 卡奥斯与淄博之间有什么联系？
CALL () {
  // include: named(var=a, label=Entity, value=$from)
}
CALL () {
  // include: named(var=b, label=Entity, value=$to)
}
WITH a, b WHERE a <> b
MATCH p = allShortestPaths((a)-[:EMPOWERS|SIGNED_WITH|ISSUED_BY|DEVELOPED_BY|PARTNERS_WITH|LOCATED_IN|PART_OF|SUBSIDIARY_OF|PARTICIPATES_IN|WORKS_FOR*..6]-(b))
WHERE length(p) <= $max_hops
WITH p, nodes(p) AS ns, relationships(p) AS rs
RETURN length(p) AS hops,
       reduce(s = ns[0].name, i IN range(0, size(rs) - 1) |
         s + CASE WHEN startNode(rs[i]) = ns[i]
                  THEN ' -[' + type(rs[i]) + ']-> '
                  ELSE ' <-[' + type(rs[i]) + ']- ' END + ns[i + 1].name) AS path,
       [n IN ns | n.name] AS nodes
ORDER BY hops, path
LIMIT $limit
