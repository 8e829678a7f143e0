"""The Neo4j driver at its lowest level: open a driver, wait for Bolt, run one query.

graph.neo4j is the only package that imports the ``neo4j`` driver; everything above it gets
plain Python values back (graph.neo4j.values) through a Graph (graph.neo4j.graph).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable

import cypher
from graph.errors import StoreError
from graph.neo4j import failures
from graph.neo4j.settings import Settings


@dataclass(frozen=True)
class ServerInfo:
    """What ``CALL dbms.components()`` reports about the server."""

    name: str
    version: str
    edition: str


def open_driver(settings: Settings) -> neo4j.Driver:
    """Open a driver for ``settings`` and check that the server answers.

    The caller closes the driver (it is a context manager). Raises StoreError naming the URI
    (never the password) when the server is unreachable or rejects the credentials.
    """
    try:
        driver = neo4j.GraphDatabase.driver(settings.uri, auth=settings.auth)
    except (ValueError, DriverError) as exc:
        raise StoreError(f"cannot use Neo4j URI {settings.uri}: {exc}") from exc
    try:
        driver.verify_connectivity()
    except AuthError as exc:
        driver.close()
        raise StoreError(
            f"Neo4j at {settings.uri} rejected the credentials for user "
            f"{settings.auth[0] if settings.auth else '(none)'}: set NEO4J_USER/NEO4J_PASSWORD"
        ) from exc
    except (DriverError, Neo4jError, OSError) as exc:
        driver.close()
        if failures.is_login_problem(exc):  # the rate limit, an expired password: not "reach"
            raise (failures.explain(exc, settings) or StoreError(str(exc))) from exc
        hint = "" if settings.managed else " (check NEO4J_URI, or unset it to use the local server)"
        raise StoreError(f"cannot reach Neo4j at {settings.uri}: {exc}{hint}") from exc
    return driver


def wait_for_bolt(
    uri: str,
    auth: tuple[str, str] | None = None,
    *,
    timeout: float = 120.0,
    interval: float = 0.5,
    alive: Callable[[], bool] | None = None,
) -> None:
    """Block until a Bolt server at ``uri`` accepts a connection.

    ``alive`` is polled between attempts so a server process that died fails fast instead of
    waiting out the timeout. Raises StoreError on timeout or when ``alive()`` turns False.
    """
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while True:
        if alive is not None and not alive():
            raise StoreError(f"the Neo4j process exited before Bolt answered at {uri}")
        try:
            with neo4j.GraphDatabase.driver(uri, auth=auth) as driver:
                driver.verify_connectivity()
            return
        except (ServiceUnavailable, DriverError, Neo4jError, OSError) as exc:
            last = exc
        if time.monotonic() >= deadline:
            raise StoreError(f"Neo4j did not answer at {uri} within {timeout:.0f}s: {last}")
        time.sleep(interval)


def _run(
    driver: neo4j.Driver,
    query: str,
    params: Mapping[str, Any] | None,
    database: str | None,
    routing: neo4j.RoutingControl,
) -> list[dict[str, Any]]:
    try:
        records, _, _ = driver.execute_query(
            query, dict(params or {}), routing_=routing, database_=database
        )
    except Neo4jError as exc:
        raise StoreError(f"Neo4j rejected the query: {exc.code}: {exc.message}") from exc
    except DriverError as exc:
        raise StoreError(f"lost the connection to Neo4j: {exc}") from exc
    return [record.data() for record in records]


def run_query(
    driver: neo4j.Driver,
    query: str,
    params: Mapping[str, Any] | None = None,
    database: str | None = None,
    *,
    write: bool = False,
) -> list[dict[str, Any]]:
    """Run one query in its own managed transaction (routed to a reader unless `write`); rows
    as plain dicts."""
    routing = neo4j.RoutingControl.WRITE if write else neo4j.RoutingControl.READ
    return _run(driver, query, params, database, routing)


def server_info(driver: neo4j.Driver, database: str | None = None) -> ServerInfo:
    """Name, version and edition of the server behind ``driver``."""
    rows = run_query(driver, cypher.read_query("server-info"), database=database)
    if not rows:
        raise StoreError("dbms.components() returned nothing")
    row = rows[0]
    return ServerInfo(name=row["name"], version=row["version"], edition=row["edition"])
