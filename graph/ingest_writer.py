"""The write side of an ingest: prepared articles in, batches written, each article counted once.

``BatchWriter`` collects prepared articles and writes them one batch per transaction. When Neo4j
refuses the data of a batch (graph.errors.RefusedError: a value too large to index, say),
nothing of it is written; the batch is then written again one article at a time, so the
article Neo4j refuses is the one named (and skipped) and the others land. A server that cannot
be reached still stops the run (StoreError): retrying would only fail again.

``FirstSeen`` keeps the id of every article of a run: a second input with the same id (a byte-
identical copy, the same text under another name, or the same declared id) is reported as a
duplicate of the first and written once, so the summary counts each article once.
"""

from __future__ import annotations

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
