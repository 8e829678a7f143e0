"""Extraction on a Dask distributed cluster: `iikg ingest --scheduler tcp://HOST:PORT`.

The client (this process) loads the articles and triages them against the graph exactly as
without Dask (graph.ingest_flow.tasks): it needs an article's text for its content hash before
it knows whether the article must be extracted at all, and loading is a small part of the work.
The articles to extract then go to the workers as loaded Article objects, one per Dask task:
the workers need no access to the files (no shared filesystem, no identical mount points), and
the paths stored in the graph are the ones the client read. A worker extracts and validates
(graph.batch.prepare) with the models it loaded on its first article, one article at a time
per process. The client takes the results back in input order, with at most a few articles per
worker thread in flight (memory stays flat), and its one writer writes them as without Dask:
the graph is the one the local path writes.

Before the first article leaves, every worker must run the extractor version of the client
(the same iikg, the same IIKG_STATISTICAL_NER): the stamp on each Article says which extraction
made it. An article whose extraction fails, or whose worker dies while extracting it (Dask's
KilledWorker), is reported as skipped with the reason; the others go on. A worker that dies
fails every article it held, so those are run once more, alone: the one reported is the one
that kills its worker. A scheduler that cannot be reached, or that is lost during the run,
stops it with one line naming its address.

Dask is an optional dependency (`pip install 'iikg[dask]'`), imported only here and only when
a scheduler is given.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections import deque
from collections.abc import Iterator
from typing import Any

from graph.errors import SchedulerError
from graph.ingest_flow import Extract, Task, _init_worker, run_task
from graph.model import Article

IN_FLIGHT_PER_THREAD = 4  # articles handed out per worker thread, ahead of the results taken
WORKER_WAIT = 30.0  # seconds to wait for a first worker to join the scheduler

# One extraction at a time per worker process, whatever its --nthreads: the models are loaded
# once per process, and one extraction is never run in several threads at once.
_ONE_AT_A_TIME = threading.Lock()


def extract_article(task: Task, extract: Extract | None, version: str | None) -> Task:
    """On a worker: an ("extract", Article, file key) task becomes ("prepared",
    PreparedArticle) or ("error", path, reason)."""
    with _ONE_AT_A_TIME:
        _init_worker(extract, version)
        return run_task(task)


def worker_version() -> str:
    """On a worker: the extractor version it would stamp (loaders.extract.version)."""
    from loaders.extract.version import extractor_version

    return extractor_version()


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise SchedulerError(
            "--scheduler needs Dask distributed, which is not installed: "
            "pip install 'iikg[dask]'") from exc
    return distributed


def check_address(address: str) -> str:
    """`address` if Dask can use it as a scheduler address (tcp://HOST:PORT, HOST:PORT,
    tls://…), else SchedulerError naming it."""
    _distributed()
    from distributed.comm.addressing import parse_address, parse_host_port
    from distributed.comm.registry import get_backend

    try:
        scheme, location = parse_address(address)
        get_backend(scheme)
        if scheme in ("tcp", "tls", "ws", "wss"):
            parse_host_port(location)
    except ValueError as exc:
        raise SchedulerError(f"not a Dask scheduler address: {address!r}: {exc}") from exc
    return address


@contextlib.contextmanager
def connected(address: str, *, wait: float = WORKER_WAIT) -> Iterator[Any]:
    """A distributed.Client on the scheduler at `address`, with at least one worker that runs
    this client's extractor version; closed on exit. Raises SchedulerError naming the address
    when the scheduler cannot be reached (within Dask's connect timeout,
    distributed.comm.timeouts.connect), no worker joins within `wait` seconds, or a worker
    runs another iikg."""
    distributed = _distributed()
    check_address(address)
    with contextlib.ExitStack() as stack:
        stack.enter_context(_quiet_client_logs())
        try:
            client = distributed.Client(address, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise SchedulerError(
                f"cannot reach the Dask scheduler at {address}: {exc} (is `dask scheduler` "
                "running there? check --scheduler or IIKG_DASK_SCHEDULER)") from exc
        stack.callback(client.close)
        try:
            _ready(client, address, wait)
        except OSError as exc:  # the scheduler went away (distributed's CommClosedError)
            raise _lost(address) from exc
        yield client


def _ready(client: Any, address: str, wait: float) -> None:
    """`client` once a worker has joined and every worker runs this client's extractor."""
    try:
        client.wait_for_workers(1, timeout=wait)
    except TimeoutError as exc:
        raise SchedulerError(
            f"no worker joined the Dask scheduler at {address} within {wait:.0f} s "
            f"(start one with `dask worker {address}`)") from exc
    _check_workers(client, address)


@contextlib.contextmanager
def _quiet_client_logs() -> Iterator[None]:
    """Dask's loggers in this process hold their tracebacks while the client is connected:
    what goes wrong there becomes iikg's one-line error (the scheduler) or an article's reason
    (a worker). The scheduler and the workers log in their own processes as usual."""
    loggers = [logging.getLogger(name) for name in sorted(logging.root.manager.loggerDict)
               if name == "distributed" or name.startswith("distributed.")]
    levels = [(logger, logger.level) for logger in loggers if logger.level != logging.NOTSET]
    if not any(logger.name == "distributed" for logger, _ in levels):
        levels.append((logging.getLogger("distributed"), logging.NOTSET))
    for logger, _ in levels:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in levels:
            logger.setLevel(level)


def _lost(address: str) -> SchedulerError:
    return SchedulerError(
        f"lost the connection to the Dask scheduler at {address}: the articles written before "
        "stay in the graph, and the same ingest run again skips them")


def _check_workers(client: Any, address: str) -> None:
    mine = worker_version()
    for worker, theirs in sorted(client.run(worker_version, on_error="return").items()):
        if isinstance(theirs, BaseException):
            raise SchedulerError(
                f"Dask worker {worker} (scheduler {address}) cannot run iikg: "
                f"{type(theirs).__name__}: {theirs} (pip install iikg on every worker)")
        if theirs != mine:
            raise SchedulerError(
                f"Dask worker {worker} (scheduler {address}) runs extractor version {theirs}, "
                f"this client {mine}: install the same iikg on every worker, with the same "
                "IIKG_STATISTICAL_NER")


@contextlib.contextmanager
def extracted(
    items: Iterator[Task], address: str, extract: Extract | None, version: str | None
) -> Iterator[Iterator[Task]]:
    """graph.ingest_flow.extracted's results, the extraction done by the workers of the Dask
    scheduler at `address` (connected before anything is loaded: a scheduler that cannot be
    reached stops the run before it starts)."""
    with connected(address) as client:
        try:
            threads = sum(client.nthreads().values())
        except OSError as exc:
            raise _lost(address) from exc
        cluster = _Cluster(client, extract, version, address)
        yield cluster.in_order(items, max(2, IN_FLIGHT_PER_THREAD * threads))


class _Cluster:
    """Articles submitted to the cluster, results taken back in input order."""

    def __init__(
        self, client: Any, extract: Extract | None, version: str | None, address: str
    ) -> None:
        self.client, self.extract, self.version, self.address = client, extract, version, address

    def submit(self, task: Task) -> Any:
        return self.client.submit(extract_article, task, self.extract, self.version,
                                  pure=False)

    def in_order(self, items: Iterator[Task], limit: int) -> Iterator[Task]:
        """Every task in input order: "extract" tasks submitted to the cluster, at most `limit`
        tasks between the one handed out last and the one taken last; the others pass."""
        window: deque[tuple[Task, Any]] = deque()  # (task, its future, or None: it passes)
        for task in items:  # (futures left when it stops go with the client, closed then)
            window.append((task, self.submit(task) if task[0] == "extract" else None))
            while len(window) >= limit:
                yield self._next(window)
        while window:
            yield self._next(window)

    def _next(self, window: deque[tuple[Task, Any]]) -> Task:
        try:
            return self.result(*window.popleft(), window)
        except OSError as exc:  # the scheduler went away (distributed's CommClosedError)
            raise _lost(self.address) from exc

    def result(self, task: Task, future: Any, window: deque[tuple[Task, Any]]) -> Task:
        """The result of `task`. A worker that dies fails every article it held (Dask's
        KilledWorker): such an article is run again alone, once the others in flight are
        done, so that only an article that kills its worker itself is reported."""
        if future is None:
            return task
        from distributed import KilledWorker, wait

        article: Article = task[1]
        try:
            return self._taken(future, article)
        except KilledWorker:
            with self.client.as_current():
                wait([f for _, f in window if f is not None])
        try:
            return self._taken(self.submit(task), article)
        except KilledWorker as exc:
            return ("error", article.path or article.id,
                    "extraction failed: the Dask worker extracting it died "
                    f"({exc.allowed_failures + 1} time(s), last {exc.last_worker.address})")

    def _taken(self, future: Any, article: Article) -> Task:
        """The future's result; a task that could not run on the worker becomes the article's
        error; distributed.KilledWorker is raised; a lost scheduler is SchedulerError."""
        from distributed import KilledWorker
        from distributed.client import FutureCancelledError

        try:
            return future.result()
        except KilledWorker:
            raise
        except FutureCancelledError as exc:
            raise _lost(self.address) from exc
        except Exception as exc:  # unpicklable, a worker's bug: this article, not the run
            if self.client.status not in ("running", "connecting"):
                raise _lost(self.address) from exc
            return ("error", article.path or article.id,
                    f"extraction failed on a Dask worker: {type(exc).__name__}: {exc}")
