"""Which files are inputs: files, directories (walked recursively, in a stable order), glob
patterns, each file once; and reading one file within its byte limit.

In a directory, a file is an input by its extension when the extension is an article one, and
by its content otherwise: saved server pages (`.jsp`, `.asp`, `.php`, `.shtml`…) and other
files of unknown extension are read when their first bytes are text, and skipped, with the
reason, when they are binary (images, archives, office documents) or when the extension names
code, style sheets or data tables.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
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


def path_text(path: PathLike) -> str:
    """A path as text that can be printed and stored: a file name that is not valid UTF-8 (a
    GBK name from a zip, say) keeps its bytes as `\\xNN` escapes instead of lone surrogates."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _stat_problem(path: Path) -> tuple[os.stat_result | None, str | None]:
    """(stat, None) for a path that can be looked at, or (None, why not) in words."""
    try:
        return path.stat(), None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, "a symbolic link loop (too many levels of symbolic links); skipped"
        if exc.errno == errno.ENOENT and path.is_symlink():
            target = path_text(os.readlink(path))
            return None, f"a broken symbolic link (its target {target} does not exist)"
        if exc.errno == errno.ENOENT:
            return None, "no such file or directory"
        return None, f"cannot read: {exc.strerror or exc}"


def special_file(mode: int) -> str | None:
    """Why a file of this mode is not read (a FIFO or socket would block, a device never
    ends), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kinds = (
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    what = next((name for test, name in kinds if test(mode)), "not a regular file")
    return f"{what}, not a regular file: skipped without opening it"


def _walk(root: Path) -> Iterator[Path | LoadError]:
    """Files under a directory in a stable order; hidden files and folders are not inputs.
    A symbolic link to a folder is followed, once: a link back to a folder already walked (a
    loop) is reported. A folder that cannot be listed and a special file (FIFO, socket,
    device) are reported, not skipped silently."""
    unreadable: list[OSError] = []
    walked: set[tuple[int, int]] = set()
    try:
        top = root.stat()
        walked.add((top.st_dev, top.st_ino))
    except OSError:
        pass
    for folder, dirs, files in os.walk(root, onerror=unreadable.append, followlinks=True):
        while unreadable:
            exc = unreadable.pop(0)
            where = path_text(exc.filename or folder)
            yield LoadError(where, f"cannot list folder: {exc.strerror}")
        kept = []
        for name in sorted(d for d in dirs if not d.startswith(".")):
            sub = Path(folder, name)
            info, problem = _stat_problem(sub)
            if info is None:
                yield LoadError(path_text(sub), problem or "cannot read")
                continue
            key = (info.st_dev, info.st_ino)
            if key in walked:
                yield LoadError(
                    path_text(sub),
                    "a symbolic link to a folder read already (a link loop or a second name "
                    "for it); not read twice",
                )
                continue
            walked.add(key)
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            if name.startswith("."):
                continue
            yield _classify(Path(folder, name))
    for exc in unreadable:
        yield LoadError(path_text(exc.filename or root), f"cannot list folder: {exc.strerror}")


def _classify(path: Path) -> Path | LoadError:
    """A file of a walked folder: the path when it is an input, else why not."""
    info, problem = _stat_problem(path)
    if info is None:
        return LoadError(path_text(path), problem or "cannot read")
    special = special_file(info.st_mode)
    if special:
        return LoadError(path_text(path), special)
    if path.suffix.lower() in ARTICLE_SUFFIXES:
        return path
    reason = _not_article(path)
    return path if reason is None else LoadError(path_text(path), reason)


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
                    info = item.stat()
                except OSError:
                    yield item  # reading it will report why
                    continue
                if (info.st_dev, info.st_ino) in seen:
                    continue  # the same file named twice (overlapping inputs, links)
                seen.add((info.st_dev, info.st_ino))
            yield item

    for raw in inputs:
        path = Path(raw)
        info, problem = _stat_problem(path)
        if info is not None and stat.S_ISDIR(info.st_mode):
            yield from once(_walk(path))
        elif info is not None:
            special = special_file(info.st_mode)
            yield from once([path]) if special is None else [LoadError(path_text(path), special)]
        elif problem == "no such file or directory" and glob.has_magic(str(raw)):
            matches = sorted(glob.glob(str(raw), recursive=True))
            if not matches:
                yield LoadError(path_text(raw), "no file matches this pattern")
            for match in matches:
                found = Path(match)
                yield from once(_walk(found) if found.is_dir() else [_classify(found)])
        else:
            yield LoadError(path_text(path), problem or "cannot read")


def unreadable(path: Path) -> LoadError | None:
    """Why `path` cannot be read as a file (missing, a link loop, a FIFO, a device…), or None:
    checked before opening, since opening a FIFO blocks until someone writes to it."""
    info, problem = _stat_problem(path)
    if info is None:
        return LoadError(path_text(path), problem or "cannot read")
    special = special_file(info.st_mode)
    return None if special is None else LoadError(path_text(path), special)


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of one file, or LoadError when it is over `limit` or cannot be read."""
    problem = unreadable(path)
    if problem is not None:
        raise problem
    try:
        size = path.stat().st_size
        if size > limit:
            raise LoadError(
                path_text(path),
                f"file is {size:,} bytes, over the {limit:,} byte limit for one article",
            )
        return path.read_bytes()
    except OSError as exc:
        raise LoadError(path_text(path), f"cannot read: {exc.strerror or exc}") from None
