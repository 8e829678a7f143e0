"""Where articles come from: files, directories (recursive), glob patterns and JSON Lines corpora.

`iter_articles` streams: it holds one file (or one JSON Lines record) at a time, so memory does
not grow with the corpus. Every input ends up either as an `Article` or as a `LoadError` naming
the file and the reason; one bad input never stops the others, and `LoadSummary` counts both.
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from graph.model import Article
from loaders.decode import decode_bytes
from loaders.errors import LoadError, Rejected
from loaders.formats import parse_body, parse_document
from loaders.metadata import MAX_LINE_CHARS, build_article

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
ARTICLE_SUFFIXES = (
    frozenset(
        {"", ".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".xhtml"}
    )
    | JSONL_SUFFIXES
)
RECORD_FIELDS = (
    "title",
    "text",
    "html",
    "date",
    "source",
    "url",
    "id",
    "author",
    "editor",
    "categories",
    "tags",
)

PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 16 * 2**20  # one article file
    max_record_bytes: int = 16 * 2**20  # one JSON Lines record
    max_line_chars: int = MAX_LINE_CHARS  # one paragraph of the normalized text


DEFAULT_LIMITS = Limits()


@dataclass
class LoadSummary:
    """How many articles were read and which inputs were skipped, with why."""

    read: int = 0
    skipped: list[LoadError] = field(default_factory=list)
    input_bytes: int = 0  # bytes of the inputs that were read (articles and rejects)

    def record(self, item: Article | LoadError) -> None:
        if isinstance(item, LoadError):
            self.skipped.append(item)
        else:
            self.read += 1

    def __str__(self) -> str:
        head = f"read {self.read} article(s), skipped {len(self.skipped)}"
        return "\n".join([head] + [f"  skipped {e.path}: {e.reason}" for e in self.skipped])


# -- paths -------------------------------------------------------------------------------------


def _walk(root: Path) -> Iterator[Path | LoadError]:
    """Files under a directory in a stable order; hidden files and folders are not inputs.
    A folder that cannot be listed is reported, not skipped silently."""
    unreadable: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=unreadable.append):
        while unreadable:
            exc = unreadable.pop(0)
            yield LoadError(str(exc.filename or folder), f"cannot list folder: {exc.strerror}")
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(folder, name)
            if path.suffix.lower() in ARTICLE_SUFFIXES:
                yield path
            else:
                yield LoadError(str(path), f"not an article file (extension {path.suffix!r})")
    for exc in unreadable:
        yield LoadError(str(exc.filename or root), f"cannot list folder: {exc.strerror}")


def iter_paths(inputs: PathLike | Iterable[PathLike]) -> Iterator[Path | LoadError]:
    """Expand files, directories and glob patterns into files, each once."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    seen: set[tuple[int, int]] = set()

    def once(items: Iterable[Path | LoadError]) -> Iterator[Path | LoadError]:
        for item in items:
            if isinstance(item, Path):
                try:
                    stat = item.stat()
                except OSError:
                    yield item  # reading it will report why
                    continue
                if (stat.st_dev, stat.st_ino) in seen:
                    continue  # the same file named twice (overlapping inputs, links)
                seen.add((stat.st_dev, stat.st_ino))
            yield item

    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            yield from once(_walk(path))
        elif path.is_file():
            yield from once([path])
        elif path.exists():
            yield LoadError(str(path), "not a regular file")
        elif glob.has_magic(str(raw)):
            matches = sorted(glob.glob(str(raw), recursive=True))
            if not matches:
                yield LoadError(str(raw), "no file matches this pattern")
            for match in matches:
                yield from once(_walk(Path(match)) if Path(match).is_dir() else [Path(match)])
        else:
            yield LoadError(str(path), "no such file or directory")


# -- one file ----------------------------------------------------------------------------------


def load_bytes(
    data: bytes, path: str = "<bytes>", *, suffix: str = "", limits: Limits = DEFAULT_LIMITS
) -> Article:
    """One article from the bytes of a file. Raises LoadError (and only LoadError) on bad input."""
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


