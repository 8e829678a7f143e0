// Which of these relationships ($rows: {head, tail, key}) still exist (after a removal).
UNWIND $rows AS x
MATCH (h:Entity {name: x.head})-[r]->(t:Entity {name: x.tail})
WHERE r.key = x.key
RETURN x.key AS key
