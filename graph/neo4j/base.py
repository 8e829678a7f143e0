"""What every part of a Graph shares: the driver, the database, sessions and one-off queries."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import neo4j

import cypher
from graph.neo4j import driver as low
from graph.neo4j.settings import Settings

WRITE_CHUNK = 1000  # rows per UNWIND statement


def chunks(rows: list[Any], size: int = WRITE_CHUNK) -> Iterator[list[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


class GraphBase:
    """A driver and the database it works on (None: the server's default database).

    The Graph owns the driver once built by graph.neo4j.connect (closing the Graph closes it);
    one built around a caller's driver leaves closing to the caller.
    """

    def __init__(
        self,
        driver: neo4j.Driver,
        database: str | None = None,
        *,
        settings: Settings | None = None,
        owns_driver: bool = False,
    ) -> None:
        self.driver = driver
        self.database = database
        self.settings = settings
        self._owns_driver = owns_driver
        self._schema_ready = False  # apply_schema and upgrade_storage ran (graph.neo4j.schema)

    def __repr__(self) -> str:
        where = self.settings.uri if self.settings else "a driver"
        return f"{type(self).__name__}({where}, database={self.database!r})"

    def close(self) -> None:
        if self._owns_driver:
            self.driver.close()

    def __enter__(self) -> GraphBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def session(self, read: bool = False) -> neo4j.Session:
        """A session; READ access mode makes the server refuse writes. Server notifications
        (e.g. "label does not exist yet" on an empty graph) are not logged: not errors."""
        return self.driver.session(
            database=self.database,
            default_access_mode=neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS,
            notifications_min_severity="OFF",
        )

    def run_read(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict]:
        """Run a read-only query (routed to a reader in a cluster); rows as plain dicts."""
        return low.run_query(self.driver, query, params, self.database)

    def run_write(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict]:
        """Run a query that writes, in one managed transaction; rows as plain dicts."""
        return low.run_query(self.driver, query, params, self.database, write=True)

    def read(self, name: str, params: Mapping[str, Any] | None = None, **names: str) -> list:
        """Run cypher/read/NAME.cypher (placeholders filled from `names`); rows as dicts."""
        return self.run_read(cypher.query("read", name, **names), params)

    def server_info(self) -> low.ServerInfo:
        """Name, version and edition of the server."""
        return low.server_info(self.driver, self.database)
