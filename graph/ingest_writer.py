"""The write side of an ingest: prepared articles in, batches written, each article counted once.

``BatchWriter`` collects prepared articles and writes them one batch per transaction. When Neo4j
refuses the data of a batch (graph.errors.RefusedError: a value too large to index, say),
nothing of it is written; the batch is then written again one article at a time, so the
article Neo4j refuses is the one named (and skipped) and the others land. A server that cannot
be reached still stops the run (StoreError): retrying would only fail again.

``Writer`` runs a BatchWriter in a thread of its own, fed one article at a time while the
next ones are extracted: it writes whatever has arrived, at most a batch, as soon as it is free
and at least a quarter batch has arrived (or the input ended). So while extraction is the slower
side, the writer keeps pace in small batches and, once the last article is extracted, only
the few that came during its last write are left to write (not a whole batch); when writing is
the slower side, batches grow to the full size. At most two batches wait (memory stays flat).

``FirstSeen`` keeps the id of every article of a run: a second input with the same id (a byte-
identical copy, the same text under another name, or the same declared id) is reported as a
duplicate of the first and written once, so the summary counts each article once.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from graph.batch import PreparedArticle
from graph.errors import RefusedError
from graph.incremental import Claim
from graph.neo4j import Graph, WriteResult


@dataclass
class BatchWriter:
    graph: Graph | None  # None: a dry run, nothing is written
    batch_size: int
    on_refused: Callable[[PreparedArticle | Claim, str], None]
    ingested_at: str | None = None  # the run's time, on every Article and Evidence written
    written: WriteResult | None = None
    refused: int = 0
    pending: list[PreparedArticle | Claim] = field(default_factory=list)

    def add(self, article: PreparedArticle | Claim) -> None:
        self.pending.append(article)
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        self.write(batch)

    def write(self, batch: list[PreparedArticle | Claim]) -> None:
        """Write `batch` in one transaction; refused: again one article at a time."""
        if not batch or self.graph is None:
            return
        try:
            self._count(self.graph.write_articles(batch, ingested_at=self.ingested_at))
        except RefusedError as exc:
            if len(batch) == 1:
                self._refuse(batch[0], exc)
                return
            for article in batch:
                try:
                    self._count(
                        self.graph.write_articles([article], ingested_at=self.ingested_at)
                    )
                except RefusedError as one:
                    self._refuse(article, one)

    def _count(self, result: WriteResult) -> None:
        if self.written is None:
            self.written = result
        else:
            self.written.add(result)

    def _refuse(self, article: PreparedArticle | Claim, exc: RefusedError) -> None:
        self.refused += 1
        self.on_refused(article, f"Neo4j refused this article: {exc.detail}")


class Writer:
    """Writes the articles `add`ed, in order, in a thread of its own, one batch of at most
    `batch_size` per transaction through a BatchWriter (a batch Neo4j refuses is written again
    article by article, the culprit skipped and kept in `refused`); the first other error is
    raised in the caller's thread by the next `add` or by `close`."""

    def __init__(self, graph: Graph, ingested_at: str | None = None,
                 batch_size: int = 200) -> None:
        self.refused: list[tuple[PreparedArticle | Claim, str]] = []
        self._batches = BatchWriter(graph, 0, lambda a, why: self.refused.append((a, why)),
                                    ingested_at=ingested_at)
        self._size = max(batch_size, 1)
        self._least = max(self._size // 4, 1)  # what makes a batch worth a transaction
        self._waiting: deque[PreparedArticle | Claim] = deque()
        self._turn = threading.Condition()
        self._closed = False
        self._error: BaseException | None = None
        self.busy = 0.0  # seconds spent writing
        self._thread = threading.Thread(target=self._run, name="iikg-writer", daemon=True)
        self._thread.start()

    @property
    def written(self) -> WriteResult | None:
        return self._batches.written

    def _next(self) -> list[PreparedArticle | Claim]:
        """The next batch ([] once closed and drained), waiting until it is worth writing."""
        with self._turn:
            self._turn.wait_for(lambda: self._closed or len(self._waiting) >= self._least)
            count = min(len(self._waiting), self._size)
            batch = [self._waiting.popleft() for _ in range(count)]
            self._turn.notify_all()
            return batch

    def _run(self) -> None:
        while batch := self._next():
            if self._error is not None:
                continue  # drain after a failure
            started = time.perf_counter()
            try:
                self._batches.write(batch)
            except BaseException as exc:  # raised again in the caller's thread
                self._error = exc
            self.busy += time.perf_counter() - started

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def add(self, article: PreparedArticle | Claim) -> None:
        """Queue one article; waits while two batches are waiting already."""
        self._raise()
        with self._turn:
            self._turn.wait_for(lambda: len(self._waiting) < 2 * self._size)
            self._waiting.append(article)
            if len(self._waiting) >= self._least:
                self._turn.notify_all()

    def close(self) -> WriteResult | None:
        """Write what is left, wait for the writer and return what all batches did."""
        with self._turn:
            self._closed = True
            self._turn.notify_all()
        self._thread.join()
        self._raise()
        return self.written


@dataclass
class FirstSeen:
    """Article id → the path (or id) of the first input of the run that had it."""

    first: dict[str, str] = field(default_factory=dict)

    def duplicate_of(self, article_id: str, where: str) -> str | None:
        """The first input with this id, or None (and `where` is remembered as the first)."""
        earlier = self.first.get(article_id)
        if earlier is None:
            self.first[article_id] = where
        return earlier
