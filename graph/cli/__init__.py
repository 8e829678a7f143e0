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
- ``analyze``: ``iikg analyze``.
"""

from graph.cli.app import main

# Each command's module is imported when the command runs (or `iikg --help` lists them all).
main.lazy = {
    "analyze": "graph.cli.analyze",
    "ask": "graph.cli.ask", "changes": "graph.cli.ask", "remove": "graph.cli.ask",
    "extract": "graph.cli.extract", "eval": "graph.cli.extract",
    "ingest": "graph.cli.graphdb", "schema": "graph.cli.graphdb", "stats": "graph.cli.graphdb",
    "demo": "graph.cli.graphdb",
    "eval-quantities": "graph.cli.quantities",
    "reports": "graph.cli.reports", "report": "graph.cli.reports", "query": "graph.cli.reports",
    "export": "graph.cli.reports",
    "resolve": "graph.cli.resolve", "dedup": "graph.cli.resolve",
    "neo4j": "graph.cli.server", "browser": "graph.cli.server",
}

__all__ = ["main"]
