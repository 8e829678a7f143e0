// Entities that hold analysis properties from an earlier `iikg analyze`.
MATCH (e:Entity)
WHERE e.community IS NOT NULL OR e.pagerank IS NOT NULL
RETURN [l IN labels(e) WHERE l <> 'Entity'][0] AS label, e.name AS name
