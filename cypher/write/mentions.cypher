// Entities of one label (__LABEL__, whitelisted) and the MENTIONS from their articles.
// MENTIONS keeps the per-article count and the aliases that article used, so the entity's
// totals can be recomputed exactly when an article is replaced.
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MERGE (e:__LABEL__ {name: row.name})
SET e:Entity, e += row.props
MERGE (a)-[m:MENTIONS]->(e)
SET m.count = row.count, m.aliases = row.aliases
