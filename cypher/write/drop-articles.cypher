// Delete the articles $ids with their MENTIONS; return the entities they mentioned, whose
// totals must then be refreshed (and which are deleted when nothing else holds them).
MATCH (a:Article) WHERE a.id IN $ids
OPTIONAL MATCH (a)-[:MENTIONS]->(e:Entity)
WITH a, collect(e) AS mentioned
DETACH DELETE a
WITH mentioned
UNWIND mentioned AS e
WITH DISTINCT e
RETURN [l IN labels(e) WHERE l <> 'Entity'][0] AS label, e.name AS name
