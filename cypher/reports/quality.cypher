// name: quality
// description: 数据质量：孤立实体、别名冲突、低置信度关系 / Data quality: orphan entities, alias collisions, low-confidence relationships
// param: min_confidence: float = 0.6 — 低于此置信度的关系视为低置信度 / relationships below this confidence are reported
// param: limit: int = 100 — 每类问题最多返回行数 / maximum rows per kind of issue
// mode: read
// columns: issue, label, name, detail
CALL () {
  MATCH (e:Entity)
  WHERE NOT EXISTS { (e)-[]-(:Entity) }
  WITH e ORDER BY e.mentions DESC, e.name LIMIT $limit
  RETURN 'orphan' AS issue, [l IN labels(e) WHERE l <> 'Entity'][0] AS label, e.name AS name,
         'no relationship; mentioned ' + toString(e.mentions) + ' times' AS detail
  UNION ALL
  MATCH (e:Entity)
  UNWIND e.aliases AS alias
  MATCH (o:Entity)
  WHERE o <> e AND (o.name = alias OR (alias IN o.aliases AND elementId(o) > elementId(e)))
  WITH e, alias, o ORDER BY alias, e.name, o.name LIMIT $limit
  RETURN 'alias_collision' AS issue, [l IN labels(e) WHERE l <> 'Entity'][0] AS label,
         e.name AS name,
         alias + ' also names ' + [l IN labels(o) WHERE l <> 'Entity'][0] + ' ' + o.name AS detail
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.confidence < $min_confidence
  WITH a, r, b ORDER BY r.confidence, a.name, b.name LIMIT $limit
  RETURN 'low_confidence' AS issue, type(r) AS label, a.name + ' → ' + b.name AS name,
         'confidence ' + toString(r.confidence) + ', ' + toString(r.evidence_count) + ' evidence' AS detail
}
RETURN issue, label, name, detail
