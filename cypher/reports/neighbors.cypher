// name: neighbors
// description: 实体的邻居（自我网络，1 至 3 跳） / An entity's ego network, 1 to 3 hops
// param: name: string (required) — 实体名称或别名 / entity name or alias
// param: hops: int = 1 — 跳数，1、2 或 3 / hops: 1, 2 or 3
// param: limit: int = 200 — 最多返回行数 / maximum rows
// mode: read
// columns: center, neighbor, label, distance, via
CALL () {
  MATCH (e:Entity {name: $name}) RETURN e
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($name, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  WITH node AS e WHERE $name IN e.aliases
  RETURN e
}
// Breadth-first, one layer at a time, over the typed relationships only (a hub's MENTIONS from
// articles are never expanded). A node's distance is the layer it first appears in; its `via`
// are the types of its relationships to the layer before. Rows are ordered by distance first,
// so a layer is skipped once the layers before it already fill the limit.
CALL (e) {
  MATCH (e)-[:EMPOWERS|SIGNED_WITH|ISSUED_BY|DEVELOPED_BY|PARTNERS_WITH|LOCATED_IN|PART_OF|SUBSIDIARY_OF|PARTICIPATES_IN|WORKS_FOR]-(n:Entity)
  WHERE n <> e
  RETURN collect(DISTINCT n) AS one
}
CALL (e, one) {
  WITH e, one WHERE $hops >= 2 AND size(one) < $limit
  CALL (e, one) {
    UNWIND one AS m
    MATCH (m)-[:EMPOWERS|SIGNED_WITH|ISSUED_BY|DEVELOPED_BY|PARTNERS_WITH|LOCATED_IN|PART_OF|SUBSIDIARY_OF|PARTICIPATES_IN|WORKS_FOR]-(n:Entity)
    WHERE n <> e
    RETURN n, 2 AS d
    UNION ALL
    UNWIND one AS n
    RETURN n, 1 AS d
  }
  WITH n, min(d) AS d
  WHERE d = 2
  RETURN collect(n) AS two
}
CALL (e, one, two) {
  WITH e, one, two WHERE $hops >= 3 AND size(one) + size(two) < $limit
  CALL (e, one, two) {
    UNWIND two AS m
    MATCH (m)-[:EMPOWERS|SIGNED_WITH|ISSUED_BY|DEVELOPED_BY|PARTNERS_WITH|LOCATED_IN|PART_OF|SUBSIDIARY_OF|PARTICIPATES_IN|WORKS_FOR]-(n:Entity)
    WHERE n <> e
    RETURN n, 3 AS d
    UNION ALL
    UNWIND one + two AS n
    RETURN n, 1 AS d
  }
  WITH n, min(d) AS d
  WHERE d = 3
  RETURN collect(n) AS three
}
CALL (one, two, three) {
  UNWIND one AS n RETURN n, 1 AS distance
  UNION ALL
  UNWIND two AS n RETURN n, 2 AS distance
  UNION ALL
  UNWIND three AS n RETURN n, 3 AS distance
}
WITH e, two, n, distance, [l IN labels(n) WHERE l <> 'Entity'][0] AS label
ORDER BY e.name, distance, label, n.name
LIMIT $limit
CALL (e, two, n, distance) {
  MATCH (n)-[r:EMPOWERS|SIGNED_WITH|ISSUED_BY|DEVELOPED_BY|PARTNERS_WITH|LOCATED_IN|PART_OF|SUBSIDIARY_OF|PARTICIPATES_IN|WORKS_FOR]-(m:Entity)
  WHERE CASE distance
          WHEN 1 THEN m = e
          WHEN 2 THEN m <> e AND EXISTS { (m)-[:EMPOWERS|SIGNED_WITH|ISSUED_BY|DEVELOPED_BY|PARTNERS_WITH|LOCATED_IN|PART_OF|SUBSIDIARY_OF|PARTICIPATES_IN|WORKS_FOR]-(e) }
          ELSE m IN two
        END
  WITH DISTINCT type(r) AS t
  ORDER BY t
  RETURN collect(t) AS via
}
RETURN e.name AS center,
       n.name AS neighbor,
       label,
       distance,
       via
ORDER BY center, distance, label, neighbor
