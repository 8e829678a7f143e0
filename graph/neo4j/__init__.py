"""Everything iikg does with Neo4j; the only package that imports the ``neo4j`` driver.

- ``settings``: a resolved connection (``Settings``; ``check_uri``);
- ``connect``: ``resolve_settings`` (explicit values, environment, else the managed local
  server, started if needed) and ``connect(settings) -> Graph``;
- ``graph``: ``Graph(driver, database)``, made of ``schema`` (constraints, indexes, storage
  upgrades), ``writes`` (ingest batches, loading exports) and ``reads`` (stats, reports,
  read-only queries, export subgraphs) over ``base`` (driver, database, sessions);
- ``driver``: opening a driver, waiting for Bolt, one query; ``values``: driver values → plain
  Python;
- ``local``: the managed local server (assembled from Maven Central, run with java).

Every Cypher statement comes from cypher/.
"""

from graph.errors import ReadOnlyViolation, StoreError
from graph.neo4j.connect import connect, resolve_settings
from graph.neo4j.driver import ServerInfo, open_driver, wait_for_bolt
from graph.neo4j.graph import Graph
from graph.neo4j.settings import Settings, check_uri
from graph.neo4j.values import QueryResult, plain
from graph.neo4j.writes import WriteResult

__all__ = [
    "Graph", "QueryResult", "ReadOnlyViolation", "ServerInfo", "Settings", "StoreError",
    "WriteResult", "check_uri", "connect", "open_driver", "plain", "resolve_settings",
    "wait_for_bolt",
]
