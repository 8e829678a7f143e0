// Load Article nodes of an export (e.g. neo4j-admin CSV read back in Python); p holds every property.
UNWIND $rows AS p
MERGE (n:Article {id: p.id})
SET n = p
