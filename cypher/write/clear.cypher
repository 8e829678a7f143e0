// Delete every node and relationship in batches, relationships first (a node with a huge
// degree never has to go in one transaction). The schema is kept. Tests and benchmarks only.
MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS;
MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS;
