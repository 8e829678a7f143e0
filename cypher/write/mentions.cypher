// MENTIONS from new Article nodes to entities of one label (__LABEL__, whitelisted). The
// articles were just created (a changed article's old node was deleted first), so CREATE.
// The per-article count and aliases let entity totals be recomputed when an article goes.
// replan=skip: planned once, this statement keeps its plan (seeks on unique keys, whatever
// the counts) while an ingest makes the graph grow; Neo4j would otherwise plan it again
// every few seconds, which cost more than the writes themselves.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (e:__LABEL__ {name: row.name})
CREATE (a)-[:MENTIONS {count: row.count, aliases: row.aliases}]->(e)
