"""The ingest's writer thread (graph.ingest_writer.Writer): articles written once each, in
input order, in batches of at most the batch size, at least a quarter batch unless the input
ended; errors reach the caller. The store is a recorder here: the Cypher of the writes is
checked on a real server in tests/neo4j/ (test_ingest_jobs, test_store_writes)."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from graph.errors import StoreError
from graph.ingest_writer import Writer
from graph.neo4j import WriteResult


class Recorder:
    """Takes the batches a Writer writes; `gate` holds the first write until it is set."""

    def __init__(self, fail_on: int | None = None) -> None:
        self.batches: list[list[Any]] = []
        self.gate = threading.Event()
        self.fail_on = fail_on

    def write_articles(self, batch: list[Any], ingested_at: str | None = None) -> WriteResult:
        self.gate.wait(timeout=10)
        if self.fail_on is not None and self.fail_on in batch:
            raise StoreError("星云 server gone")
        self.batches.append(list(batch))
        return WriteResult(new=len(batch))


def test_every_article_once_in_order_in_bounded_batches() -> None:
    store = Recorder()
    writer = Writer(store, "2026-01-01T00:00:00Z", batch_size=8)  # type: ignore[arg-type]
    for i in range(13):  # the first batch waits at the gate while the rest arrive
        writer.add(i)
    store.gate.set()
    for i in range(13, 30):
        writer.add(i)
    result = writer.close()
    assert [i for batch in store.batches for i in batch] == list(range(30))
    assert all(len(batch) <= 8 for batch in store.batches)
    assert all(len(batch) >= 2 for batch in store.batches[:-1])  # a quarter of 8
    assert result is not None and result.new == 30


def test_the_rest_is_written_on_close() -> None:
    store = Recorder()
    store.gate.set()
    writer = Writer(store, None, batch_size=200)  # type: ignore[arg-type]
    writer.add("甲")
    writer.add("乙")
    assert writer.close() is not None
    assert store.batches == [["甲", "乙"]]


def test_an_error_of_the_writer_reaches_the_caller() -> None:
    store = Recorder(fail_on=1)
    store.gate.set()
    writer = Writer(store, None, batch_size=1)  # type: ignore[arg-type]
    writer.add(0)
    writer.add(1)
    with pytest.raises(StoreError, match="星云 server gone"):
        for i in range(2, 1000):
            writer.add(i)
        writer.close()
