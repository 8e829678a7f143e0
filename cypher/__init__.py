"""The Cypher library: schema, write and report queries as versioned .cypher files."""
