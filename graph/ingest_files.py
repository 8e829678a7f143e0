"""The inputs of an ingest, read a batch at a time, each file loaded only when the graph does
not already know what it loads to.

A one-article file is read as bytes and keyed (loaders.file_key: its path, its bytes and the
loading code). A batch of keys is checked against the graph in one read: when the Article
holding the path remembers the key, the content hash that load gave is triaged as if the file
had been loaded (graph.incremental.remembered, triage), so an unchanged file costs a read and a
hash, not a parse and a normalization. The others are loaded from the bytes already read, and
JSON and JSON Lines corpora are loaded whole. Items come out in input order: a decided task
("skip", id, path) / ("claim", Claim), or ("loaded", Article | LoadError, file key or None).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from graph.incremental import Claim, remembered, triage
from graph.neo4j import Graph
from loaders.errors import LoadError
from loaders.file_key import file_key
from loaders.limits import DEFAULT_LIMITS, LoadSummary
from loaders.paths import iter_paths, path_text, read_bytes
from loaders.sources import load_input, one_article_file

Item = tuple[Any, ...]
CHECK_BATCH = 1000  # files checked against the graph in one read (at least the write batch)
MAX_BATCH_BYTES = 64 * 2**20  # file bytes held while a batch waits for its check


def inputs(
    paths: Iterable[str], graph: Graph, version: str, batch_size: int, load: LoadSummary
) -> Iterator[Item]:
    """Every input in order, decided from its key when the graph remembers it, else loaded."""
    batch: list[tuple[Path | LoadError, str | None, bytes | None]] = []
    held = 0
    for item in iter_paths(list(paths)):
        key, data = None, None
        if isinstance(item, Path) and one_article_file(item):
            try:
                data = read_bytes(item, DEFAULT_LIMITS.max_file_bytes)
                key = file_key(path_text(item), data)
            except LoadError as exc:
                item = exc
        batch.append((item, key, data))
        held += len(data or b"")
        if len(batch) >= max(batch_size, CHECK_BATCH) or held >= MAX_BATCH_BYTES:
            yield from _decided(batch, graph, version, load)
            batch, held = [], 0
    yield from _decided(batch, graph, version, load)


def _decided(
    batch: list[tuple[Path | LoadError, str | None, bytes | None]],
    graph: Graph,
    version: str,
    load: LoadSummary,
) -> Iterator[Item]:
    keyed = [path_text(item) for item, key, _ in batch if key is not None]
    known, holders = graph.article_state([], keyed) if keyed else ({}, {})
    for item, key, data in batch:
        if key is not None:
            where = path_text(item)
            hit = remembered(where, key, known, holders)
            if hit is not None:
                article_id, content = hit
                verdict = triage(article_id, where, content, version, known, holders)
                if verdict != "extract":
                    load.read += 1
                    load.input_bytes += len(data or b"")
                    yield ("skip", article_id, where) if verdict == "skip" else (
                        "claim", Claim(article_id, where, f"{key}:{content}"))
                    continue
        for result in load_input(item, summary=load, data=data):
            yield ("loaded", result, key)
