"""The extractor version changes when the gazetteer's data changes, so an ingest re-extracts."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from loaders.extract import version


def _digest_with(monkeypatch: pytest.MonkeyPatch, seeds: Path) -> str:
    monkeypatch.setattr(version.resources, "files", lambda package: seeds)
    version._sources_digest.cache_clear()
    try:
        return version._sources_digest()
    finally:
        version._sources_digest.cache_clear()


def test_an_edited_gazetteer_file_gives_another_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = Path(str(resources.files("seeds").joinpath("gazetteer")))
    shutil.copytree(shipped, tmp_path / "gazetteer")
    same = _digest_with(monkeypatch, tmp_path)
    assert _digest_with(monkeypatch, tmp_path) == same
    with (tmp_path / "gazetteer" / "companies.csv").open("a", encoding="utf-8") as f:
        f.write("星岚测试集团,,,企业,,\n")
    assert _digest_with(monkeypatch, tmp_path) != same
