"""Where articles come from: files, directories (recursive), glob patterns, JSON Lines corpora
and JSON files (one article object or a list of them).

`iter_articles` streams: it holds one file (or one JSON Lines record) at a time, so memory does
not grow with the corpus (a `.json` list is read whole, within the one-file limit). Every input
ends up either as an `Article` or as a `LoadError` naming the file and the reason; one bad input
never stops the others, and `LoadSummary` counts both.

In a directory, a file is an input by its extension when the extension is an article one, and
by its content otherwise: saved server pages (`.jsp`, `.asp`, `.php`, `.shtml`…) and other
files of unknown extension are read when their first bytes are text, and skipped, with the
reason, when they are binary (images, archives, office documents) or when the extension names
code, style sheets or data tables.
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
from loaders.decode import SNIFF_BYTES, decode_bytes, sniff_binary
from loaders.errors import LoadError, Rejected
from loaders.formats import parse_body, parse_document
from loaders.metadata import MAX_LINE_CHARS, build_article

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSON_SUFFIXES = frozenset({".json"})
ARTICLE_SUFFIXES = (
    frozenset(
        {"", ".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".xhtml"}
    )
    | JSONL_SUFFIXES
    | JSON_SUFFIXES
)
# Extensions that never hold an article, skipped in a directory without a look inside: binary
# formats (the content is still sniffed for the reason) and text that is code, style or data.
_NOT_ARTICLE_KINDS = {
    "an image": ".png .jpg .jpeg .gif .bmp .webp .ico .tif .tiff .psd .heic .avif",
    "an archive": ".zip .gz .tgz .bz2 .xz .7z .rar .tar .jar .war .zst",
    "an office document": ".pdf .doc .docx .xls .xlsx .ppt .pptx .odt .ods .odp .rtf .wps .epub",
    "audio or video": ".mp3 .mp4 .avi .mov .wav .flac .ogg .webm .mkv .flv .swf",
    "a binary file": ".exe .dll .so .dylib .o .a .class .pyc .bin .dat .db .sqlite .woff .woff2"
    " .ttf .otf .eot",
    "code or a style sheet": ".css .scss .less .js .mjs .ts .map .py .java .c .h .cpp .go .rs"
    " .sh .bat .ps1 .sql",
    "data or configuration": ".csv .tsv .xml .svg .yml .yaml .toml .ini .cfg .conf .properties"
    " .lock .log",
}
NOT_ARTICLE_SUFFIXES = {
    suffix: what for what, names in _NOT_ARTICLE_KINDS.items() for suffix in names.split()
}
# Fields of a JSON record, and the other names feeds and scrapers give them. The body: `html` is
# HTML, `text` plain text, `content` and `body` either (sniffed for tags).
RECORD_FIELDS = {
    "title": ("title", "headline"),
    "date": ("date", "pubDate", "pubdate", "pub_date", "published", "published_at", "publishedAt"),
    "source": ("source",),
    "url": ("url", "link"),
    "id": ("id",),
    "author": ("author",),
    "editor": ("editor",),
    "categories": ("categories", "category"),
    "tags": ("tags",),
}
BODY_FIELDS = (("html", True), ("text", False), ("content", None), ("body", None))
NOT_ARTICLE_KEYS = ("entities", "relations")  # a gold file or an extraction, not an article

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
                reason = _not_article(path)
                yield path if reason is None else LoadError(str(path), reason)
    for exc in unreadable:
        yield LoadError(str(exc.filename or root), f"cannot list folder: {exc.strerror}")


def _not_article(path: Path) -> str | None:
    """Why a file of a walked folder with no article extension is not an input, or None when
    its first bytes are text (an HTML page saved as .jsp, .asp, .php, .shtml…)."""
    suffix = path.suffix.lower()
    head = b""
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        if suffix not in NOT_ARTICLE_SUFFIXES:
            return None  # reading it will report why
    binary = sniff_binary(head) if head else None
    if binary:
        return f"not an article file (extension {path.suffix!r}): {binary}"
    if suffix in NOT_ARTICLE_SUFFIXES:
        return f"not an article file (extension {path.suffix!r}, {NOT_ARTICLE_SUFFIXES[suffix]})"
    return None


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
    """One article file (text, Markdown with front matter, HTML, a JSON article object).
    Raises LoadError."""
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


def _json_kind(value: Any) -> str:
    kinds = {dict: "object", list: "list", str: "string", bool: "boolean", int: "number"}
    return "null" if value is None else kinds.get(type(value), "number")


def _record_fields(record: dict[str, Any]) -> dict[str, Any]:
    """The declared fields of a record under their canonical names (first non-empty alias)."""
    fields: dict[str, Any] = {}
    for name, aliases in RECORD_FIELDS.items():
        for key in aliases:
            value = record.get(key)
            if value is not None and value != "":
                fields[name] = value
                break
    return fields


def article_from_record(record: Any, where: str, *, limits: Limits = DEFAULT_LIMITS) -> Article:
    """One JSON record (a JSON Lines line, a .json file or one element of its list), already
    parsed → Article. The body is `html`, `text`, `content` or `body`, the first non-empty one;
    the fields are those of RECORD_FIELDS. Raises LoadError naming `where`."""
    try:
        if not isinstance(record, dict):
            raise Rejected(f"record is a JSON {_json_kind(record)}, not an object")
        fields = _record_fields(record)
        for key, html in BODY_FIELDS:
            body = record.get(key)
            if isinstance(body, str) and body.strip():
                doc = parse_body(body, fields, markdown=False, html=html)
                break
        else:
            held = [k for k in NOT_ARTICLE_KEYS if k in record]
            if held:
                keys = " and ".join(repr(k) for k in held)
                raise Rejected(
                    f"not an article: the object holds {keys} but no article text "
                    "(a gold or extraction file?)"
                )
            raise Rejected(
                "record has no non-empty 'text' or 'html' string (nor 'content' or 'body')"
            )
        return build_article(doc, path=where, max_line_chars=limits.max_line_chars)
    except Rejected as exc:
        raise LoadError(where, exc.reason) from None


def _parse_json(text: str, where: str) -> Any:
    """Parsed JSON, or LoadError naming `where` and what is wrong."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(
            where, f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise LoadError(where, "invalid JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. a number too long to convert
        raise LoadError(where, f"invalid JSON: {exc}") from None


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


# -- JSON files --------------------------------------------------------------------------------


def json_articles(
    data: bytes, path: str, *, limits: Limits = DEFAULT_LIMITS
) -> list[Article | LoadError]:
    """The articles of a `.json` file: one for an article object, one per element for a list
    (a bad element is a LoadError naming `file[index]`, the others still load). A file that is
    not JSON, or JSON that is not an article (a gold file, a scalar, an empty list), is one
    LoadError naming the file."""
    try:
        if len(data) > limits.max_file_bytes:
            raise Rejected(
                f"file is {len(data):,} bytes, over the {limits.max_file_bytes:,} byte limit "
                "for one file (use JSON Lines for large corpora)"
            )
        text, _encoding = decode_bytes(data)
    except Rejected as exc:
        return [LoadError(path, exc.reason)]
    try:
        parsed = _parse_json(text, path)
    except LoadError as exc:
        return [exc]
    if isinstance(parsed, dict):
        records: list[tuple[Any, str]] = [(parsed, path)]
    elif isinstance(parsed, list):
        if not parsed:
            return [LoadError(path, "an empty JSON list, no article")]
        records = [(record, f"{path}[{i}]") for i, record in enumerate(parsed)]
    else:
        return [
            LoadError(path, f"a JSON {_json_kind(parsed)}, not an article object or a list of them")
        ]
    out: list[Article | LoadError] = []
    for record, where in records:
        try:
            out.append(article_from_record(record, where, limits=limits))
        except LoadError as exc:
            out.append(exc)
    return out


def iter_json(
    path: PathLike, *, limits: Limits = DEFAULT_LIMITS, summary: LoadSummary | None = None
) -> Iterator[Article | LoadError]:
    """Articles of a `.json` file (see `json_articles`)."""
    path = Path(path)
    try:
        data = _read(path, limits.max_file_bytes)
    except LoadError as exc:
        yield exc
        return
    if summary is not None:
        summary.input_bytes += len(data)
    yield from json_articles(data, str(path), limits=limits)


# -- everything --------------------------------------------------------------------------------


def iter_articles(
    inputs: PathLike | Iterable[PathLike],
    *,
    limits: Limits = DEFAULT_LIMITS,
    summary: LoadSummary | None = None,
) -> Iterator[Article | LoadError]:
    """Stream articles from files, directories (recursive), glob patterns, JSON Lines corpora
    and JSON files. Yields an Article or a LoadError for each input (each record of a corpus);
    records both into `summary` when one is given."""
    for item in iter_paths(inputs):
        if isinstance(item, LoadError):
            results: Iterable[Article | LoadError] = [item]
        elif item.suffix.lower() in JSONL_SUFFIXES:
            results = iter_jsonl(item, limits=limits, summary=summary)
        elif item.suffix.lower() in JSON_SUFFIXES:
            results = iter_json(item, limits=limits, summary=summary)
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
