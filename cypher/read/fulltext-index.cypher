// The labels and properties of a full-text index, when it exists: a graph written by an older
// iikg may hold `entity_names` over fewer labels (schema apply recreates it then).
SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties
WHERE name = $name
RETURN labelsOrTypes AS labels, properties
