// name: top-entities
// description: 提及最多的实体，可按标签筛选 / The most mentioned entities, optionally of one label
// param: label: label = null — 实体标签，如 Company / entity label, e.g. Company
// param: limit: int = 20 — 最多返回行数 / maximum rows
// mode: read
// columns: name, label, mentions, articles, relationships, first_seen, last_seen
// ask: 提及最多|提到最多|出现最多|最常|被提及|提及次数|报道最多|最热|热门|最受关注|曝光 {label:kind}?
// ask: 提及|提到|出现|报道 最多|次数|频率|排名|排行 {label:kind}?
// example: 被提及最多的企业有哪些？
// walks the entity_mentions index from the top (every entity has a mentions total) and stops
// after the limit
MATCH (e:Entity)
WHERE e.mentions >= 0 AND ($label IS NULL OR $label IN labels(e))
WITH e
ORDER BY e.mentions DESC, e.name
LIMIT $limit
RETURN e.name AS name,
       [l IN labels(e) WHERE l <> 'Entity'][0] AS label,
       e.mentions AS mentions,
       // MENTIONS come from articles only, typed relationships join entities only: counted
       // without a label on the other end, both are degree look-ups, not hub expansions
       COUNT { (e)<-[:MENTIONS]-() } AS articles,
       COUNT { (e)-[:EMPOWERS|SIGNED_WITH|ISSUED_BY|DEVELOPED_BY|PARTNERS_WITH|LOCATED_IN|PART_OF|SUBSIDIARY_OF|PARTICIPATES_IN|WORKS_FOR]-() } AS relationships,
       e.first_seen AS first_seen,
       e.last_seen AS last_seen
ORDER BY mentions DESC, name
