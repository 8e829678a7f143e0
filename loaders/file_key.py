"""What a file loads to, known from its bytes: the key an ingest remembers to skip loading.

Loading a file is a pure function of its path, its bytes and the loading code: the same three
always give the same Article (id, text, metadata). ``file_key`` hashes the path and the bytes
together with ``loader_digest`` (every file of ``loaders/`` outside ``loaders/extract``, the
Article model, the versions of the libraries that parse and convert text, Python's Unicode
tables and the load limits), so a key seen before means "this file loads to what it loaded to
then". Neither the time a file was modified nor its size is trusted: a file edited and put back
with the same size and time still has other bytes. Any change to the loading code or those
libraries gives other keys, and every file is loaded again once.

    from loaders.file_key import file_key
    file_key("news/a.txt", data)   # "3f9c2a71d04e:5b0e19c2a7f1d04e3f9c2a71"
"""

from __future__ import annotations

import hashlib
import sys
import unicodedata
from functools import cache
from importlib import metadata
from pathlib import Path

from loaders.limits import DEFAULT_LIMITS, Limits

_LOADERS = Path(__file__).resolve().parent
_MODEL = _LOADERS.parent / "graph" / "model.py"
_LIBRARIES = ("iikg", "opencc-python-reimplemented", "PyYAML", "selectolax")


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


@cache
def loader_digest(limits: Limits = DEFAULT_LIMITS) -> bytes:
    """A hash of everything a load depends on besides the path and the bytes."""
    digest = hashlib.blake2b(digest_size=16)
    sources = [*sorted(_LOADERS.glob("*.py")), _MODEL]
    for path in sources:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    facts = [*(f"{n}={_version(n)}" for n in _LIBRARIES), f"python={sys.version_info[:2]}",
             f"unicode={unicodedata.unidata_version}", repr(limits)]
    digest.update("\0".join(facts).encode("utf-8"))
    return digest.digest()


def path_tag(where: str) -> str:
    """The part of a key that names the path: every key of one path starts with it."""
    return hashlib.blake2b(where.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()


def file_key(where: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    """The key of the file `where` (its path as the Article records it) holding `data`."""
    body = hashlib.blake2b(loader_digest(limits), digest_size=12)
    body.update(data)
    return f"{path_tag(where)}:{body.hexdigest()}"
