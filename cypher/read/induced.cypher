// The nodes with these element ids and every relationship among them.
MATCH (n) WHERE elementId(n) IN $ids
OPTIONAL MATCH (n)-[r]->(m) WHERE elementId(m) IN $ids
RETURN n, collect(r) AS rels
