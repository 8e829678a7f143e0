"""`kill -9` of the client and of the server in the middle of an `iikg ingest`, then a rerun,
gives exactly the graph of a clean ingest (a hash over every node, relationship and schema
rule): a batch is one transaction, so a killed run leaves whole batches only.

The server case kills the session's managed test server and starts it again (the driver of
the session reconnects); it needs that managed server, not a NEO4J_URI one."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from support.graphdb import clear_database
from support.reliability import cli_env, count_articles, graph_hash, iikg, run_iikg, write_corpus

from graph.ingest import ingest
from graph.neo4j import Graph, Settings
from graph.neo4j import local as neo4j_local

ARTICLES = 120
BATCH = "3"
_CLEAN: dict[str, tuple] = {}  # the clean ingest's hash, computed once for both tests


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One corpus file for both tests (an Article keeps its path, so the same path)."""
    return write_corpus(tmp_path_factory.mktemp("kill"), ARTICLES)


def _clean_hash(graph: Graph, corpus: Path) -> tuple:
    if "hash" not in _CLEAN:
        clear_database(graph)
        summary = ingest([str(corpus)], graph=graph, batch_size=int(BATCH))
        assert summary.read == ARTICLES and not summary.skipped, summary.lines()
        _CLEAN["hash"] = graph_hash(graph)
    return _CLEAN["hash"]


def _ingest_until_some_written(settings: Settings, graph: Graph, corpus: Path,
                               kill) -> int:
    """Start `iikg ingest`, call `kill` once some batches but not all are committed; return
    the number of articles then in the graph."""
    proc = subprocess.Popen(iikg("ingest", "--no-progress", "--batch-size", BATCH, str(corpus)),
                            env=cli_env(settings), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while (written := count_articles(graph)) < 10:
            assert proc.poll() is None, "iikg ingest ended before it could be killed"
            assert time.monotonic() < deadline, "iikg ingest wrote nothing in 300 s"
            time.sleep(0.05)
        kill(proc)
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode != 0
    return written


def test_kill_9_of_the_client_mid_ingest_then_rerun_equals_a_clean_ingest(
    neo4j_db: Graph, neo4j_server: Settings, corpus: Path
) -> None:
    clean = _clean_hash(neo4j_db, corpus)

    clear_database(neo4j_db)
    written = _ingest_until_some_written(
        neo4j_server, neo4j_db, corpus, lambda proc: os.kill(proc.pid, signal.SIGKILL))
    assert 0 < count_articles(neo4j_db) < ARTICLES, written
    assert graph_hash(neo4j_db) != clean

    rerun = run_iikg(neo4j_server, "ingest", "--no-progress", str(corpus))
    assert rerun.returncode == 0, rerun.stderr
    after = graph_hash(neo4j_db)
    assert after == clean, after.differences(clean)[:10]


def test_kill_9_of_the_server_mid_ingest_then_restart_and_rerun_equals_a_clean_ingest(
    neo4j_db: Graph, neo4j_server: Settings, corpus: Path
) -> None:
    if not neo4j_server.managed:
        pytest.skip("kills and restarts the managed test server; NEO4J_URI names another")
    server = neo4j_local.LocalServer.from_env()
    clean = _clean_hash(neo4j_db, corpus)

    clear_database(neo4j_db)

    def kill_server(proc: subprocess.Popen) -> None:
        pid = neo4j_local.running_pid(server)
        assert pid is not None
        os.kill(pid, signal.SIGKILL)

    try:
        _ingest_until_some_written(neo4j_server, neo4j_db, corpus, kill_server)
    finally:
        neo4j_local.start(server)  # recovery from the transaction log
        neo4j_db.run_write("RETURN 1")  # the session's driver drops its dead connections
    assert 0 < count_articles(neo4j_db) < ARTICLES

    rerun = run_iikg(neo4j_server, "ingest", "--no-progress", str(corpus))
    assert rerun.returncode == 0, rerun.stderr
    after = graph_hash(neo4j_db)
    assert after == clean, after.differences(clean)[:10]
