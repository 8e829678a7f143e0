"""For the Dask tests: a quiet LocalCluster, and extract functions the worker processes can
import (they are spawned: a function defined in a test module would not be found there)."""

from __future__ import annotations

import os
from typing import Any

from distributed import LocalCluster

from graph.model import Article, Extraction

# A sentence no article holds: the worker extracting an article that contains it exits.
FATAL = "星云科技的这篇稿件会让工作进程退出。"


def local_cluster(**options: Any) -> LocalCluster:
    """A LocalCluster without a dashboard whose scheduler's HTTP server takes a free port (not
    8787, which another cluster on the machine may hold)."""
    return LocalCluster(dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"},
                        **options)


def empty_extract(article: Article) -> Extraction:
    """No entities, no relations: the cheapest extraction, for tests of the flow itself."""
    return Extraction(article, (), ())


def exit_on_fatal(article: Article) -> Extraction:
    """empty_extract, but the worker process dies on an article holding FATAL (a crash of the
    extraction that no `except` can catch, as a segfault or the OOM killer would be)."""
    if FATAL in article.text:
        os._exit(3)
    return empty_extract(article)
