// The managed server's first login with auth on: replace Neo4j's initial password of the user
// by the one iikg generated (run on the system database; graph/neo4j/local/auth.py).
ALTER CURRENT USER SET PASSWORD FROM $old TO $new
