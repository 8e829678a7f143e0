// Load entity nodes of an export; p holds every property.
UNWIND $rows AS p
MERGE (n:`__LABEL__` {name: p.name})
SET n = p, n:Entity
