// name: top-entities
// description: 提及最多的实体，可按标签筛选 / The most mentioned entities, optionally of one label
// param: label: label = null — 实体标签，如 Company / entity label, e.g. Company
// param: limit: int = 20 — 最多返回行数 / maximum rows
// mode: read
// columns: name, label, mentions, articles, relationships, first_seen, last_seen
MATCH (e:Entity)
WHERE $label IS NULL OR $label IN labels(e)
WITH e
ORDER BY e.mentions DESC, e.name
LIMIT $limit
RETURN e.name AS name,
       [l IN labels(e) WHERE l <> 'Entity'][0] AS label,
       e.mentions AS mentions,
       COUNT { (:Article)-[:MENTIONS]->(e) } AS articles,
       COUNT { (e)-[]-(:Entity) } AS relationships,
       e.first_seen AS first_seen,
       e.last_seen AS last_seen
ORDER BY mentions DESC, name
