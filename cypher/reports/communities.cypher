// name: communities
// description: 社区（iikg analyze 计算）：主要成员与联结它们的关系类型 / Communities (computed by iikg analyze): leading members and the relationship types that bind them
// param: min_size: int = 3 — 最少成员数 / smallest community shown
// param: members: int = 5 — 每个社区列出的主要成员数（按 PageRank） / leading members listed (by PageRank)
// param: limit: int = 20 — 最多返回社区数 / maximum communities
// ask: 社区|聚类|抱团|圈子
// example: 图谱里有哪些社区？
// mode: read
// columns: community, size, leading, labels, binding, internal
MATCH (e:Entity)
WHERE e.community IS NOT NULL
WITH e ORDER BY e.pagerank DESC, e.name
WITH e.community AS community, collect(e) AS ranked
WHERE size(ranked) >= $min_size
WITH community, ranked
ORDER BY size(ranked) DESC, community
LIMIT $limit
CALL (community, ranked) {
  UNWIND ranked AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b.community = community
  WITH type(r) AS type, count(*) AS n
  ORDER BY n DESC, type
  RETURN collect(type + ' ' + toString(n)) AS binding, sum(n) AS internal
}
CALL (ranked) {
  UNWIND ranked AS m
  WITH [l IN labels(m) WHERE l <> 'Entity'][0] AS label, count(*) AS n
  ORDER BY n DESC, label
  RETURN collect(label + ' ' + toString(n)) AS labels
}
RETURN community,
       size(ranked) AS size,
       [m IN ranked[..$members] | m.name] AS leading,
       labels,
       binding,
       internal
ORDER BY size DESC, community
