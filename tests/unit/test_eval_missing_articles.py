"""`iikg eval`: a gold file whose article did not load or did not extract counts as all misses
and is named; gold files no input names are listed, not scored. Gold and articles are invented."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from support.fakes import FakeArticle, FakeExtraction

from graph.cli import main
from graph.evaluate import Evaluation, score_one
from loaders import LoadError

GOLD_A = {
    "entities": [
        {"label": "Company", "name": "星河科技", "aliases": []},
        {"label": "Company", "name": "云帆制造", "aliases": []},
    ],
    "relations": [{"type": "PARTNERS_WITH", "head": "星河科技", "tail": "云帆制造"}],
}
GOLD_B = {
    "entities": [
        {"label": "Company", "name": "月影电子", "aliases": []},
        {"label": "City", "name": "长宁市", "aliases": ["长宁"]},
        {"label": "Person", "name": "林晓", "aliases": []},
    ],
    "relations": [
        {"type": "LOCATED_IN", "head": "月影电子", "tail": "长宁市"},
        {"type": "WORKS_FOR", "head": "林晓", "tail": "月影电子"},
    ],
}


def _perfect(article: FakeArticle) -> FakeExtraction:
    """An extraction that finds exactly the gold of its article."""
    gold = GOLD_A if Path(article.path).stem == "a" else GOLD_B
    labels = {e["name"]: e["label"] for e in gold["entities"]}
    relations = [
        {**r, "head_label": labels[r["head"]], "tail_label": labels[r["tail"]]}
        for r in gold["relations"]
    ]
    return FakeExtraction({"entities": gold["entities"], "relations": relations})


def test_a_gold_file_whose_article_was_skipped_counts_as_all_misses():
    run = Evaluation({"a": GOLD_A, "b": GOLD_B})
    messages: list[str] = []
    items = [FakeArticle("raw/a.txt"), LoadError("raw/b.jsp", "binary file (a PNG image)")]
    scored = list(run.run(items, _perfect, messages.append))
    assert [stem for stem, _ in scored] == ["a", "b"]
    assert run.scored == ["a"]
    assert run.no_article == {"b": "binary file (a PNG image)"}
    assert run.gold_files == 2 and run.no_input == []
    entities, relations = run.total.entity_micro, run.total.relation_micro
    assert (entities.gold, entities.gold_ok, entities.pred, entities.pred_ok) == (5, 2, 2, 2)
    assert (relations.gold, relations.gold_ok) == (3, 1)
    assert sum(1 for kind, _, _ in run.total.misses if kind == "entity-fn") == 3
    assert "skipped raw/b.jsp: binary file (a PNG image)" in messages
    assert messages[-1] == "1 article(s) read, 1 extracted, 1 skipped, 0 failed"


def test_a_failed_extraction_counts_as_all_misses():
    def explode(article: FakeArticle) -> FakeExtraction:
        if article.path.endswith("b.md"):
            raise RuntimeError("boom")
        return _perfect(article)

    run = Evaluation({"a": GOLD_A, "b": GOLD_B})
    list(run.run([FakeArticle("a.md"), FakeArticle("b.md")], explode))
    assert set(run.no_article) == {"b"} and "boom" in run.no_article["b"]
    assert run.total.entity_micro.gold == 5 and run.total.entity_micro.gold_ok == 2


def test_misses_equal_scoring_an_empty_extraction():
    run = Evaluation({"b": GOLD_B})
    list(run.run([LoadError("b.jsp", "empty file")], _perfect))
    empty = score_one({"entities": [], "relations": []}, GOLD_B)
    assert run.total.to_json() == empty.to_json()
    assert empty.entity_micro.recall == 0 and empty.entity_micro.gold == 3


def test_one_record_of_a_corpus_scored_is_enough_for_its_stem():
    run = Evaluation({"a": GOLD_A})
    items = [LoadError("a.json[0]", "record is a JSON string"), FakeArticle("a.json[1]")]
    list(run.run(items, _perfect))
    assert run.no_article == {} and run.scored == ["a"]


def test_gold_without_any_input_is_listed_not_scored():
    run = Evaluation({"a": GOLD_A, "b": GOLD_B})
    list(run.run([FakeArticle("a.txt")], _perfect))
    assert run.no_input == ["b"] and run.no_article == {}
    assert run.total.entity_micro.gold == 2


def _write_gold(folder: Path) -> None:
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(GOLD_A, ensure_ascii=False), encoding="utf-8")
    (folder / "b.json").write_text(json.dumps(GOLD_B, ensure_ascii=False), encoding="utf-8")


def test_eval_command_scores_and_names_gold_files_without_an_article(tmp_path: Path):
    gold, raw = tmp_path / "gold", tmp_path / "raw"
    _write_gold(gold)
    raw.mkdir()
    (raw / "a.txt").write_text("星河科技与云帆制造签署战略合作协议。\n", encoding="utf-8")
    (raw / "b.jsp").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    runner = CliRunner()
    table = runner.invoke(main, ["eval", "--gold", str(gold), str(raw)])
    assert table.exit_code == 0, table.output
    assert "2 gold file(s) scored" in table.stdout
    assert "1 without one (all their gold items count as misses)" in table.stdout
    assert "no article for b: not an article file (extension '.jsp'): binary file" in table.stdout
    as_json = runner.invoke(main, ["eval", "--gold", str(gold), str(raw), "--format", "json"])
    data = json.loads(as_json.stdout)
    assert data["articles"] == 1 and data["gold_files"] == 2
    assert list(data["no_article"]) == ["b"]
    assert data["entities"]["micro"]["gold"] == 5
    assert data["relations"]["micro"]["gold"] == 3


def test_eval_command_loads_a_jsp_page_in_a_directory(tmp_path: Path):
    gold, raw = tmp_path / "gold", tmp_path / "raw"
    _write_gold(gold)
    raw.mkdir()
    (raw / "a.jsp").write_text(
        '<%@ page contentType="text/html;charset=UTF-8"%>\n<html><head><title>星河</title>'
        "</head><body><p>星河科技与云帆制造签署战略合作协议。</p></body></html>",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["eval", "--gold", str(gold), str(raw), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"] == 1 and data["no_article"] == {} and data["no_input"] == ["b"]
    assert data["entities"]["micro"]["gold"] == 2


def test_eval_command_still_refuses_when_nothing_pairs_with_gold(tmp_path: Path):
    gold, raw = tmp_path / "gold", tmp_path / "raw"
    _write_gold(gold)
    raw.mkdir()
    (raw / "other.txt").write_text("星河科技发布新平台。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "--gold", str(gold), str(raw)])
    assert result.exit_code != 0 and "has a gold file" in result.output
