"""`iikg ingest --bulk`: the first load of a corpus into an empty database, through
`neo4j-admin database import full` instead of Cypher writes.

Load and extract are the ingest's own (graph.ingest_flow: `jobs` worker processes, the same
graph.batch.prepare); the prepared articles are folded the way cypher/write/*.cypher folds
them (graph.bulk_rows) into CSV files (graph.bulk_csv). Then:

- on the managed local server: the database is checked empty (again), the server stopped,
  neo4j-admin run on the instance's own store (graph/neo4j/local/admin_import.py), the server
  started, and what follows the import done (graph/neo4j/bulk_load.py: the schema, list
  properties neo4j-admin cannot write, near-duplicates and sources);
- on any other server: nothing is written; the files and the exact command are left in the
  directory (IMPORT.sh), to run where Neo4j runs, then `iikg bulk-finish DIR`.

The graph is the one `iikg ingest` writes into an empty database (tests/neo4j/test_bulk.py
compares every node, relationship and property), so a later `iikg ingest` of the same corpus
finds every article unchanged and writes nothing. The import replaces the database, whose
transaction ids start again: a driver opened before it holds bookmarks the new database never
reaches, so each step here opens its own, and a program that kept one open must open another.
"""

from __future__ import annotations

import contextlib
import shlex
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph import moments
from graph.batch import PreparedArticle
from graph.bulk_csv import AdminFiles
from graph.bulk_rows import BulkRows
from graph.errors import UsageError
from graph.incremental import Claim
from graph.ingest_flow import extracted, tasks
from graph.ingest_writer import FirstSeen
from graph.model import Article, Extraction
from graph.neo4j import Settings, connect, local
from graph.neo4j.bulk_load import FinishResult, finish, require_empty
from graph.neo4j.local.admin_import import import_full
from loaders.limits import LoadSummary

Extract = Callable[[Article], Extraction]
DEFAULT_DATABASE = "neo4j"
DEFAULT_DIR = "iikg-bulk"  # for another server, in the working directory


@dataclass
class BulkSummary:
    """What a bulk load read, extracted, wrote into files and (on the managed server) loaded."""

    directory: Path
    read: int = 0
    ingested: int = 0  # articles in the files, each once
    skipped: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    nodes: int = 0
    relationships: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # label or type → rows
    admin_args: list[str] = field(default_factory=list)  # neo4j-admin's, run in `directory`
    command: str = ""  # the neo4j-admin command to print (IMPORT.sh), for another server
    loaded: bool = False
    finished: FinishResult | None = None
    seconds: dict[str, float] = field(default_factory=dict)  # phase → seconds

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())

    def lines(self) -> list[str]:
        twice = f", duplicates: {len(self.duplicates)}" if self.duplicates else ""
        out = [f"articles read: {self.read}, skipped: {len(self.skipped)}{twice}"]
        out += [f"  skipped {path}: {reason}" for path, reason in self.skipped]
        out += [f"  duplicate {path}: same article (same text or id) as {first}; written once"
                for path, first in self.duplicates]
        counts = ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items()))
        out.append(f"bulk files in {self.directory}: {self.ingested} articles, {self.nodes} "
                   f"nodes, {self.relationships} relationships ({counts})")
        if not self.loaded:
            if self.command:
                out.append("nothing was written to Neo4j. Stop the database, then run in "
                           f"{self.directory} (also in {self.directory / 'IMPORT.sh'}):")
                out.append(f"  {self.command}")
                out.append(f"start it again, then: iikg bulk-finish {self.directory}")
            return out
        done = self.finished
        out.append(f"articles: {self.ingested} new (bulk load)")
        if done is not None:
            out.append(f"schema: {done.schema} statements; list properties set on {done.lists} "
                       f"node(s) and {done.mention_lists} MENTIONS")
            if done.sources is not None:
                out.append(done.sources.line())
        phases = ", ".join(f"{k} {v:.1f} s" for k, v in self.seconds.items())
        rate = self.relationships / self.total_seconds if self.total_seconds else 0.0
        out.append(f"time: {self.total_seconds:.1f} s ({phases}); "
                   f"{rate:,.0f} relationships/s end to end")
        return out


def _counted(
    result: tuple, summary: BulkSummary, seen: FirstSeen
) -> PreparedArticle | Claim | None:
    """One result of the flow (no graph behind it: "prepared" or "error"); a second article
    with an id of the run only claims its path, as in an ingest."""
    if result[0] == "error":
        summary.skipped.append((result[1], result[2]))
        return None
    item: PreparedArticle = result[1]
    first = seen.duplicate_of(item.id, item.path or item.id)
    if first is not None:
        summary.duplicates.append((item.path or item.id, first))
        return Claim(item.id, item.path, item.file_key) if item.path else None
    summary.ingested += 1
    return item


