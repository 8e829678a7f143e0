// Drop the full-text index over entity names, to create it again over the current labels
// (cypher/schema/03-fulltext.cypher) when an older iikg created it over fewer.
DROP INDEX entity_names IF EXISTS
