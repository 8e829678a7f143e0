// After a bulk load: every MENTIONS holds `aliases`, an empty list when the article used none
// (cypher/write/mentions.cypher), which neo4j-admin import cannot write.
MATCH ()-[m:MENTIONS]->()
WHERE m.aliases IS NULL
CALL (m) { SET m.aliases = [] } IN TRANSACTIONS OF 10000 ROWS