@contextlib.contextmanager
def _progress_bar(enabled: bool) -> Iterator[Callable[[], None] | None]:
    if not enabled:
        yield None
        return
    from tqdm import tqdm  # only when a bar is shown

    with tqdm(desc="extract", unit=" article", file=sys.stderr, dynamic_ncols=True) as bar:
        yield lambda: bar.update(1)


def _fill(summary: BulkSummary, items: Iterable[PreparedArticle | Claim], database: str) -> None:
    """Fold `items` into the files of `summary.directory`, with IMPORT.sh."""
    started = time.perf_counter()
    files = AdminFiles(summary.directory)
    rows = BulkRows(files, moments.now())
    try:
        for item in items:
            rows.add(item)
        rows.finish()
    finally:
        files.close()
    summary.admin_args = files.import_args(database)
    files.write_command(database)
    summary.nodes, summary.relationships = files.nodes, files.relationships
    summary.counts = dict(files.by_spec)
    summary.seconds["extraction and files"] = time.perf_counter() - started


def write_files(paths: Iterable[str], directory: Path, *, database: str = DEFAULT_DATABASE,
                jobs: int = 1, extract: Extract | None = None, version: str | None = None,
                progress: bool = False) -> BulkSummary:
    """Load, extract and write the neo4j-admin files of `paths` into `directory`, with
    IMPORT.sh, the command that imports them into `database`."""
    if version is None and extract is None:
        from loaders.extract.version import extractor_version

        version = extractor_version()
    summary = BulkSummary(directory=directory)
    seen, load = FirstSeen(), LoadSummary()

    def items(flow: Iterator[tuple], tick: Callable[[], None] | None) -> Iterator:
        for result in flow:
            if tick:
                tick()
            item = _counted(result, summary, seen)
            if item is not None:
                yield item

    with (extracted(tasks(paths, None, version, 200, load), jobs, extract, version) as flow,
          _progress_bar(progress) as tick):
        _fill(summary, items(flow, tick), database)
    summary.read = load.read
    return summary


def write_prepared(articles: Iterable[PreparedArticle], directory: Path, *,
                   database: str = DEFAULT_DATABASE) -> BulkSummary:
    """The neo4j-admin files of articles already prepared (graph.batch.prepare: ready-made
    extractions, benchmarks), a second one with an id of the run written once."""
    summary = BulkSummary(directory=directory)
    seen = FirstSeen()
    counted = (_counted(("prepared", a), summary, seen) for a in articles)
    _fill(summary, (item for item in counted if item is not None), database)
    summary.read = summary.ingested + len(summary.duplicates)
    return summary


def _directory(given: str | Path | None, managed: bool) -> tuple[Path, bool]:
    """The directory of the files (refused when it holds files) and whether it is temporary."""
    if given is None and managed:
        return Path(tempfile.mkdtemp(prefix="iikg-bulk-")), True
    path = Path(given if given is not None else DEFAULT_DIR)
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise UsageError(f"--bulk-dir {path}: not an empty directory (the bulk files go there)")
    return path, False


def bulk_ingest(paths: Iterable[str], settings: Settings, *, directory: str | Path | None = None,
                jobs: int = 1, extract: Extract | None = None, version: str | None = None,
                progress: bool = False) -> BulkSummary:
    """Bulk-load `paths` into the empty database of `settings` (see the module docstring).
    Raises UsageError when the database holds anything."""
    with connect(settings) as graph:
        require_empty(graph)
    server = local.LocalServer.from_env() if settings.managed else None
    managed = server is not None and local.running_pid(server) is not None
    where, temporary = _directory(directory, managed)
    database = settings.database or DEFAULT_DATABASE
    summary = write_files(paths, where, database=database, jobs=jobs, extract=extract,
                          version=version, progress=progress)
    if not summary.ingested:
        if temporary:
            shutil.rmtree(where, ignore_errors=True)
        return summary
    if not managed:
        summary.command = shlex.join(["neo4j-admin", *summary.admin_args])
        return summary
    assert server is not None
    load_managed(summary, settings, server)
    if temporary:
        shutil.rmtree(where, ignore_errors=True)
    return summary


def load_managed(summary: BulkSummary, settings: Settings,
                 server: local.LocalServer | None = None) -> None:
    """Import the files of `summary` into the managed server's empty database: stop it, run
    neo4j-admin, start it, then the steps after an import (graph.neo4j.bulk_load.finish)."""
    server = server or local.LocalServer.from_env()
    with connect(settings) as graph:
        require_empty(graph)  # nothing written since the first look
    started = time.perf_counter()
    local.stop(server)
    summary.seconds["stop"] = time.perf_counter() - started
    started = time.perf_counter()
    try:
        import_full(server, summary.directory, summary.admin_args)
        summary.seconds["neo4j-admin import"] = time.perf_counter() - started
    finally:
        started = time.perf_counter()
        local.start(server)
        summary.seconds["start"] = time.perf_counter() - started
    summary.loaded = True
    with connect(settings) as graph:
        summary.finished = finish(graph, summary.directory)
    summary.seconds.update(summary.finished.seconds)
