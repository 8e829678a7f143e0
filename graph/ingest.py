"""Load → extract → write, streaming in batches; the one load → extract → skip loop.

``iter_extractions`` reads articles one at a time (loaders.sources.iter_articles) and extracts
them, reporting every input it skips (unreadable, or its extraction raised) to a Tally;
`iikg extract`, `iikg eval` and `iikg ingest` all go through it. ``ingest`` then validates
each extraction into rows (graph.batch.prepare) and writes them to Neo4j one batch of articles
per transaction (Graph.write_articles). A file that cannot be loaded, extracted or validated
is skipped with its reason; it never stops the others, nor does an article Neo4j refuses (a
batch it refuses is written again article by article, graph.ingest_writer). An article whose
id an earlier input of the run had (the same text twice) is a duplicate, written once. A server
that cannot be reached stops the run; the batches before it are written.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from graph import ingest_dask, moments
from graph.batch import PreparedArticle, prepare
from graph.incremental import Claim
from graph.ingest_flow import extracted
from graph.ingest_flow import tasks as flow_tasks
from graph.ingest_writer import FirstSeen, Writer
from graph.model import Article, Extraction
from graph.neo4j import Graph, WriteResult
from graph.neo4j.sources import SourcesResult
from loaders.errors import LoadError
from loaders.limits import LoadSummary
from loaders.sources import iter_articles

DEFAULT_BATCH_SIZE = 200  # articles per write transaction


@dataclass
class IngestSummary:
    read: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path, first path)
    ingested: int = 0  # articles written (or, in a dry run, ready to be), each once
    entities: int = 0  # entity rows (one per entity per article)
    relationships: int = 0  # relationship rows after merging duplicates within each article
    written: WriteResult | None = None
    dry_run: bool = False
    seconds: float = 0.0
    write_seconds: float = 0.0  # the writer's busy time, alongside loading and extraction
    sources: SourcesResult | None = None  # near-duplicates linked, sources counted

    def lines(self) -> list[str]:
        twice = f", duplicates: {len(self.duplicates)}" if self.duplicates else ""
        out = [
            f"articles read: {self.read}, skipped: {len(self.skipped)}{twice}",
            f"extracted: {self.entities} entity mentions, {self.relationships} relationships",
        ]
        for path, reason in self.skipped:
            out.append(f"  skipped {path}: {reason}")
        for path, first in self.duplicates:
            out.append(f"  duplicate {path}: same article (same text or id) as {first}; "
                       "written once")
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
        if self.sources is not None:
            out.append(self.sources.line())
        writing = f" (writing {self.write_seconds:.1f} s of it)" if self.write_seconds else ""
        out.append(f"time: {self.seconds:.1f} s{writing}")
        return out


Extract = Callable[[Article], Extraction]


def default_extract(article: Article) -> Extraction:
    """loaders.extract.pipeline.extract, imported on first use (spaCy and jieba take seconds)."""
    from loaders.extract.pipeline import extract

    return extract(article)


@dataclass(frozen=True)
class Skip:
    """An input left out: unreadable (stage "load": `reason` says why) or its extraction
    raised (stage "extract": `error`)."""

    stage: str
    path: str
    reason: str
    error: Exception | None = None


@dataclass
class Tally:
    """What iter_extractions did so far; `on_skip` and `on_item` (called once per input, read
    or not) let a caller report as it goes."""

    load: LoadSummary = field(default_factory=LoadSummary)
    extracted: int = 0
    skipped: list[Skip] = field(default_factory=list)
    on_skip: Callable[[Skip], None] | None = None
    on_item: Callable[[], None] | None = None

    @property
    def failed(self) -> int:
        return sum(1 for s in self.skipped if s.stage == "extract")

    def skip(self, item: Skip) -> None:
        self.skipped.append(item)
        if self.on_skip:
            self.on_skip(item)


def iter_extractions(
    paths: Iterable[str],
    *,
    extract: Extract | None = None,
    tally: Tally | None = None,
) -> Iterator[tuple[Article, Extraction]]:
    """(article, extraction) for every input that loads and extracts; the others are recorded
    in `tally` and skipped (one article's extraction bug must not stop the corpus)."""
    extract_fn = extract or default_extract
    tally = Tally() if tally is None else tally
    for item in iter_articles(list(paths), summary=tally.load):
        if tally.on_item:
            tally.on_item()
        if isinstance(item, LoadError):
            tally.skip(Skip("load", item.path, item.reason))
            continue
        try:
            extraction = extract_fn(item)
        except Exception as exc:
            tally.skip(Skip("extract", item.path or item.id, str(exc), exc))
            continue
        tally.extracted += 1
        yield item, extraction


@contextlib.contextmanager
def _progress_bar(enabled: bool) -> Iterator[Callable[[], None] | None]:
    if not enabled:
        yield None
        return
    from tqdm import tqdm  # only when a bar is shown

    with tqdm(desc="ingest", unit=" article", file=sys.stderr, dynamic_ncols=True) as bar:
        yield lambda: bar.update(1)


def _counted(
    result: tuple, summary: IngestSummary, seen: FirstSeen
) -> PreparedArticle | Claim | None:
    """Count one result of the flow in `summary`; what the writer must get, if anything. An
    article whose id an earlier input of the run had is a duplicate: reported, its path
    recorded on the first one's Article (a Claim), never written twice."""
    kind = result[0]
    if kind == "error":
        summary.skipped.append((result[1], result[2]))
        return None
    if kind == "skip":
        article_id, where = result[1], result[2]
    else:
        item = result[1]
        article_id = item.id
        where = item.path if isinstance(item, Claim) else (item.path or item.id)
    first = seen.duplicate_of(article_id, where)
    if first is not None:
        summary.duplicates.append((where, first))
        if kind == "skip" or not where or where == article_id:
            return None
        return Claim(article_id, where, item.file_key)
    summary.ingested += 1
    if kind == "prepared":
        summary.entities += len(item.entities)
        summary.relationships += len(item.relations)
    return None if kind == "skip" else item


def ingest(
    paths: Iterable[str],
    *,
    graph: Graph | None = None,
    dry_run: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool = False,
    extract: Extract | None = None,
    jobs: int = 1,
    version: str | None = None,
    scheduler: str | None = None,
) -> IngestSummary:
    """Ingest files, directories or globs into `graph` (needed unless dry_run). Raises
    graph.errors.StoreError when a batch cannot be written.

    Incremental by content: an article whose text, metadata and extractor version the graph
    holds is skipped before extraction (graph.incremental). `jobs` > 1 extracts in that many
    worker processes while one thread writes (graph.ingest_flow); the graph is the same. A
    custom `extract` (a module-level function when jobs > 1) has the `version` given with it;
    without one, its articles are always extracted. With a Dask `scheduler` address
    (tcp://HOST:PORT) the workers of that cluster extract instead (graph.ingest_dask; `jobs` is
    not used); raises graph.errors.SchedulerError when it cannot be used."""
    if not dry_run and graph is None:
        raise ValueError("ingest needs a Graph unless dry_run is set")
    summary = IngestSummary(dry_run=dry_run)
    started = time.perf_counter()
    ingested_at = moments.now()  # one time for the whole run
    if extract is default_extract:
        extract = None  # the pipeline: its version known, its models loaded before a fork
    if version is None and extract is None and not dry_run:
        from loaders.extract.version import extractor_version

        version = extractor_version()
    target = None if dry_run else graph
    load = LoadSummary()
    seen = FirstSeen()
    skipped_early = 0
    with contextlib.ExitStack() as stack:
        items = flow_tasks(paths, target, version, batch_size, load)
        flow = stack.enter_context(
            ingest_dask.extracted(items, scheduler, extract, version) if scheduler
            else extracted(items, jobs, extract, version))
        writer = Writer(target, ingested_at, batch_size) if target is not None else None
        tick = stack.enter_context(_progress_bar(progress))
        for result in flow:
            if tick:
                tick()
            item = _counted(result, summary, seen)
            if item is None:
                skipped_early += result[0] == "skip"
                continue
            if writer is not None:
                writer.add(item)
        if writer is not None:
            summary.written = writer.close() or WriteResult()
            summary.write_seconds = writer.busy
            summary.written.unchanged += skipped_early
            for article, reason in writer.refused:
                where = article.label if isinstance(article, PreparedArticle) else article.path
                summary.skipped.append((where, reason))
            summary.ingested -= len(writer.refused)
    if graph is not None and not dry_run:
        w = summary.written or WriteResult()
        summary.sources = graph.refresh_sources(
            regroup=bool(w.new or w.changed or w.nodes_deleted))
    summary.read = load.read
    summary.seconds = time.perf_counter() - started
    return summary


def write_extractions(
    graph: Graph,
    extractions: Iterable[Extraction],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> WriteResult:
    """Write ready-made extractions (e.g. from `iikg extract` JSON Lines, or tests) in batches.
    An invalid extraction raises graph.errors.BatchError naming its article."""
    total = WriteResult()
    pending: list[PreparedArticle] = []
    ingested_at = moments.now()
    for extraction in extractions:
        pending.append(prepare(extraction))
        if len(pending) >= batch_size:
            total.add(graph.write_articles(pending, ingested_at=ingested_at))
            pending = []
    if pending:
        total.add(graph.write_articles(pending, ingested_at=ingested_at))
    graph.refresh_sources()
    return total
