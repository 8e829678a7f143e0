// Every property key the database has ever held (the storage upgrade checks for evidence_article).
CALL db.propertyKeys() YIELD propertyKey
RETURN collect(propertyKey)
