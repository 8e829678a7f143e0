// Write `iikg analyze` results onto entities: pagerank, betweenness, community. One row per
// entity {label, name, pagerank, betweenness, community}; SET is idempotent.
UNWIND $rows AS row
MATCH (e:Entity {name: row.name})
WHERE row.label IN labels(e)
SET e.pagerank = row.pagerank, e.betweenness = row.betweenness, e.community = row.community
