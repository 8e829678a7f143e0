"""A bulk load on the Neo4j side: the emptiness check before it, and what follows the import.

neo4j-admin database import writes nodes and relationships only. Afterwards, on the running
server: the schema (cypher/schema), the list properties its CSV cannot hold
(write/bulk-lists, write/bulk-mention-aliases; graph/bulk_csv.py) and what every ingest ends
with, near-duplicate articles linked and `sources` counted (Graph.refresh_sources).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from neo4j.exceptions import DriverError, Neo4jError

import cypher
from graph.bulk_csv import read_lists
from graph.errors import StoreError, UsageError
from graph.neo4j.base import chunks
from graph.neo4j.graph import Graph
from graph.neo4j.sources import SourcesResult


def require_empty(graph: Graph) -> None:
    """Raise UsageError (one line) unless the database holds no node at all."""
    try:
        with graph.session(read=True) as session:  # notifications off: no "label missing"
            nodes = session.run(cypher.read_query("totals")).single()["nodes"]
    except (Neo4jError, DriverError) as exc:
        raise StoreError(f"counting the nodes of the database failed: {exc}") from exc
    if nodes:
        where = graph.settings.uri if graph.settings else "the server"
        database = graph.database or "the default database"
        raise UsageError(
            f"--bulk loads into an empty database only, and {database} at {where} holds "
            f"{nodes} node(s): ingest without --bulk (incremental), or empty it first")


@dataclass
class FinishResult:
    """What the steps after an import did."""

    schema: int = 0  # schema statements applied
    lists: int = 0  # nodes given their list properties
    mention_lists: int = 0  # MENTIONS given an empty `aliases`
    sources: SourcesResult | None = None
    seconds: dict[str, float] = field(default_factory=dict)


def finish(graph: Graph, directory: Path) -> FinishResult:
    """After importing the files of `directory`: the schema, the list properties, then
    near-duplicates and sources, as an ingest ends."""
    result = FinishResult()
    started = time.perf_counter()
    result.schema = len(graph.apply_schema())
    result.seconds["schema"] = time.perf_counter() - started
    started = time.perf_counter()
    try:
        with graph.session() as session:
            for label, rows in sorted(read_lists(directory).items()):
                query = cypher.query("write", "bulk-lists", LABEL=label)
                for chunk in chunks(rows):
                    session.run(query, rows=chunk).consume()
                    result.lists += len(chunk)
            summary = session.run(cypher.query("write", "bulk-mention-aliases")).consume()
            result.mention_lists = summary.counters.properties_set
    except (Neo4jError, DriverError) as exc:
        raise StoreError(f"setting the list properties after the import failed: {exc}") from exc
    result.seconds["lists"] = time.perf_counter() - started
    result.sources = graph.refresh_sources()
    result.seconds["sources"] = result.sources.seconds
    return result
