"""The Neo4j side of iikg: the only module that imports the ``neo4j`` driver.

Everything else passes a driver (from ``connect``) and plain values in, and gets plain
Python values back, so no other module depends on the driver's types.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable

from graph.config import Settings


class StoreError(RuntimeError):
    """Neo4j could not be reached or refused a request; the message says which server."""


@dataclass(frozen=True)
class ServerInfo:
    """What ``CALL dbms.components()`` reports about the server."""

    name: str
    version: str
    edition: str


def connect(settings: Settings) -> neo4j.Driver:
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


def run_read(
    driver: neo4j.Driver,
    cypher: str,
    params: Mapping[str, Any] | None = None,
    database: str | None = None,
) -> list[dict[str, Any]]:
    """Run a read-only query (routed to a reader in a cluster); rows as plain dicts."""
    return _run(driver, cypher, params, database, neo4j.RoutingControl.READ)


def run_write(
    driver: neo4j.Driver,
    cypher: str,
    params: Mapping[str, Any] | None = None,
    database: str | None = None,
) -> list[dict[str, Any]]:
    """Run a query that writes, in one managed transaction; rows as plain dicts."""
    return _run(driver, cypher, params, database, neo4j.RoutingControl.WRITE)


def _run(
    driver: neo4j.Driver,
    cypher: str,
    params: Mapping[str, Any] | None,
    database: str | None,
    routing: neo4j.RoutingControl,
) -> list[dict[str, Any]]:
    try:
        records, _, _ = driver.execute_query(
            cypher, dict(params or {}), routing_=routing, database_=database
        )
    except Neo4jError as exc:
        raise StoreError(f"Neo4j rejected the query: {exc.code}: {exc.message}") from exc
    except DriverError as exc:
        raise StoreError(f"lost the connection to Neo4j: {exc}") from exc
    return [record.data() for record in records]


def server_info(driver: neo4j.Driver) -> ServerInfo:
    """Name, version and edition of the server behind ``driver``."""
    rows = run_read(
        driver,
        "CALL dbms.components() YIELD name, versions, edition "
        "RETURN name, versions[0] AS version, edition",
    )
    if not rows:
        raise StoreError("dbms.components() returned nothing")
    row = rows[0]
    return ServerInfo(name=row["name"], version=row["version"], edition=row["edition"])
