"""Where articles come from: files, directories (recursive), glob patterns, JSON Lines corpora
and JSON files (one article object or a list of them).

`iter_articles` streams: it holds one file (or one JSON Lines record) at a time, so memory does
not grow with the corpus (a `.json` list is read whole, within the one-file limit). Every input
ends up either as an `Article` or as a `LoadError` naming the file and the reason; one bad input
never stops the others, and `LoadSummary` counts both.

Which files are inputs is `loaders.paths` (directories, globs, extensions and content); JSON
records and files are `loaders.records`; the bounds of a load and its tally are
`loaders.limits`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from graph.model import Article
from loaders.decode import decode_bytes
from loaders.errors import LoadError, Rejected, unexpected
from loaders.formats import parse_document
from loaders.limits import DEFAULT_LIMITS, Limits, LoadSummary
from loaders.metadata import build_article
from loaders.paths import (
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    PathLike,
    iter_paths,
    path_text,
    read_bytes,
)
from loaders.records import iter_json, iter_jsonl, json_articles

# -- one file ----------------------------------------------------------------------------------


def load_bytes(
    data: bytes, path: str = "<bytes>", *, suffix: str = "", limits: Limits = DEFAULT_LIMITS
) -> Article:
    """One article from the bytes of a file. Raises LoadError (and only LoadError) on bad input.
    A `.json` suffix reads a JSON article object (or a list holding one)."""
    if suffix.lower() in JSON_SUFFIXES:
        items = json_articles(data, path, limits=limits)
        if len(items) > 1:
            raise LoadError(path, f"a JSON list of {len(items)} articles; use iter_articles")
        if isinstance(items[0], LoadError):
            raise items[0]
        return items[0]
    try:
        if len(data) > limits.max_file_bytes:
            raise Rejected(
                f"file is {len(data):,} bytes, over the {limits.max_file_bytes:,} "
                "byte limit for one article"
            )
        text, _encoding = decode_bytes(data)
        doc = parse_document(text, suffix)
        return build_article(doc, path=path, max_line_chars=limits.max_line_chars)
    except Rejected as exc:
        raise LoadError(path, exc.reason) from None


def load_file(path: PathLike, *, limits: Limits = DEFAULT_LIMITS) -> Article:
    """One article file (text, Markdown with front matter, HTML, a JSON article object).
    Raises LoadError."""
    path = Path(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        raise LoadError(path_text(path), "a JSON Lines corpus holds many articles: iter_articles")
    return load_bytes(
        read_bytes(path, limits.max_file_bytes), path_text(path), suffix=path.suffix, limits=limits
    )


# -- everything --------------------------------------------------------------------------------


def iter_articles(
    inputs: PathLike | Iterable[PathLike],
    *,
    limits: Limits = DEFAULT_LIMITS,
    summary: LoadSummary | None = None,
) -> Iterator[Article | LoadError]:
    """Stream articles from files, directories (recursive), glob patterns, JSON Lines corpora
    and JSON files. Yields an Article or a LoadError for each input (each record of a corpus);
    records both into `summary` when one is given. Any error reading one input, expected or
    not, is that input's LoadError: it never stops the others."""
    for item in iter_paths(inputs):
        yield from load_input(item, limits=limits, summary=summary)


def one_article_file(item: Path | LoadError) -> bool:
    """Whether `item` is a file of one article (not a JSON or JSON Lines corpus)."""
    return isinstance(item, Path) and item.suffix.lower() not in (
        JSONL_SUFFIXES | JSON_SUFFIXES)


def load_input(
    item: Path | LoadError,
    *,
    limits: Limits = DEFAULT_LIMITS,
    summary: LoadSummary | None = None,
    data: bytes | None = None,
) -> Iterator[Article | LoadError]:
    """The articles of one input of iter_paths (`data`: the bytes of a one-article file,
    already read), recorded into `summary`."""
    if isinstance(item, LoadError):
        results: Iterable[Article | LoadError] = [item]
    elif item.suffix.lower() in JSONL_SUFFIXES:
        results = _guarded(iter_jsonl(item, limits=limits, summary=summary), item)
    elif item.suffix.lower() in JSON_SUFFIXES:
        results = _guarded(iter_json(item, limits=limits, summary=summary), item)
    else:
        results = [_load_one(item, limits, summary, data)]
    for result in results:
        if summary is not None:
            summary.record(result)
        yield result


def _guarded(items: Iterator[Article | LoadError], path: Path) -> Iterator[Article | LoadError]:
    """The items of a corpus file; an error no record caught ends that file, reported."""
    try:
        yield from items
    except Exception as exc:  # one file's failure must not stop the run
        yield unexpected(path_text(path), exc)


def _load_one(
    path: Path, limits: Limits, summary: LoadSummary | None, data: bytes | None = None
) -> Article | LoadError:
    where = path_text(path)
    try:
        if data is None:
            data = read_bytes(path, limits.max_file_bytes)
        if summary is not None:
            summary.input_bytes += len(data)
        return load_bytes(data, where, suffix=path.suffix, limits=limits)
    except LoadError as exc:
        return exc
    except Exception as exc:  # one file's failure must not stop the run
        return unexpected(where, exc)
