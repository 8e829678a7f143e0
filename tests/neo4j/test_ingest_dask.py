"""`iikg ingest --scheduler` on a real Neo4j and a real Dask cluster (distributed.LocalCluster:
two worker processes of one thread each, spawned like `dask worker` processes).

The graph the workers extract equals the one the local `--jobs 1` path writes: full snapshot
(tests/support/snapshot.py: every node with its labels and properties, every relationship with
its type, properties and ends, the schema), in which only `ingested_at`, the time of the ingest
run, is left out. The Dask ingest writes through a `neo4j://` routing URI (the scheme of
clusters and Aura), the local one through `bolt://`.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask
import pytest
from support.dask_cluster import FATAL, exit_on_fatal, local_cluster
from support.paths import SEEDS
from support.snapshot import compare, snapshot

from graph.ingest import ingest
from graph.neo4j import Settings, connect

STAMPS = "MATCH (n) WHERE n.ingested_at IS NOT NULL RETURN n.ingested_at AS t ORDER BY t"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a two-worker LocalCluster. A task whose worker dies fails at once
    (allowed-failures 0: one death, one restart, not four)."""
    config = {"distributed.scheduler.allowed-failures": 0}
    with dask.config.set(config), local_cluster(
        n_workers=2, threads_per_worker=1, processes=True
    ) as cluster:
        yield cluster.scheduler_address


def _routed(settings: Settings) -> Settings:
    """The same server through a routing URI (bolt://host:port → neo4j://host:port)."""
    uri = settings.uri
    if uri.startswith("bolt"):
        uri = "neo4j" + uri[len("bolt"):]
    return Settings(uri=uri, user=settings.user, password=settings.password,
                    database=settings.database)


def _corpus(tmp_path: Path) -> Path:
    """The three shortest seed articles (the test stays short), one of them twice."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size)[:3]:
        shutil.copy(seed, corpus / seed.name)
    shutil.copy(sorted(corpus.glob("*.txt"))[1], corpus / "mirror.txt")  # one text, two paths
    (corpus / "broken.bin").write_bytes(b"\x00\x01\x02" * 100)  # not an article
    return corpus


def test_dask_workers_write_the_graph_the_local_path_writes(
    neo4j_db: Any, neo4j_server: Settings, scheduler: str, tmp_path: Path
) -> None:
    corpus = _corpus(tmp_path)
    local = ingest([str(corpus)], graph=neo4j_db, jobs=1, batch_size=2)
    alone = snapshot(neo4j_db.driver, neo4j_db.database)
    neo4j_db.run_write("MATCH (n) DETACH DELETE n")
    with connect(_routed(neo4j_server)) as graph:
        assert graph.settings.uri.startswith("neo4j")
        spread = ingest([str(corpus)], graph=graph, scheduler=scheduler, batch_size=2)
        assert compare(alone, snapshot(neo4j_db.driver, neo4j_db.database)) == []
        assert (spread.read, spread.skipped, spread.duplicates) == (
            local.read, local.skipped, local.duplicates)
        assert (spread.written.new, spread.written.unchanged) == (3, 1)
        assert (spread.entities, spread.relationships) == (local.entities, local.relationships)
        assert spread.skipped[0][0].endswith("broken.bin")
        # again through the cluster: nothing extracted, nothing written
        stamps = neo4j_db.run_read(STAMPS)
        again = ingest([str(corpus)], graph=graph, scheduler=scheduler)
    w = again.written
    assert (w.new, w.changed, w.unchanged) == (0, 0, 4)
    assert (w.nodes_created, w.nodes_deleted, w.relationships_created,
            w.relationships_deleted) == (0, 0, 0, 0)
    assert again.entities == 0  # skipped before extraction
    assert compare(alone, snapshot(neo4j_db.driver, neo4j_db.database)) == []
    assert neo4j_db.run_read(STAMPS) == stamps


def test_a_worker_that_dies_fails_its_article_and_the_others_go_on(
    neo4j_db: Any, scheduler: str, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, city in enumerate(["洛阳市", "淄博市", "青岛市", "宁波市"]):
        fatal = FATAL if i == 0 else ""
        (corpus / f"{i}.txt").write_text(
            f"星云科技在{city}发布工业互联网平台。{fatal}该平台服务本地企业。\n", encoding="utf-8")
    summary = ingest([str(corpus)], graph=neo4j_db, scheduler=scheduler, extract=exit_on_fatal,
                     version="dask-test")
    assert [path for path, _ in summary.skipped] == [str(corpus / "0.txt")]
    assert "the Dask worker extracting it died" in summary.skipped[0][1]
    assert (summary.written.new, summary.ingested) == (3, 3)
    titles = neo4j_db.run_read("MATCH (a:Article) RETURN a.path AS path ORDER BY path")
    assert [row["path"] for row in titles] == [str(corpus / f"{i}.txt") for i in (1, 2, 3)]


def test_cli_names_a_scheduler_it_cannot_reach(
    neo4j_db: Any, neo4j_server: Settings, tmp_path: Path
) -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{s.getsockname()[1]}"
    env = {**os.environ, "NEO4J_URI": neo4j_server.uri, "IIKG_DASK_SCHEDULER": address,
           "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}
    iikg = Path(sys.executable).with_name("iikg")
    run = subprocess.run([str(iikg), "ingest", "--no-progress", str(SEEDS)], env=env,
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines() == [
        f"Error: cannot reach the Dask scheduler at {address}: Timed out trying to connect to "
        f"{address} after 2 s (is `dask scheduler` running there? check --scheduler or "
        "IIKG_DASK_SCHEDULER)"]
    assert neo4j_db.run_read("MATCH (n) RETURN count(n) AS n") == [{"n": 0}]
