"""The extractor version: which extraction an Article in the graph was made with.

A hash of the package version, of every file of ``loaders/extract`` (the rules, the confidence
table), of the gazetteer's data (``seeds/gazetteer/*.csv``) and of whether the statistical tagger
is on. An ingest skips an
article whose text and metadata (its content hash) were extracted before by the same version;
any change to the rules or their data gives a new version, and the next ingest re-extracts.

    from loaders.extract.version import extractor_version
    extractor_version()             # e.g. "0.1.0+3f9c2a71d04e" (statistical tagger as configured)

With resolution decisions (``--resolutions``), their digest is part of the version
(``0.1.0+3f9c2a71d04e+d5b0e19c2a7f1``): other decisions re-extract every article.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from loaders.extract import lac

_HERE = Path(__file__).resolve().parent
_SUFFIXES = frozenset({".py", ".csv", ".txt", ".json", ".tsv"})


def _package_version() -> str:
    try:
        return metadata.version("iikg")
    except metadata.PackageNotFoundError:
        return "0"


@cache
def _sources_digest() -> str:
    digest = hashlib.blake2b(digest_size=6)
    for path in sorted(_HERE.rglob("*")):
        if path.suffix in _SUFFIXES and "__pycache__" not in path.parts:
            digest.update(path.relative_to(_HERE).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    # the gazetteer's data (seeds/gazetteer/*.csv) is read by the rules too
    gazetteer = resources.files("seeds").joinpath("gazetteer")
    for entry in sorted(gazetteer.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".csv"):
            digest.update(b"gazetteer/" + entry.name.encode("utf-8") + b"\0")
            digest.update(entry.read_bytes() + b"\0")
    return digest.hexdigest()


def extractor_version(statistical: bool | None = None, decisions: str | None = None) -> str:
    """The version of the extraction `Extractor(statistical=...)` makes (default: as the
    environment configures the statistical tagger, IIKG_STATISTICAL_NER); `decisions`: the
    digest of the resolution decisions applied to it (loaders.extract.decisions), if any."""
    use_tagger = lac.enabled() if statistical is None else statistical
    decided = f"+d{decisions}" if decisions else ""
    return f"{_package_version()}+{_sources_digest()}{'' if use_tagger else '-rules'}{decided}"
