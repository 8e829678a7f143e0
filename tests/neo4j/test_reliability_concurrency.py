"""Concurrent ingests of overlapping corpora give exactly the graph of one sequential run
(a hash over every node, relationship and schema rule), in threads and as `iikg` processes."""

from __future__ import annotations

import subprocess
import threading

from bench.bench_store import generate
from support.graphdb import clear_database
from support.paths import SEEDS
from support.reliability import cli_env, graph_hash, iikg

from graph.batch import prepare
from graph.ingest import ingest, write_extractions
from graph.model import Extraction
from graph.neo4j import Graph, Settings, connect, open_driver, writes


def _write_concurrently(settings: Settings, corpora: list[list[Extraction]]) -> list:
    """Write each corpus from its own thread and driver, all starting together."""
    barrier = threading.Barrier(len(corpora))
    results: list = [None] * len(corpora)

    def run(i: int) -> None:
        with connect(settings) as graph:
            graph.ensure_schema()
            barrier.wait()
            try:
                results[i] = write_extractions(graph, corpora[i], batch_size=10)
            except Exception as exc:  # reported below, with the thread's corpus
                results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(corpora))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_concurrent_writers_of_overlapping_corpora_equal_a_sequential_run(
    neo4j_db: Graph, neo4j_server: Settings
) -> None:
    articles = list(generate(150, seed=11))
    a, b, c = articles[:90], articles[60:], articles[30:120]  # 30-60 shared by all three
    clear_database(neo4j_db)
    for part in (a, b, c):
        write_extractions(neo4j_db, part, batch_size=10)
    sequential, counts = graph_hash(neo4j_db)
    evidence = neo4j_db.stats()["evidence"]

    clear_database(neo4j_db)
    results = _write_concurrently(neo4j_server, [a, b, c])
    assert not [r for r in results if isinstance(r, Exception)], results
    assert graph_hash(neo4j_db) == (sequential, counts)
    assert neo4j_db.stats()["evidence"] == evidence
    # Every article is new exactly once over the three runs; the others saw it unchanged.
    assert sum(r.new for r in results) == 150
    assert sum(r.unchanged for r in results) == 90 + 90 + 90 - 150


def test_two_iikg_ingest_processes_on_the_same_folder(
    neo4j_db: Graph, neo4j_server: Settings
) -> None:
    """The reported case: `iikg ingest seeds/articles & iikg ingest seeds/articles & wait`."""
    clear_database(neo4j_db)
    ingest([str(SEEDS)], graph=neo4j_db)  # what one `iikg ingest` writes
    sequential = graph_hash(neo4j_db)

    clear_database(neo4j_db)
    command = iikg("ingest", "--no-progress", str(SEEDS))
    runs = [subprocess.Popen(command, env=cli_env(neo4j_server), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert graph_hash(neo4j_db) == sequential
    lines = sorted(line for out, _ in outputs for line in out.splitlines()
                   if line.startswith("articles:"))
    assert lines == [
        "articles: 0 new, 0 changed (old evidence replaced), 5 unchanged (skipped)",
        "articles: 5 new, 0 changed (old evidence replaced), 0 unchanged (skipped)",
    ]


def test_a_second_writer_waits_for_the_first_batch_to_commit(neo4j_db: Graph,
                                                              neo4j_server: Settings) -> None:
    """While one write transaction holds the ingest lock, another batch of the same articles
    waits, then finds them written and skips them."""
    articles = list(generate(5, seed=5))
    clear_database(neo4j_db)
    neo4j_db.ensure_schema()
    done: list = []
    with open_driver(neo4j_server) as driver, driver.session(
            database=neo4j_server.database) as session:
        tx = session.begin_transaction()
        try:
            writes._write_batch_tx(tx, [prepare(x) for x in articles], "2026-01-01T00:00:00Z")
            second = threading.Thread(target=lambda: done.append(
                write_extractions(neo4j_db, articles, batch_size=10)))
            second.start()
            second.join(timeout=3)
            assert second.is_alive() and not done  # waiting on the lock
            tx.commit()
            second.join(timeout=60)
        finally:
            tx.close()
    assert done and (done[0].new, done[0].unchanged) == (0, 5)
