"""Re-ingest on a real Neo4j: an unchanged corpus, the same texts under two paths included, is
neither loaded nor extracted and commits no write; a file whose bytes changed is loaded again
even when its size and modification time are the ones it had."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest

import graph.ingest_files
from graph.ingest import ingest
from graph.model import Article, Entity, Extraction

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles"


def every_property(graph: Any) -> list[str]:
    """Every node and relationship with all its properties (`ingested_at` included), sorted."""
    nodes = graph.run_read("MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
    rels = graph.run_read(
        "MATCH (a)-[r]->(b) RETURN type(r) AS t, properties(r) AS p, "
        "coalesce(a.id, a.name, a.key, a.rel) AS a, coalesce(b.id, b.name, b.key, b.rel) AS b")
    return sorted(json.dumps(row, ensure_ascii=False, sort_keys=True, default=str)
                  for row in [*nodes, *rels])


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, int]]:
    """Counts of write transactions, of inputs loaded and of articles extracted."""
    counts = {"writes": 0, "loaded": 0}
    execute_write = neo4j.Session.execute_write

    def counting_write(self: Any, *args: Any, **kwargs: Any) -> Any:
        counts["writes"] += 1
        return execute_write(self, *args, **kwargs)

    load_input = graph.ingest_files.load_input

    def counting_load(*args: Any, **kwargs: Any) -> Any:
        counts["loaded"] += 1
        return load_input(*args, **kwargs)

    monkeypatch.setattr(neo4j.Session, "execute_write", counting_write)
    monkeypatch.setattr(graph.ingest_files, "load_input", counting_load)
    yield counts


def test_reingest_with_copies_under_a_second_folder_commits_nothing(
    neo4j_db: Any, tmp_path: Path, counted: dict[str, int]
) -> None:
    corpus, mirror = tmp_path / "corpus", tmp_path / "mirror"
    shutil.copytree(SEEDS, corpus)
    mirror.mkdir()
    for path in sorted(corpus.glob("*.txt"))[:3]:
        shutil.copy(path, mirror / path.name)
    first = ingest([str(corpus), str(mirror)], graph=neo4j_db, jobs=2)
    assert (first.written.new, first.written.unchanged) == (5, 3)
    assert len(first.duplicates) == 3
    before = every_property(neo4j_db)
    counted.update(writes=0, loaded=0)
    for jobs in (1, 2):
        again = ingest([str(corpus), str(mirror)], graph=neo4j_db, jobs=jobs)
        w = again.written
        assert (w.new, w.changed, w.unchanged) == (0, 0, 8)
        assert again.read == 8 and len(again.duplicates) == 3 and not again.skipped
        assert counted == {"writes": 0, "loaded": 0}  # no file parsed, no transaction written
    assert every_property(neo4j_db) == before


def by_first_words(article: Article) -> Extraction:
    return Extraction(article, (Entity("Company", article.text[:4]),), ())


def test_changed_bytes_with_the_same_size_and_time_are_loaded_again(
    neo4j_db: Any, tmp_path: Path, counted: dict[str, int]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("星云科技在洛阳市建设工业互联网平台。", encoding="utf-8")
    stamp = path.stat()
    ingest([str(tmp_path)], graph=neo4j_db, extract=by_first_words, version="v1")
    path.write_text("晨曦科技在洛阳市建设工业互联网平台。", encoding="utf-8")  # same size
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert path.stat().st_size == stamp.st_size and path.stat().st_mtime_ns == stamp.st_mtime_ns
    counted.update(loaded=0)
    edited = ingest([str(tmp_path)], graph=neo4j_db, extract=by_first_words, version="v1")
    assert counted["loaded"] == 1 and edited.written.changed == 1
    names = neo4j_db.run_read("MATCH (c:Company) RETURN c.name AS name")
    assert [r["name"] for r in names] == ["晨曦科技"]


def test_articles_without_file_keys_get_them_once(
    neo4j_db: Any, tmp_path: Path, counted: dict[str, int]
) -> None:
    """A graph written before file keys (or by a bare write): the first re-ingest loads the
    files and records their keys without changing anything else; the next one loads none."""
    for name, text in {"a.txt": "星云科技发布平台。", "b.txt": "晨曦制造签署协议。"}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    shutil.copy(tmp_path / "a.txt", tmp_path / "copy.txt")
    ingest([str(tmp_path)], graph=neo4j_db, extract=by_first_words, version="v1")
    neo4j_db.run_write("MATCH (a:Article) REMOVE a.file_keys")
    counted.update(loaded=0)
    first = ingest([str(tmp_path)], graph=neo4j_db, extract=by_first_words, version="v1")
    assert counted["loaded"] == 3 and first.written.unchanged == 3
    assert first.written.nodes_created == first.written.nodes_deleted == 0
    keys = neo4j_db.run_read("MATCH (a:Article) RETURN a.path AS p, size(a.file_keys) AS n")
    assert sorted((Path(r["p"]).name, r["n"]) for r in keys) == [("a.txt", 2), ("b.txt", 1)]
    counted.update(loaded=0)
    again = ingest([str(tmp_path)], graph=neo4j_db, extract=by_first_words, version="v1")
    assert counted["loaded"] == 0 and again.written.unchanged == 3
    assert again.written.properties_set == 0
