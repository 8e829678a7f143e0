// name: neighbors
// description: 实体的邻居（自我网络，1 至 3 跳） / An entity's ego network, 1 to 3 hops
// param: name: string (required) — 实体名称或别名 / entity name or alias
// param: hops: int = 1 — 跳数，1、2 或 3 / hops: 1, 2 or 3
// param: limit: int = 200 — 最多返回行数 / maximum rows
// mode: read
// columns: center, neighbor, label, distance, via
// ask: {name:Entity} 邻居|关系网|周边|相邻|相连|网络|ego|连着|关联实体|相关实体|关联方
// ask: {name:Platform|Company|Agency|Organization|Policy|Project|Person} 介绍|是什么|什么来头|了解|概况
// example: 卡奥斯的二度关系网
// example: 和卡奥斯直接相连的有哪些？
CALL () {
  // include: named(var=e, label=Entity, value=$name)
}
// Breadth-first, one layer at a time, over the typed relationships (they join entities only,
// and a hub's MENTIONS are never expanded). A node's distance is the layer it first appears
// in; its `via` are the types of its relationships to the layer before, gathered while that
// layer is expanded. Rows are ordered by distance first, so a layer is skipped once the layers
// before it already fill the limit. (Layer lists stay inside the subqueries: rows carrying
// them would be sorted, and costed, with them.)
CALL (e) {
  MATCH (e)-[r:EMPOWERS|SIGNED_WITH|ISSUED_BY|DEVELOPED_BY|PARTNERS_WITH|LOCATED_IN|PART_OF|SUBSIDIARY_OF|PARTICIPATES_IN|WORKS_FOR]-(n)
  WHERE n <> e
  WITH n, collect(DISTINCT type(r)) AS via
  RETURN n, 1 AS distance, via
  UNION ALL
  WITH e WHERE $hops >= 2
  MATCH (e)-[:EMPOWERS|SIGNED_WITH|ISSUED_BY|DEVELOPED_BY|PARTNERS_WITH|LOCATED_IN|PART_OF|SUBSIDIARY_OF|PARTICIPATES_IN|WORKS_FOR]-(m)
  WHERE m <> e
  WITH e, collect(DISTINCT m) AS one
  WHERE size(one) < $limit
  CALL (e, one) {
    UNWIND one AS m
    MATCH (m)-[r:EMPOWERS|SIGNED_WITH|ISSUED_BY|DEVELOPED_BY|PARTNERS_WITH|LOCATED_IN|PART_OF|SUBSIDIARY_OF|PARTICIPATES_IN|WORKS_FOR]-(n)
    WHERE n <> e
    RETURN n, 2 AS d, type(r) AS t
    UNION ALL
    UNWIND one AS n
    RETURN n, 1 AS d, null AS t
  }
  WITH n, min(d) AS d, collect(DISTINCT t) AS via
  WHERE d = 2
  RETURN n, 2 AS distance, via
  UNION ALL
  WITH e WHERE $hops >= 3
  MATCH (e)-[:EMPOWERS|SIGNED_WITH|ISSUED_BY|DEVELOPED_BY|PARTNERS_WITH|LOCATED_IN|PART_OF|SUBSIDIARY_OF|PARTICIPATES_IN|WORKS_FOR]-(m)
  WHERE m <> e
  WITH e, collect(DISTINCT m) AS one
  WHERE size(one) < $limit
  CALL (e, one) {
    UNWIND one AS m
    MATCH (m)-[:EMPOWERS|SIGNED_WITH|ISSUED_BY|DEVELOPED_BY|PARTNERS_WITH|LOCATED_IN|PART_OF|SUBSIDIARY_OF|PARTICIPATES_IN|WORKS_FOR]-(n)
    WHERE n <> e
    RETURN n, 2 AS d
    UNION ALL
    UNWIND one AS n
    RETURN n, 1 AS d
  }
  WITH e, one, n, min(d) AS d
  WITH e, one, collect(CASE WHEN d = 2 THEN n END) AS two
  WHERE size(one) + size(two) < $limit
  CALL (e, one, two) {
    UNWIND two AS m
    MATCH (m)-[r:EMPOWERS|SIGNED_WITH|ISSUED_BY|DEVELOPED_BY|PARTNERS_WITH|LOCATED_IN|PART_OF|SUBSIDIARY_OF|PARTICIPATES_IN|WORKS_FOR]-(n)
    WHERE n <> e
    RETURN n, 3 AS d, type(r) AS t
    UNION ALL
    UNWIND one + two AS n
    RETURN n, 1 AS d, null AS t
  }
  WITH n, min(d) AS d, collect(DISTINCT t) AS via
  WHERE d = 3
  RETURN n, 3 AS distance, via
}
WITH e, n, distance, via, [l IN labels(n) WHERE l <> 'Entity'][0] AS label
ORDER BY e.name, distance, label, n.name
LIMIT $limit
RETURN e.name AS center,
       n.name AS neighbor,
       label,
       distance,
       COLLECT { UNWIND via AS t RETURN t ORDER BY t } AS via
ORDER BY center, distance, label, neighbor
