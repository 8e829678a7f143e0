// Remove the analysis properties of entities that no longer take part (no relationship left).
UNWIND $rows AS row
MATCH (e:Entity {name: row.name})
WHERE row.label IN labels(e)
REMOVE e.pagerank, e.betweenness, e.community
