"""Articles held as JSON: the records of a JSON Lines corpus (one per line, streamed) and
`.json` files (one article object or a list of them). A record's fields go by several names
(RECORD_FIELDS), its body is HTML, plain text or either (BODY_FIELDS); a bad record is a
LoadError naming `file:line` or `file[index]`, and the others still load."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from graph.model import Article
from loaders.decode import decode_bytes
from loaders.errors import LoadError, Rejected, unexpected
from loaders.formats import parse_body
from loaders.limits import DEFAULT_LIMITS, Limits, LoadSummary
from loaders.metadata import build_article
from loaders.paths import PathLike, path_text, read_bytes, unreadable

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


# -- one record --------------------------------------------------------------------------------


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
    except Exception as exc:  # one record's failure must not stop the corpus
        return unexpected(where, exc)


def iter_jsonl(
    path: PathLike, *, limits: Limits = DEFAULT_LIMITS, summary: LoadSummary | None = None
) -> Iterator[Article | LoadError]:
    """Articles of a JSON Lines corpus, one record per line; a bad line is a LoadError naming
    `file:line`, and the lines after it go on."""
    path = Path(path)
    problem = unreadable(path)  # a FIFO or a device is never opened
    if problem is not None:
        yield problem
        return
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield LoadError(path_text(path), f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        try:
            records = 0
            for number, line in _bounded_lines(stream, limits.max_record_bytes):
                if summary is not None:
                    summary.input_bytes += len(line) if line else limits.max_record_bytes
                item = _record(line, f"{path_text(path)}:{number}", limits)
                if item is not None:
                    records += 1
                    yield item
            if not records:
                yield LoadError(path_text(path), "no record: the JSON Lines file is empty")
        except OSError as exc:
            yield LoadError(path_text(path), f"read failed: {exc.strerror or exc}")


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
        except Exception as exc:  # one record's failure must not stop the file
            out.append(unexpected(where, exc))
    return out


def iter_json(
    path: PathLike, *, limits: Limits = DEFAULT_LIMITS, summary: LoadSummary | None = None
) -> Iterator[Article | LoadError]:
    """Articles of a `.json` file (see `json_articles`)."""
    path = Path(path)
    try:
        data = read_bytes(path, limits.max_file_bytes)
    except LoadError as exc:
        yield exc
        return
    if summary is not None:
        summary.input_bytes += len(data)
    yield from json_articles(data, path_text(path), limits=limits)
