// Move the MENTIONS of entity $name (__HEAD__) to entity $target (__TAIL__): an article that
// mentions both gets one MENTIONS with the counts added; the moved name becomes an alias.
MATCH (x:__HEAD__ {name: $name})<-[m:MENTIONS]-(a:Article)
MATCH (y:__TAIL__ {name: $target})
MERGE (a)-[n:MENTIONS]->(y)
  ON CREATE SET n.count = 0, n.aliases = []
WITH m, n, [s IN coalesce(m.aliases, []) + [$name]
            WHERE s <> $target AND NOT s IN coalesce(n.aliases, [])] AS more
SET n.count = coalesce(n.count, 0) + m.count,
    n.aliases = coalesce(n.aliases, [])
                + reduce(acc = [], s IN more | CASE WHEN s IN acc THEN acc ELSE acc + s END)
DELETE m
