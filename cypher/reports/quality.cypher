// name: quality
// description: 数据质量：孤立实体、别名冲突（一个名称指向多个实体）、低置信度关系 / Data quality: orphan entities, alias collisions (one name used by several entities), low-confidence relationships
// param: min_confidence: float = 0.6 — 低于此置信度的关系视为低置信度 / relationships below this confidence are reported
// param: limit: int = 100 — 每类问题最多返回行数 / maximum rows per kind of issue
// mode: read
// columns: issue, label, name, detail
// ask: 数据质量|质量问题|孤立|别名冲突|冲突|低置信|置信度低|置信度|可疑|存疑|问题数据|脏数据
// example: 数据质量有什么问题？
CALL () {
  MATCH (e:Entity)
  // typed relationships join entities only; checking their types reads degrees, never a
  // hub's MENTIONS (commonest types first: the check stops at the first one found). A label
  // scan and a sort of the few orphans beat walking the mentions index (coalesce keeps the
  // planner from choosing it)
  WHERE NOT EXISTS { (e)-[:LOCATED_IN|PART_OF|WORKS_FOR|ISSUED_BY|PARTICIPATES_IN|EMPOWERS|SIGNED_WITH|PARTNERS_WITH|DEVELOPED_BY|SUBSIDIARY_OF]-() }
    AND coalesce(e.mentions, -1) >= 0
  WITH e ORDER BY e.mentions DESC, e.name LIMIT $limit
  RETURN 'orphan' AS issue, [l IN labels(e) WHERE l <> 'Entity'][0] AS label, e.name AS name,
         'no relationship; mentioned ' + toString(e.mentions) + ' times' AS detail
  UNION ALL
  MATCH (e:Entity)
  UNWIND e.aliases AS alias
  OPTIONAL MATCH (o:Entity {name: alias})
  WITH alias, collect(DISTINCT e) AS by_alias, collect(DISTINCT o) AS by_name
  WITH alias, by_name + [x IN by_alias WHERE NOT x IN by_name] AS holders
  WHERE size(holders) > 1
  WITH alias, holders ORDER BY alias LIMIT $limit
  UNWIND holders AS h
  WITH alias, h ORDER BY h.name
  WITH alias, collect([l IN labels(h) WHERE l <> 'Entity'][0] + ' ' + h.name) AS users
  RETURN 'alias_collision' AS issue, '' AS label, alias AS name,
         'used by ' + reduce(s = users[0], u IN users[1..] | s + ', ' + u) AS detail
  UNION ALL
  CALL () {
    MATCH ()-[r:EMPOWERS]->() WHERE r.confidence < $min_confidence
    WITH r ORDER BY r.confidence LIMIT $limit
    RETURN r
    UNION ALL
    MATCH ()-[r:SIGNED_WITH]->() WHERE r.confidence < $min_confidence
    WITH r ORDER BY r.confidence LIMIT $limit
    RETURN r
    UNION ALL
    MATCH ()-[r:ISSUED_BY]->() WHERE r.confidence < $min_confidence
    WITH r ORDER BY r.confidence LIMIT $limit
    RETURN r
    UNION ALL
    MATCH ()-[r:DEVELOPED_BY]->() WHERE r.confidence < $min_confidence
    WITH r ORDER BY r.confidence LIMIT $limit
    RETURN r
    UNION ALL
    MATCH ()-[r:PARTNERS_WITH]->() WHERE r.confidence < $min_confidence
    WITH r ORDER BY r.confidence LIMIT $limit
    RETURN r
    UNION ALL
    MATCH ()-[r:LOCATED_IN]->() WHERE r.confidence < $min_confidence
    WITH r ORDER BY r.confidence LIMIT $limit
    RETURN r
    UNION ALL
    MATCH ()-[r:PART_OF]->() WHERE r.confidence < $min_confidence
    WITH r ORDER BY r.confidence LIMIT $limit
    RETURN r
    UNION ALL
    MATCH ()-[r:SUBSIDIARY_OF]->() WHERE r.confidence < $min_confidence
    WITH r ORDER BY r.confidence LIMIT $limit
    RETURN r
    UNION ALL
    MATCH ()-[r:PARTICIPATES_IN]->() WHERE r.confidence < $min_confidence
    WITH r ORDER BY r.confidence LIMIT $limit
    RETURN r
    UNION ALL
    MATCH ()-[r:WORKS_FOR]->() WHERE r.confidence < $min_confidence
    WITH r ORDER BY r.confidence LIMIT $limit
    RETURN r
  }
  WITH r, startNode(r) AS a, endNode(r) AS b
  ORDER BY r.confidence, a.name, b.name LIMIT $limit
  RETURN 'low_confidence' AS issue, type(r) AS label, a.name + ' → ' + b.name AS name,
         'confidence ' + toString(r.confidence) + ', ' + toString(r.evidence_count) + ' evidence' AS detail
}
RETURN issue, label, name, detail
