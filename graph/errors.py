"""Every error iikg raises on purpose, under one root.

An ``IikgError`` is an expected failure (bad input, a server that does not answer, a report
called with a wrong parameter); its message says what to do, in words a user can act on. The
CLI turns any IikgError into that one-line message in one place (graph.cli.app.IikgGroup) and shows
no traceback; anything else is a bug and keeps its traceback.

Each class also keeps the built-in base it had before this module existed (ValueError or
RuntimeError), so ``except ValueError`` around library calls still catches what it caught.
This module imports nothing of iikg: every layer (loaders, cypher, graph) may import it.
"""

from __future__ import annotations

import re

# The user-information part of a URL (scheme://user:password@host): never printed.
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^\s/@]+@")


def redact(text: str) -> str:
    """`text` with every URL's user:password@ replaced by ***@ (messages, logs, headers)."""
    return _USERINFO.sub(r"\1***@", text)


class IikgError(Exception):
    """The root of iikg's errors; ``str(error)`` is the message for the user, with any URL
    credentials redacted."""

    def __str__(self) -> str:
        return redact(super().__str__())


# --- configuration and the Neo4j server --------------------------------------------------


class ConfigError(IikgError, ValueError):
    """The connection settings are unusable (bad URI, password without a server, ...)."""


class Neo4jLocalError(IikgError, RuntimeError):
    """The local server could not be assembled, started or stopped; the message says why."""


class MissingToolError(Neo4jLocalError):
    """java or mvn is not installed."""


class StoreError(IikgError, RuntimeError):
    """Neo4j could not be reached or refused a request; the message says which server."""


class RefusedError(StoreError):
    """Neo4j refused the data of a write (a value too large to index, a constraint…), as
    opposed to a server that cannot be reached: retrying one article at a time finds the one it
    refuses. ``detail`` is Neo4j's own reason."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail or message


class SchedulerError(IikgError, RuntimeError):
    """The Dask scheduler of `iikg ingest --scheduler` cannot be used: unreachable, no
    workers, workers without the same iikg, or lost during the run; the message names it."""


class ReadOnlyViolation(StoreError):
    """A query given to Graph.run_query_readonly tried to write."""


# --- the Cypher library, ingest, reports and exports ------------------------------------------


class CypherLibraryError(IikgError, ValueError):
    """A .cypher file is malformed, or a report was called with bad parameters."""


class BatchError(IikgError, ValueError):
    """An extraction that cannot be written; the message names the article."""


class ResolutionError(IikgError, ValueError):
    """A resolution decisions file that cannot be used; the message names the file, the line
    and the reason."""


class UsageError(IikgError, ValueError):
    """Bad options or parameters; the message says what to write instead."""


class ExportError(IikgError, ValueError):
    """The subgraph cannot be written in the requested form."""


class ChartError(IikgError, ValueError):
    """The rows cannot be drawn as a ranking, or no CJK font is available."""


class BrowserAssetsError(IikgError, OSError):
    """The Browser style and guide cannot be served (the port is taken, say)."""
