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
CALL (e) {
  MATCH (e)-[r]-(n:Entity)
  RETURN n, 1 AS d, type(r) AS via
  UNION
  WITH e WHERE $hops >= 2
  MATCH (e)--(:Entity)-[r]-(n:Entity)
  RETURN n, 2 AS d, type(r) AS via
  UNION
  WITH e WHERE $hops >= 3
  MATCH (e)--(:Entity)--(:Entity)-[r]-(n:Entity)
  RETURN n, 3 AS d, type(r) AS via
}
WITH e, n, d, via WHERE n <> e
ORDER BY d, via
WITH e, n, min(d) AS distance, collect({d: d, via: via}) AS hits
WITH e, n, distance, [h IN hits WHERE h.d = distance | h.via] AS vias
UNWIND vias AS v
WITH e, n, distance, v ORDER BY v
WITH e, n, distance, collect(DISTINCT v) AS via
RETURN e.name AS center,
       n.name AS neighbor,
       [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
       distance,
       via
ORDER BY center, distance, label, neighbor
LIMIT $limit
