"""Incremental ingest by content on a real Neo4j: skipped before extraction, one Article per
text with all its paths, a new extractor version re-extracts, a file's new text moves its path."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from graph.ingest import ingest
from graph.model import Article, Entity, Extraction

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles"

TEXTS = {
    "a.txt": "星云科技在洛阳市建设工业互联网平台。\n星云科技表示，平台已服务三百家企业。",
    "b.txt": "晨曦制造与洛阳市签署合作协议。\n晨曦制造将建设数字化工厂。",
}
CALLS: list[str] = []


def counting_extract(article: Article) -> Extraction:
    """One Company per article, named by the text's first four characters; every call
    recorded."""
    CALLS.append(article.path or article.id)
    return Extraction(article, (Entity("Company", article.text[:4]),), ())


def run(folder: Path, graph: Any, version: str = "v1") -> Any:
    CALLS.clear()
    summary = ingest([str(folder)], graph=graph, extract=counting_extract, version=version)
    assert not summary.skipped, summary.lines()
    return summary.written


def articles(graph: Any) -> list[tuple[str, str, list[str]]]:
    rows = graph.run_read(
        "MATCH (a:Article) RETURN a.title AS title, a.path AS path, a.paths AS paths "
        "ORDER BY title")
    return [(r["title"], Path(r["path"]).name, [Path(p).name for p in r["paths"]]) for r in rows]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "copy-of-a.txt").write_text(TEXTS["a.txt"], encoding="utf-8")
    return tmp_path


def test_one_article_per_text_and_reingest_skips_before_extraction(
    neo4j_db: Any, corpus: Path
) -> None:
    first = run(corpus, neo4j_db)
    assert sorted(Path(c).name for c in CALLS) == ["a.txt", "b.txt"]  # the copy is not extracted
    assert (first.new, first.changed, first.unchanged) == (2, 0, 1)
    assert articles(neo4j_db) == [
        ("星云科技在洛阳市建设工业互联网平台。", "a.txt", ["a.txt", "copy-of-a.txt"]),
        ("晨曦制造与洛阳市签署合作协议。", "b.txt", ["b.txt"]),
    ]
    stats = neo4j_db.stats()
    again = run(corpus, neo4j_db)
    assert CALLS == []
    assert (again.new, again.changed, again.unchanged) == (0, 0, 3)
    assert (again.nodes_created, again.nodes_deleted, again.properties_set) == (0, 0, 0)
    assert (again.relationships_created, again.relationships_deleted) == (0, 0)
    assert neo4j_db.stats() == stats


def test_a_copy_found_later_only_adds_its_path(neo4j_db: Any, corpus: Path) -> None:
    (corpus / "copy-of-a.txt").unlink()
    run(corpus, neo4j_db)
    shutil.copy(corpus / "b.txt", corpus / "mirror-b.txt")
    (corpus / "copy-of-a.txt").write_text(TEXTS["a.txt"], encoding="utf-8")
    result = run(corpus, neo4j_db)
    assert CALLS == []
    assert (result.new, result.changed, result.unchanged) == (0, 0, 4)
    assert result.nodes_created == result.nodes_deleted == 0
    assert [paths for _, _, paths in articles(neo4j_db)] == [
        ["a.txt", "copy-of-a.txt"], ["b.txt", "mirror-b.txt"]]
    again = run(corpus, neo4j_db)
    assert CALLS == [] and again.properties_set == 0 and again.unchanged == 4


def test_a_new_extractor_version_extracts_again(neo4j_db: Any, corpus: Path) -> None:
    run(corpus, neo4j_db, version="v1")
    result = run(corpus, neo4j_db, version="v2")
    assert sorted(Path(c).name for c in CALLS) == ["a.txt", "b.txt"]
    assert (result.new, result.unchanged) == (0, 3)  # same extraction: nothing rewritten
    stamps = neo4j_db.run_read("MATCH (a:Article) RETURN DISTINCT a.extractor AS v")
    assert [r["v"] for r in stamps] == ["v2"]
    run(corpus, neo4j_db, version="v2")
    assert CALLS == []


def test_a_file_holding_another_text_moves_its_path(neo4j_db: Any, corpus: Path) -> None:
    run(corpus, neo4j_db)
    # the copy now holds b's text: it leaves a's Article for b's, nothing is extracted
    (corpus / "copy-of-a.txt").write_text(TEXTS["b.txt"], encoding="utf-8")
    moved = run(corpus, neo4j_db)
    assert CALLS == [] and (moved.new, moved.changed) == (0, 0)
    assert [paths for _, _, paths in articles(neo4j_db)] == [
        ["a.txt"], ["b.txt", "copy-of-a.txt"]]
    # b.txt is edited: a new Article; the old text keeps only the copy's path
    (corpus / "b.txt").write_text("曙光软件发布新一代工业软件。", encoding="utf-8")
    edited = run(corpus, neo4j_db)
    assert [Path(c).name for c in CALLS] == ["b.txt"]
    assert (edited.new, edited.changed) == (0, 1)
    assert articles(neo4j_db) == [
        ("星云科技在洛阳市建设工业互联网平台。", "a.txt", ["a.txt"]),
        ("晨曦制造与洛阳市签署合作协议。", "copy-of-a.txt", ["copy-of-a.txt"]),
        ("曙光软件发布新一代工业软件。", "b.txt", ["b.txt"]),
    ]
    # the last path of a text goes: its Article goes with its mentions
    (corpus / "copy-of-a.txt").write_text(TEXTS["a.txt"], encoding="utf-8")
    run(corpus, neo4j_db)
    assert [title for title, _, _ in articles(neo4j_db)] == [
        "星云科技在洛阳市建设工业互联网平台。", "曙光软件发布新一代工业软件。"]
    names = neo4j_db.run_read("MATCH (c:Company) RETURN c.name AS name ORDER BY name")
    assert [r["name"] for r in names] == ["星云科技", "曙光软件"]


def test_reingest_of_the_seeds_with_the_real_extractor_writes_nothing(
    neo4j_db: Any, tmp_path: Path
) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    first_name = sorted(corpus.glob("*.txt"))[0]
    shutil.copy(first_name, tmp_path / "seeds" / "mirror.txt")
    first = ingest([str(corpus)], graph=neo4j_db)
    assert first.written.new == 5 and first.written.unchanged == 1
    stats = neo4j_db.stats()
    again = ingest([str(corpus)], graph=neo4j_db)
    assert again.written.changed == 0 and again.written.unchanged == 6
    assert again.written.properties_set == again.written.nodes_created == 0
    assert neo4j_db.stats() == stats
