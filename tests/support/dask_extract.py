"""An extract function for the Dask tests, importable by the worker processes (they are
spawned: a function defined in a test module would not be found there)."""

from __future__ import annotations

import os

from graph.model import Article, Extraction

# A sentence no article holds: the worker extracting an article that contains it exits.
FATAL = "星云科技的这篇稿件会让工作进程退出。"


def exit_on_fatal(article: Article) -> Extraction:
    """No entities, no relations; the worker process dies on an article holding FATAL (a crash
    of the extraction that no `except` can catch, as a segfault or the OOM killer would)."""
    if FATAL in article.text:
        os._exit(3)
    return Extraction(article, (), ())
