"""Resolution decisions with an incremental ingest on a real Neo4j: the --jobs workers apply
them, a re-ingest under the same decisions extracts nothing, other decisions re-extract."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.ingest import ingest
from graph.model import Article, Entity, Extraction
from loaders.extract.decisions import load_decisions
from loaders.extract.version import extractor_version

HEADER = "action,name,label,target,target_label,note\n"


def first_word(article: Article) -> Extraction:
    """One Company per article: the text up to its first 在."""
    return Extraction(article, (Entity("Company", article.text.split("在")[0]),), ())


def _decided(tmp_path: Path, body: str) -> tuple[Any, str]:
    path = tmp_path / "decisions.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    decisions = load_decisions(path)
    return decisions.wrap(first_word), extractor_version(decisions=decisions.digest())


def companies(graph: Any) -> list[str]:
    rows = graph.run_read("MATCH (c:Company) RETURN c.name AS name ORDER BY name")
    return [r["name"] for r in rows]


def test_workers_apply_the_decisions_and_other_decisions_re_extract(
    neo4j_db: Any, tmp_path: Path
) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    for i, firm in enumerate(["星云", "晨曦制造", "星云"]):
        (corpus / f"{i}.txt").write_text(f"{firm}在洛阳市建厂，第{i}期。", encoding="utf-8")
    extract, version = _decided(tmp_path, "merge,星云,Company,星云科技,,\n")
    first = ingest([str(corpus)], graph=neo4j_db, extract=extract, version=version, jobs=2,
                   batch_size=2)
    assert companies(neo4j_db) == ["星云科技", "晨曦制造"]
    assert (first.written.new, first.written.changed) == (3, 0)
    again = ingest([str(corpus)], graph=neo4j_db, extract=extract, version=version, jobs=2)
    assert (again.written.new, again.written.changed, again.written.unchanged) == (0, 0, 3)
    assert again.ingested == 3
    extract, other = _decided(tmp_path, "rename,晨曦制造,Company,晨曦智造,,\n")
    assert other != version
    changed = ingest([str(corpus)], graph=neo4j_db, extract=extract, version=other, jobs=2)
    assert (changed.written.new, changed.written.unchanged) == (0, 0)
    assert companies(neo4j_db) == ["星云", "晨曦智造"]
