// The entities (any label) named $names, with their properties: the nodes a decisions file
// may move (graph/neo4j/resolution.py).
UNWIND $names AS name
MATCH (e:Entity {name: name})
RETURN [l IN labels(e) WHERE l <> 'Entity'][0] AS label, e.name AS name, properties(e) AS props
ORDER BY label, name