def _read(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise LoadError(
                str(path), f"file is {size:,} bytes, over the {limit:,} byte limit for one article"
            )
        return path.read_bytes()
    except OSError as exc:
        raise LoadError(str(path), f"cannot read: {exc.strerror or exc}") from None


def load_file(path: PathLike, *, limits: Limits = DEFAULT_LIMITS) -> Article:
    """One article file (text, Markdown with front matter, HTML). Raises LoadError."""
    path = Path(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        raise LoadError(str(path), "a JSON Lines corpus holds many articles; use iter_articles")
    return load_bytes(
        _read(path, limits.max_file_bytes), str(path), suffix=path.suffix, limits=limits
    )


# -- JSON Lines --------------------------------------------------------------------------------


def _bounded_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs; None for a line over `limit` bytes, which is skipped without
    ever being held in memory whole."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
        else:
            yield number, line


def article_from_record(record: Any, where: str, *, limits: Limits = DEFAULT_LIMITS) -> Article:
    """One JSON Lines record (already parsed) → Article. Raises LoadError naming `where`."""
    try:
        if not isinstance(record, dict):
            raise Rejected(f"record is a JSON {type(record).__name__}, not an object")
        fields = {k: record[k] for k in RECORD_FIELDS if k in record and k not in ("text", "html")}
        html, text = record.get("html"), record.get("text")
        if isinstance(html, str) and html.strip():
            doc = parse_body(html, fields, markdown=False, html=True)
        elif isinstance(text, str) and text.strip():
            doc = parse_body(text, fields, markdown=False, html=False)
        else:
            raise Rejected("record has no non-empty 'text' or 'html' string")
        return build_article(doc, path=where, max_line_chars=limits.max_line_chars)
    except Rejected as exc:
        raise LoadError(where, exc.reason) from None


def _record(line: bytes | None, where: str, limits: Limits) -> Article | LoadError | None:
    if line is None:
        return LoadError(where, f"line is over the {limits.max_record_bytes:,} byte limit")
    try:
        text = line.decode("utf-8-sig" if where.endswith(":1") else "utf-8")
    except UnicodeDecodeError as exc:
        return LoadError(
            where, f"not valid UTF-8 (byte 0x{line[exc.start]:02x} at column {exc.start + 1})"
        )
    if not text.strip():
        return None  # blank lines separate nothing and carry nothing
    try:
        record = json.loads(text.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        return LoadError(where, f"invalid JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return LoadError(where, "invalid JSON: nested too deeply")
    except ValueError as exc:  # e.g. a number too long to convert
        return LoadError(where, f"invalid JSON: {exc}")
    try:
        return article_from_record(record, where, limits=limits)
    except LoadError as exc:
        return exc


def iter_jsonl(
    path: PathLike, *, limits: Limits = DEFAULT_LIMITS, summary: LoadSummary | None = None
) -> Iterator[Article | LoadError]:
    """Articles of a JSON Lines corpus, one record per line; a bad line is a LoadError naming
    `file:line`, and the lines after it go on."""
    path = Path(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield LoadError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        try:
            for number, line in _bounded_lines(stream, limits.max_record_bytes):
                if summary is not None:
                    summary.input_bytes += len(line) if line else limits.max_record_bytes
                item = _record(line, f"{path}:{number}", limits)
                if item is not None:
                    yield item
        except OSError as exc:
            yield LoadError(str(path), f"read failed: {exc.strerror or exc}")


# -- everything --------------------------------------------------------------------------------


def iter_articles(
    inputs: PathLike | Iterable[PathLike],
    *,
    limits: Limits = DEFAULT_LIMITS,
    summary: LoadSummary | None = None,
) -> Iterator[Article | LoadError]:
    """Stream articles from files, directories (recursive), glob patterns and JSON Lines
    corpora. Yields an Article or a LoadError for each input (each record of a corpus); records
    both into `summary` when one is given."""
    for item in iter_paths(inputs):
        if isinstance(item, LoadError):
            results: Iterable[Article | LoadError] = [item]
        elif item.suffix.lower() in JSONL_SUFFIXES:
            results = iter_jsonl(item, limits=limits, summary=summary)
        else:
            results = [_load_one(item, limits, summary)]
        for result in results:
            if summary is not None:
                summary.record(result)
            yield result


def _load_one(path: Path, limits: Limits, summary: LoadSummary | None) -> Article | LoadError:
    try:
        data = _read(path, limits.max_file_bytes)
        if summary is not None:
            summary.input_bytes += len(data)
        return load_bytes(data, str(path), suffix=path.suffix, limits=limits)
    except LoadError as exc:
        return exc
