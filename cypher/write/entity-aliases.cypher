// Set the (sorted) aliases of entities of one label (__LABEL__).
// replan=skip: planned once, this statement keeps its plan (seeks on unique keys, whatever
// the counts) while an ingest makes the graph grow; Neo4j would otherwise plan it again
// every few seconds, which cost more than the writes themselves.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (e:__LABEL__ {name: row.name})
SET e.aliases = row.aliases
