"""Shared fixtures: a real Neo4j server for every test that needs one.

The server is the one ``NEO4J_URI`` (with ``NEO4J_USER``/``NEO4J_PASSWORD``/``NEO4J_DATABASE``)
points to, or else the managed local server, started (and on first use assembled) here. A
server that cannot be reached or started fails the tests that need it; they are never skipped,
in CI or anywhere else.

``neo4j_db`` empties the database before each test (``MATCH (n) DETACH DELETE n``; constraints
and indexes stay). A test session locks the server's database (a lock file in the temp
directory) from its first Neo4j test to its end, so concurrent sessions on one machine take
turns. Do not point NEO4J_URI at a database whose contents you want to keep. Without
NEO4J_URI the tests use the managed server's separate ``test`` instance (bolt port 7688), never
the default one that ``iikg ingest`` fills.

``seeded`` is ``neo4j_db`` holding the ingested seed corpus (seeds/articles).

Tests that use these fixtures get the ``neo4j`` marker automatically, so ``-m "not neo4j"``
runs the rest, and the end of the run reports how many real-server tests ran.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.paths import SEEDS

from graph.errors import ConfigError, Neo4jLocalError, StoreError
from graph.ingest import ingest
from graph.neo4j import Graph, Settings, connect, open_driver, resolve_settings
from graph.neo4j import local as neo4j_local

# Without NEO4J_URI the tests run on their own managed instance (own database, ports 7688/7475,
# jars shared with the default instance), so they never empty the graph a user built.
if not os.environ.get("NEO4J_URI"):
    os.environ.setdefault("IIKG_NEO4J_INSTANCE", "test")
    os.environ.setdefault("IIKG_NEO4J_BOLT_PORT", "7688")
    os.environ.setdefault("IIKG_NEO4J_HTTP_PORT", "7475")

NEO4J_FIXTURES = frozenset({"neo4j_server", "neo4j_driver", "neo4j_db"})
_outcomes: Counter[str] = Counter()
_neo4j_tests: set[str] = set()  # node ids (the keyword "neo4j" also matches tests/neo4j/)
_server_line: list[str] = []


def _progress(message: str) -> None:
    # Assembling takes minutes on a fresh machine: show it past pytest's output capture.
    print(message, file=sys.__stderr__, flush=True)


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Settings]:
    """Settings of a running Neo4j (NEO4J_URI, or the managed local server, started here).

    The session holds a lock on that server's database until it ends, so two test sessions on
    one machine (a developer's and CI's, say) take turns instead of wiping each other's data.
    """
    try:
        target = resolve_settings(start_local=False)
        with _database_lock(target):
            local = neo4j_local.LocalServer.from_env() if target.managed else None
            started_here = local is not None and neo4j_local.running_pid(local) is None
            settings = resolve_settings(start_local=True, progress=_progress)
            with connect(settings) as graph:
                info = graph.server_info()
            _server_line.append(f"{settings.uri} (Neo4j {info.version} {info.edition})")
            try:
                yield settings
            finally:
                # A developer's next run reuses the running instance; CI leaves nothing behind.
                if started_here and os.environ.get("CI"):
                    neo4j_local.stop(local)
    except (ConfigError, Neo4jLocalError, StoreError) as exc:
        pytest.fail(f"no Neo4j server for the tests: {exc}", pytrace=False)


@contextlib.contextmanager
def _database_lock(settings: Settings, timeout: float = 1800.0) -> Iterator[None]:
    key = hashlib.sha256(f"{settings.uri}|{settings.database}".encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"iikg-test-db-{key}.lock"
    with open(path, "w") as lock:
        deadline = time.monotonic() + timeout
        waiting = False
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    pytest.fail(f"another test session held {path} for {timeout:.0f}s")
                if not waiting:
                    _progress(f"Waiting for another test session using {settings.uri} ({path})")
                    waiting = True
                time.sleep(1)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_server: Settings) -> Iterator[Graph]:
    """One Graph for the whole session (graph.neo4j.Graph on the test database; its driver is
    closed at the end)."""
    graph = Graph(open_driver(neo4j_server), neo4j_server.database, settings=neo4j_server,
                  owns_driver=True)
    yield graph
    graph.close()


@pytest.fixture
def neo4j_db(neo4j_driver: Graph) -> Graph:
    """The session Graph, with an empty database (data only; schema is kept)."""
    neo4j_driver.run_write("MATCH (n) DETACH DELETE n")
    return neo4j_driver


@pytest.fixture
def seeded(neo4j_db: Any, neo4j_server: Any) -> Any:
    """The database holding the ingested seed corpus."""
    summary = ingest([str(SEEDS)], graph=neo4j_db)
    assert summary.read >= 5 and not summary.skipped, summary.lines()
    return neo4j_db


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if NEO4J_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)
            _neo4j_tests.add(item.nodeid)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.nodeid not in _neo4j_tests:
        return
    if report.when == "call" or (report.when == "setup" and not report.passed):
        _outcomes[report.outcome] += 1


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _outcomes:
        return
    counts = ", ".join(f"{n} {outcome}" for outcome, n in sorted(_outcomes.items()))
    where = f" (shared server: {_server_line[0]})" if _server_line else ""
    terminalreporter.write_line(f"real-Neo4j tests: {counts}{where}")
