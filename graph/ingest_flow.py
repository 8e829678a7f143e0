"""The ingest as a pipeline: load → triage → extract (in `jobs` worker processes) → one writer.

The main process reads the files and, a batch at a time, asks the graph what it holds of them:
a file whose bytes the graph remembers is not even loaded (graph.ingest_files), the others are
loaded and triaged (graph.incremental.triage): an article whose content and extractor version
are stored is skipped before extraction, a copy of a stored text under a new path only claims
its path. The others are extracted and validated (graph.batch.prepare) in
the main process (`jobs=1`) or in worker processes (multiprocessing, fork; started by the first
article to extract, so a re-ingest with nothing new loads no model), in input order, at most a
few batches in flight; one writer thread writes batches of them to Neo4j while the next
ones are extracted (graph.ingest_writer.Writer; one writer: concurrent writers on shared
entity nodes would deadlock).
Memory stays flat in the size of the corpus. The graph is the same whatever `jobs` is.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from graph.batch import content_hash, prepare
from graph.errors import BatchError
from graph.incremental import Claim, triage
from graph.ingest_files import inputs
from graph.model import Article, Extraction
from graph.neo4j import Graph
from loaders.errors import LoadError
from loaders.limits import LoadSummary
from loaders.sources import iter_articles

Extract = Callable[[Article], Extraction]
Task = tuple[Any, ...]
CHUNK = 4  # articles handed to a worker at a time


def default_jobs() -> int:
    return os.cpu_count() or 1


# -- the tasks: loaded articles, triaged against the graph ------------------------------------


def _triaged(buffer: list[Task], graph: Graph | None, version: str | None) -> Iterator[Task]:
    """The tasks of a batch of inputs: those decided from their file key pass, the loaded ones
    ("loaded", Article | LoadError, file key) are triaged against the graph."""
    articles = [t[1] for t in buffer if t[0] == "loaded" and isinstance(t[1], Article)]
    known, holders = ({}, {})
    if graph is not None and version is not None and articles:
        known, holders = graph.article_state([a.id for a in articles], [a.path for a in articles])
    extracting: set[str] = set()
    for task in buffer:
        if task[0] != "loaded":
            yield task
            continue
        item, key = task[1], task[2]
        if isinstance(item, LoadError):
            yield ("error", item.path, item.reason)
            continue
        verdict, content = "extract", content_hash(item)
        if graph is not None and version is not None:
            verdict = triage(item.id, item.path, content, version, known, holders)
            if verdict == "extract" and item.id in extracting and item.path:
                verdict = "claim"  # the same text twice in this batch: extracted once
        full_key = f"{key}:{content}" if key else None
        if verdict == "extract":
            extracting.add(item.id)
            yield ("extract", item, full_key)
        elif verdict == "claim" or (
            full_key and full_key not in known[item.id].file_keys and item.path):
            yield ("claim", Claim(item.id, item.path or "", full_key))  # the key recorded
        else:
            yield ("skip", item.id, item.path or item.id)


def tasks(
    paths: Iterable[str],
    graph: Graph | None,
    version: str | None,
    batch_size: int,
    load: LoadSummary,
) -> Iterator[Task]:
    """Every input as a task, in order: ("error", path, reason), ("skip", id, path),
    ("claim", Claim) or ("extract", Article, file key). With a graph, a file whose bytes the
    graph remembers is not loaded (graph.ingest_files)."""
    if version is not None:  # without a graph (a bulk load) the files are keyed all the same
        items: Iterator[Task] = inputs(paths, graph, version, batch_size, load)
    else:
        items = (("loaded", a, None) for a in iter_articles(list(paths), summary=load))
    buffer: list[Task] = []
    for item in items:
        buffer.append(item)
        if len(buffer) >= batch_size:
            yield from _triaged(buffer, graph, version)
            buffer = []
    yield from _triaged(buffer, graph, version)


# -- extraction, in this process or in a worker -----------------------------------------------

_worker: dict[str, Any] = {}


def _init_worker(extract: Extract | None, version: str | None) -> None:
    _worker["extract"], _worker["version"] = extract, version


def run_task(task: Task) -> Task:
    """An "extract" task becomes ("prepared", PreparedArticle) or ("error", path, reason); the
    others pass through."""
    if task[0] != "extract":
        return task
    article: Article = task[1]
    where = article.path or article.id
    extract = _worker.get("extract")
    if extract is None:
        from loaders.extract.pipeline import extract  # spaCy, jieba: loaded on first use
    try:
        extraction = extract(article)
    except Exception as exc:
        return ("error", where, f"extraction failed: {type(exc).__name__}: {exc}")
    try:
        prepared = prepare(extraction, _worker.get("version"))
        if len(task) > 2 and task[2]:
            prepared = replace(prepared, file_key=task[2])
        return ("prepared", prepared)
    except Exception as exc:  # BatchError, or a bug: one article, not the run
        reason = exc if isinstance(exc, BatchError) else f"{type(exc).__name__}: {exc}"
        return ("error", where, f"invalid extraction: {reason}")


class _Bounded:
    """Hands tasks to a pool at most `limit` ahead of the results taken (memory stays flat);
    `stop()` lets a blocked producer end."""

    def __init__(self, items: Iterator[Task], limit: int) -> None:
        self._items, self._slots, self._stopped = items, threading.Semaphore(limit), False

    def __iter__(self) -> Iterator[Task]:
        for item in self._items:
            self._slots.acquire()
            if self._stopped:
                return
            yield item

    def taken(self) -> None:
        self._slots.release()

    def stop(self) -> None:
        self._stopped = True
        self._slots.release()


@contextlib.contextmanager
def extracted(
    items: Iterator[Task], jobs: int, extract: Extract | None, version: str | None
) -> Iterator[Iterator[Task]]:
    """run_task over `items`, in order: here (jobs=1) or in `jobs` forked worker processes.
    The workers are started by the first article to extract: tasks before it pass here, so a
    re-ingest with nothing to extract never loads the models."""
    _init_worker(extract, version)
    if jobs <= 1:
        yield map(run_task, items)
        return
    started: list[tuple[Any, _Bounded]] = []

    def flow() -> Iterator[Task]:
        for task in items:
            if task[0] != "extract":
                yield task
                continue
            bounded = _Bounded(itertools.chain([task], items), limit=jobs * CHUNK * 4)
            pool = _context(extract).Pool(
                jobs, initializer=_init_worker, initargs=(extract, version))
            started.append((pool, bounded))
            yield from _taken(pool.imap(run_task, bounded, chunksize=CHUNK), bounded)
            return

    try:
        yield flow()
    finally:
        for pool, bounded in started:
            bounded.stop()
            pool.terminate()
            pool.join()


def _context(extract: Extract | None) -> multiprocessing.context.BaseContext:
    """Fork, the segmenter, gazetteer, word tags and pipeline loaded here first and shared with
    the workers (copy on write), as are numpy, datasketch and the MinHash permutations the
    article signatures need (graph.dedup; the sources refresh after the writes uses them too):
    loaded once, not once per worker. Each worker builds its own statistical tagger. A process
    already running the tagger (ONNX Runtime's threads do not survive a fork) starts clean
    workers instead (forkserver), each loading the models."""
    from loaders.extract import lac
    from loaders.extract.decisions import Decided

    if lac.started():
        return multiprocessing.get_context("forkserver")
    if extract is None or isinstance(extract, Decided):  # the pipeline, decisions or not
        from loaders.extract import pipeline  # noqa: F401  (imported once, here)
        from loaders.extract.gazetteer import load_gazetteer
        from loaders.extract.nlp import get_nlp, opens_proper_word

        get_nlp(), load_gazetteer(), opens_proper_word("", 0, 0)  # the word tags, read once
    from graph.dedup import signature

    signature("")
    return multiprocessing.get_context("fork")


def _taken(results: Iterator[Task], bounded: _Bounded) -> Iterator[Task]:
    for result in results:
        bounded.taken()
        yield result
