// Create or replace Article nodes; row.props holds every property, id included.
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a = row.props
