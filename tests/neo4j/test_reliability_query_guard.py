"""`iikg query` refuses administration and system commands, not only writes, on the real server:
each refusal is asserted, and so is the absence of its effect where one can be seen."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from graph import cli
from graph.errors import ReadOnlyViolation, StoreError
from graph.neo4j import Graph, Settings, open_driver

ADMIN = [
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "SHOW TRANSACTIONS",
    "SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery",
    "SHOW SETTINGS",
    "SHOW USERS",
    "SHOW CURRENT USER",
    "SHOW ROLES",
    "SHOW DATABASES",
    "SHOW SERVERS",
    "SHOW PRIVILEGES",
    "CALL db.clearQueryCaches()",
    "CALL () { CALL db.clearQueryCaches() YIELD value RETURN value } RETURN value",
    "CALL dbms.listConfig()",
    "CALL dbms.components()",
    "CALL `dbms`.`listConfig`()",
    "CREATE DATABASE other",
    "DROP DATABASE neo4j",
    "STOP DATABASE neo4j",
    "CREATE USER bob SET PASSWORD 'abcdefgh1'",
    "DROP USER neo4j",
    "ALTER USER neo4j SET PASSWORD 'abcdefgh1'",
    "ALTER CURRENT USER SET PASSWORD FROM 'a' TO 'abcdefgh1'",
    "CREATE ROLE analyst",
    "GRANT ROLE admin TO neo4j",
    "DENY MATCH {*} ON GRAPH * TO reader",
    "REVOKE ROLE admin FROM neo4j",
    "CREATE ALIAS other FOR DATABASE neo4j",
    "EXPLAIN TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "PROFILE CALL db.clearQueryCaches()",
    "CALL db.createLabel('Stray')",
    "CREATE INDEX stray IF NOT EXISTS FOR (n:Stray) ON (n.x)",
    "MATCH (n) DETACH DELETE n",
]
APOC = [
    "CALL apoc.cypher.run('TERMINATE TRANSACTIONS \"neo4j-transaction-1\"', {})",
    "RETURN apoc.cypher.runFirstColumnSingle('SHOW TRANSACTIONS', {}) AS x",
    "CALL apoc.periodic.submit('stray', 'RETURN 1')",
    "CALL apoc.when(true, 'RETURN 1 AS x', '', {})",
    "CALL apoc.util.sleep(10)",
]
READS = [
    "MATCH (n) RETURN count(n) AS n",
    "SHOW INDEXES YIELD name RETURN name",
    "SHOW CONSTRAINTS",
    "SHOW PROCEDURES YIELD name RETURN name LIMIT 1",
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.index.fulltext.queryNodes('entity_names', 'x') YIELD node RETURN node",
    "EXPLAIN MATCH (n) RETURN n",
]


def _has_apoc(graph: Graph) -> bool:
    rows = graph.run_query_readonly(
        "SHOW PROCEDURES YIELD name WHERE name STARTS WITH 'apoc.cypher' RETURN count(*)").rows
    return rows[0][0] > 0


@pytest.mark.parametrize("query", ADMIN)
def test_admin_and_system_commands_are_refused(neo4j_db: Graph, query: str) -> None:
    neo4j_db.ensure_schema()
    with pytest.raises(ReadOnlyViolation, match=r"not run|read-only"):
        neo4j_db.run_query_readonly(query)


@pytest.mark.parametrize("query", APOC)
def test_apoc_procedures_that_run_text_or_act_on_the_server_are_refused(
    neo4j_db: Graph, query: str
) -> None:
    if not _has_apoc(neo4j_db):
        with pytest.raises(StoreError):  # no such procedure: nothing runs either
            neo4j_db.run_query_readonly(query)
        return
    with pytest.raises(ReadOnlyViolation, match="not run"):
        neo4j_db.run_query_readonly(query)


@pytest.mark.parametrize("query", READS)
def test_reads_and_schema_introspection_still_run(neo4j_db: Graph, query: str) -> None:
    neo4j_db.ensure_schema()
    neo4j_db.run_query_readonly(query)  # raises if refused


def test_terminate_through_iikg_query_leaves_a_running_transaction_alone(
    neo4j_db: Graph, neo4j_server: Settings
) -> None:
    """The reported case: TERMINATE TRANSACTIONS through `iikg query` ended an ingest."""
    with open_driver(neo4j_server) as driver, driver.session(
            database=neo4j_server.database) as session:
        tx = session.begin_transaction()
        tx.run("CREATE (:Company {name: '星云科技'})").consume()
        ids = [row[0] for row in neo4j_db.driver.execute_query(
            "SHOW TRANSACTIONS YIELD transactionId, currentQuery "
            "WHERE currentQuery = '' OR currentQuery CONTAINS '星云' RETURN transactionId",
            database_=neo4j_server.database).records]
        assert ids
        for tx_id in ids:
            result = _cli("query", f"TERMINATE TRANSACTIONS '{tx_id}'")
            assert result.exit_code == 1 and "not run" in result.output, result.output
        tx.commit()  # raises if it was terminated
    rows = neo4j_db.run_query_readonly("MATCH (c:Company {name: '星云科技'}) RETURN count(c)").rows
    assert rows == [[1]]


@pytest.mark.parametrize("query", ["SHOW USERS", "CALL db.clearQueryCaches()"])
def test_the_cli_says_why_in_one_line(neo4j_db: Graph, query: str) -> None:
    result = _cli("query", query)
    assert result.exit_code == 1
    assert result.output.startswith("Error: `iikg query` runs read-only")
    assert result.output.count("\n") == 1 and result.output.endswith("\n")


def _cli(*args: str) -> Any:
    return CliRunner().invoke(cli.main, list(args))
