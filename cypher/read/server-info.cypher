// Name, version and edition of the server (graph.neo4j.driver.server_info).
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
