// The typed relationships of one entity (__LABEL__) with their other end and key.
MATCH (x:__LABEL__ {name: $name})-[r]-(o:Entity)
RETURN type(r) AS type, startNode(r) = x AS out,
       [l IN labels(o) WHERE l <> 'Entity'][0] AS other_label, o.name AS other, r.key AS key
ORDER BY type, other_label, other
