// One Quantity node per number read in an article (key: a hash of the article, the offset and
// the text), linked from its article and to the entities it describes. The article was just
// created (a changed article's old node and quantities were deleted first) and graph.batch
// sends each key once with its links once, so CREATE. The properties are named one by one
// (graph.batch.QUANTITY_PROPERTIES; a missing one is null, so not stored): a node set from a
// whole map makes Neo4j buffer every row first (an Eager plan).
// replan=skip: planned once, this statement keeps its plan (seeks on unique keys, whatever
// the counts) while an ingest makes the graph grow; Neo4j would otherwise plan it again
// every few seconds, which cost more than the writes themselves.
CYPHER replan=skip
UNWIND $rows AS row
WITH row, row.props AS p
MATCH (a:Article {id: p.article})
CREATE (a)-[:HAS_QUANTITY]->(q:Quantity {
  key: p.key, article: p.article, value: p.value, unit: p.unit, kind: p.kind, text: p.text,
  aspect: p.aspect, trigger: p.trigger, offset: p.offset, sentence: p.sentence,
  start: p.start, end: p.end, date: p.date, rel: p.rel, about: p.about})
WITH q, row
UNWIND row.links AS link
MATCH (e:Entity {name: link.name})
WHERE link.label IN labels(e)
CREATE (q)-[:QUANTIFIES]->(e)
