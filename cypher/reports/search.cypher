// name: search
// description: 按名称或别名全文检索实体（CJK 分词） / Full-text search of entities by name or alias (CJK analyzer)
// param: text: string (required) — 要查找的文字，作为短语匹配 / text to look for, matched as a phrase
// param: label: label = null — 只查该标签 / only this label
// param: limit: int = 20 — 最多返回行数 / maximum rows
// mode: read
// columns: name, label, aliases, score, mentions
// ask: 搜索|查找|检索|搜一下|查一下|找一下|全文检索|模糊查找 {text:rest}
// example: 搜索 海尔
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($text, '\\', '\\\\'), '"', '\\"') + '"') YIELD node, score
WHERE $label IS NULL OR $label IN labels(node)
RETURN node.name AS name,
       [l IN labels(node) WHERE l <> 'Entity'][0] AS label,
       node.aliases AS aliases,
       round(score, 3) AS score,
       node.mentions AS mentions
ORDER BY score DESC, mentions DESC, name
LIMIT $limit
