"""The `iikg` command line: a thin layer over the library.

Each command parses options, calls library functions and prints. The group (graph.cli.app)
turns every expected error (graph.errors.IikgError) into a one-line message, in one place.

- ``app``: the group, the error handler, connection options and output helpers;
- ``server``: ``iikg neo4j start|stop|status``, ``iikg browser``;
- ``extract``: ``iikg extract``, ``iikg eval``;
- ``graphdb``: ``iikg ingest``, ``iikg schema apply``, ``iikg stats``, ``iikg demo``;
- ``reports``: ``iikg reports``, ``iikg report``, ``iikg query``, ``iikg export``;
- ``ask``: ``iikg ask``, ``iikg changes``, ``iikg remove``;
- ``resolve``: ``iikg resolve apply|candidates``, ``iikg dedup``, the ``--resolutions`` option;
- ``quantities``: ``iikg eval-quantities``;
- ``analyze``: ``iikg analyze``;
- ``bulk``: ``iikg ingest --bulk`` (called by ``graphdb``), ``iikg bulk-finish``.
"""

from graph.cli import analyze, ask, bulk, extract, graphdb, quantities, reports, resolve, server
from graph.cli.app import main

__all__ = ["analyze", "ask", "bulk", "extract", "graphdb", "main", "quantities", "reports",
           "resolve", "server"]
