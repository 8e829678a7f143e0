"""Load → extract → write, streaming in batches.

Articles are read one at a time (loaders.sources.iter_articles), extracted, validated into rows
(graph.batch.prepare) and written to Neo4j one batch of articles per transaction
(graph.store.write_articles). A file that cannot be loaded, extracted or validated is skipped
with its reason; it never stops the others. A batch that Neo4j refuses stops the run with an
error naming its articles; nothing of that batch is written, the batches before it are.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graph.batch import BatchError, PreparedArticle, prepare
from graph.model import Article, Extraction

if TYPE_CHECKING:
    from graph.store import WriteResult

DEFAULT_BATCH_SIZE = 200  # articles per write transaction


@dataclass
class IngestSummary:
    read: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    entities: int = 0  # entity rows (one per entity per article)
    relationships: int = 0  # relationship rows after merging duplicates within each article
    written: WriteResult | None = None
    dry_run: bool = False
    seconds: float = 0.0

    def lines(self) -> list[str]:
        out = [
            f"articles read: {self.read}, skipped: {len(self.skipped)}",
            f"extracted: {self.entities} entity mentions, {self.relationships} relationships",
        ]
        for path, reason in self.skipped:
            out.append(f"  skipped {path}: {reason}")
        if self.dry_run:
            out.append("dry run: nothing was written to Neo4j")
        elif self.written is not None:
            w = self.written
            out.append(
                f"articles: {w.new} new, {w.changed} changed (old evidence replaced), "
                f"{w.unchanged} unchanged (skipped)"
            )
            out.append(
                f"nodes: {w.nodes_created} created, {w.nodes_deleted} deleted (Evidence "
                f"included); entity mentions written: {w.entity_rows}"
            )
            out.append(
                f"relationships: {w.relationship_rows} written with {w.evidence} evidence "
                f"sentence(s); {w.relationships_created} created and {w.relationships_deleted} "
                "deleted (MENTIONS and HAS_EVIDENCE included), the rest merged into existing ones"
            )
        out.append(f"time: {self.seconds:.1f} s")
        return out


def _default_extract(article: Article) -> Extraction:
    from loaders.extract.pipeline import extract  # heavy (spaCy, jieba): loaded on first use

    return extract(article)


def _progress(items: Iterable[Any], enabled: bool) -> Iterator[Any]:
    if not enabled:
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc="ingest", unit=" article", file=sys.stderr, dynamic_ncols=True)


def ingest(
    paths: Iterable[str],
    *,
    driver: Any = None,
    database: str | None = None,
    dry_run: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool = False,
    extract: Callable[[Article], Extraction] | None = None,
) -> IngestSummary:
    """Ingest files, directories or globs. `driver` (from graph.store.connect) is needed unless
    dry_run. Raises graph.store.StoreError when a batch cannot be written."""
    from loaders.errors import LoadError
    from loaders.sources import iter_articles

    if not dry_run and driver is None:
        raise ValueError("ingest needs a Neo4j driver unless dry_run is set")
    extract_fn = extract or _default_extract
    summary = IngestSummary(dry_run=dry_run)
    started = time.perf_counter()
    pending: list[PreparedArticle] = []

    def flush() -> None:
        if pending and not dry_run:
            result = write_prepared(driver, pending, database)
            if summary.written is None:
                summary.written = result
            else:
                summary.written.add(result)
        pending.clear()

    for item in _progress(iter_articles(list(paths)), progress):
        if isinstance(item, LoadError):
            summary.skipped.append((item.path, item.reason))
            continue
        summary.read += 1
        where = item.path or item.id
        try:
            extraction = extract_fn(item)
        except Exception as exc:  # one article's extraction bug must not stop the corpus
            summary.skipped.append((where, f"extraction failed: {type(exc).__name__}: {exc}"))
            continue
        try:
            prepared = prepare(extraction)
        except BatchError as exc:
            summary.skipped.append((where, f"invalid extraction: {exc}"))
            continue
        summary.entities += len(prepared.entities)
        summary.relationships += len(prepared.relations)
        pending.append(prepared)
        if len(pending) >= batch_size:
            flush()
    flush()
    summary.seconds = time.perf_counter() - started
    return summary


def write_prepared(driver: Any, prepared: list[PreparedArticle], database: str | None = None):
    from graph.store import write_articles

    return write_articles(driver, prepared, database)


def write_extractions(
    driver: Any,
    extractions: Iterable[Extraction],
    *,
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> WriteResult:
    """Write ready-made extractions (e.g. from `iikg extract` JSON Lines, or tests) in batches.
    An invalid extraction raises graph.batch.BatchError naming its article."""
    from graph.store import WriteResult

    total = WriteResult()
    pending: list[PreparedArticle] = []
    for extraction in extractions:
        pending.append(prepare(extraction))
        if len(pending) >= batch_size:
            total.add(write_prepared(driver, pending, database))
            pending = []
    if pending:
        total.add(write_prepared(driver, pending, database))
    return total
