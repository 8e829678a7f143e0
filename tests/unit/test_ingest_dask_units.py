"""The Dask path of `iikg ingest --scheduler` without Neo4j: scheduler addresses, the checks
made on connecting, and the order and bound of the work in flight (on an in-process
distributed.LocalCluster; the real-server test with worker processes is
tests/neo4j/test_ingest_dask.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner
from distributed import LocalCluster
from support.dask_cluster import empty_extract, local_cluster
from support.paths import SEEDS

from graph import cli, ingest_dask
from graph.errors import SchedulerError
from graph.ingest_flow import Task
from graph.model import Article


@pytest.mark.parametrize("address", ["tcp://10.0.0.5:8786", "10.0.0.5:8786",
                                     "tls://sched.example.com:8786", "tcp://[::1]:8786"])
def test_scheduler_addresses_dask_accepts(address: str) -> None:
    assert ingest_dask.check_address(address) == address


@pytest.mark.parametrize(("address", "why"), [
    ("http://10.0.0.5:8786", "unknown address scheme 'http'"),
    ("tcp://10.0.0.5", "missing port number"),
    ("sched::", "invalid address"),
])
def test_other_addresses_are_refused_naming_them(address: str, why: str) -> None:
    with pytest.raises(SchedulerError, match="not a Dask scheduler address") as caught:
        ingest_dask.check_address(address)
    assert repr(address) in str(caught.value) and why in str(caught.value)


def test_cli_refuses_a_bad_address_in_one_line() -> None:
    result = CliRunner().invoke(cli.main, ["ingest", "--dry-run", "--no-progress",
                                           str(SEEDS)], env={"IIKG_DASK_SCHEDULER": "http://h:1"})
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: not a Dask scheduler address: 'http://h:1': unknown address scheme 'http' "
        "(known schemes: ['inproc', 'tcp', 'tls', 'ucx', 'ws', 'wss'])"]


def test_without_dask_installed_the_message_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed → ImportError
    with pytest.raises(SchedulerError, match=r"pip install 'iikg\[dask\]'"):
        ingest_dask.check_address("tcp://h:1")


class _Workers:
    """A client whose workers answer `run` with the given values."""

    def __init__(self, answers: dict[str, Any]) -> None:
        self.answers = answers

    def run(self, function: Any, on_error: str) -> dict[str, Any]:
        assert function is ingest_dask.worker_version and on_error == "return"
        return self.answers


def test_every_worker_must_run_the_clients_extractor_version() -> None:
    mine = ingest_dask.worker_version()
    ingest_dask._check_workers(_Workers({"tcp://w1:1": mine, "tcp://w2:1": mine}), "tcp://s:1")
    with pytest.raises(SchedulerError, match=r"Dask worker tcp://w2:1 \(scheduler tcp://s:1\) "
                       r"runs extractor version 0\.0\.1\+old, this client"):
        ingest_dask._check_workers(_Workers({"tcp://w1:1": mine, "tcp://w2:1": "0.0.1+old"}),
                                   "tcp://s:1")
    missing = ModuleNotFoundError("No module named 'graph'")
    with pytest.raises(SchedulerError, match=r"tcp://w1:1 .*cannot run iikg: "
                       r"ModuleNotFoundError: No module named 'graph' \(pip install iikg"):
        ingest_dask._check_workers(_Workers({"tcp://w1:1": missing}), "tcp://s:1")


@pytest.fixture(scope="module")
def in_process() -> Iterator[LocalCluster]:
    """One worker of one thread, in this process (starts in a second, not a real cluster)."""
    with local_cluster(n_workers=1, threads_per_worker=1, processes=False) as cluster:
        yield cluster


def test_a_scheduler_without_workers_is_named() -> None:
    with local_cluster(n_workers=0, processes=False) as empty, \
            pytest.raises(SchedulerError) as caught, \
            ingest_dask.connected(empty.scheduler_address, wait=0.5):
        pass
    assert str(caught.value) == (
        f"no worker joined the Dask scheduler at {empty.scheduler_address} within 0 s "
        f"(start one with `dask worker {empty.scheduler_address}`)")


def test_results_come_back_in_input_order_with_a_bounded_window(
    in_process: LocalCluster,
) -> None:
    tasks: list[Task] = []
    for i in range(30):
        article = Article(id=f"a{i}", title=f"星云科技第{i}号", text=f"星云科技在洛阳市设厂{i}。",
                          path=f"/news/{i}.txt")
        tasks.append(("skip", article.id, article.path) if i % 7 == 3 else ("extract", article))
    handed = [0]

    def counted() -> Iterator[Task]:
        for task in tasks:
            handed[0] += 1
            yield task

    ahead = []
    out = []
    with ingest_dask.extracted(counted(), in_process.scheduler_address, empty_extract,
                               "v-test") as results:
        for result in results:
            ahead.append(handed[0] - len(out))
            out.append(result)
    assert [r[0] for r in out] == ["skip" if t[0] == "skip" else "prepared" for t in tasks]
    assert [r[1] if r[0] == "skip" else r[1].id for r in out] == [
        t[1] if t[0] == "skip" else t[1].id for t in tasks]
    assert {r[1].extractor for r in out if r[0] == "prepared"} == {"v-test"}
    assert max(ahead) == ingest_dask.IN_FLIGHT_PER_THREAD  # one worker thread


def test_an_extraction_that_raises_fails_its_article_only(in_process: LocalCluster) -> None:
    articles = [Article(id=f"b{i}", title="t", text=f"星云科技{i}。", path=f"/n/{i}.txt")
                for i in range(3)]
    with ingest_dask.extracted(iter([("extract", a) for a in articles]),
                               in_process.scheduler_address, _raises_on_b1, None) as results:
        out = list(results)
    assert [r[0] for r in out] == ["prepared", "error", "prepared"]
    assert out[1][1:] == ("/n/1.txt", "extraction failed: ValueError: 星云科技 b1 is broken")


def _raises_on_b1(article: Article) -> Any:
    if article.id == "b1":
        raise ValueError(f"星云科技 {article.id} is broken")
    return empty_extract(article)
