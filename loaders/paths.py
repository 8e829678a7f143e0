"""Which files are inputs: files, directories (walked recursively, in a stable order), glob
patterns, each file once; and reading one file within its byte limit.

In a directory, a file is an input by its extension when the extension is an article one, and
by its content otherwise: saved server pages (`.jsp`, `.asp`, `.php`, `.shtml`…) and other
files of unknown extension are read when their first bytes are text, and skipped, with the
reason, when they are binary (images, archives, office documents) or when the extension names
code, style sheets or data tables.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from loaders.decode import SNIFF_BYTES, sniff_binary
from loaders.errors import LoadError

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
PathLike = str | os.PathLike[str]


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


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of one file, or LoadError when it is over `limit` or cannot be read."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise LoadError(
                str(path), f"file is {size:,} bytes, over the {limit:,} byte limit for one article"
            )
        return path.read_bytes()
    except OSError as exc:
        raise LoadError(str(path), f"cannot read: {exc.strerror or exc}") from None
