// One Quantity node per number read in an article (key: a hash of the article, the offset and
// the text), linked from its article and to the entities it describes. MERGE on the constrained
// key, so writing the same rows again changes nothing.
// replan=skip: planned once, this statement keeps its plan (seeks on unique keys, whatever
// the counts) while an ingest makes the graph grow; Neo4j would otherwise plan it again
// every few seconds, which cost more than the writes themselves.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Article {id: row.props.article})
MERGE (q:Quantity {key: row.props.key})
SET q = row.props
MERGE (a)-[:HAS_QUANTITY]->(q)
WITH q, row
UNWIND row.links AS link
MATCH (e:Entity {name: link.name})
WHERE link.label IN labels(e)
MERGE (q)-[:QUANTIFIES]->(e)
