// Wait (up to 300 s) until every index is online, after the schema statements ran.
CALL db.awaitIndexes(300)
