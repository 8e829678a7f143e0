"""`iikg eval --by-method` and `--group-by`, and relation confidences taken from the measured
table (loaders/extract/relations/confidence.py). Gold files and extractions are invented."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from support.fakes import FakeArticle, FakeExtraction

import graph.cli.extract as cli_extract
from graph.cli import main
from graph.evaluate import (
    UNGROUPED,
    Evaluation,
    format_groups,
    format_methods,
    group_scores,
    load_groups,
    methods_to_json,
    score_one,
)
from loaders import LoadError
from loaders.extract.entities.base import Mention
from loaders.extract.nlp import Sentence
from loaders.extract.relations import confidence
from loaders.extract.relations.base import SentenceView, relation
from loaders.extract.relations.confidence import MIN_PREDICTED, Measured, calibrated

GOLD_A = {
    "entities": [
        {"label": "Company", "name": "星河科技", "aliases": []},
        {"label": "Company", "name": "云帆制造", "aliases": []},
        {"label": "City", "name": "长宁市", "aliases": ["长宁"]},
    ],
    "relations": [
        {"type": "PARTNERS_WITH", "head": "星河科技", "tail": "云帆制造"},
        {"type": "LOCATED_IN", "head": "星河科技", "tail": "长宁市"},
    ],
}
GOLD_B = {
    "entities": [
        {"label": "Company", "name": "月影电子", "aliases": []},
        {"label": "Person", "name": "林晓", "aliases": []},
    ],
    "relations": [{"type": "WORKS_FOR", "head": "林晓", "tail": "月影电子"}],
}


def rel(rtype: str, head: str, hl: str, tail: str, tl: str, method: str) -> dict[str, Any]:
    return {"type": rtype, "head": head, "head_label": hl, "tail": tail, "tail_label": tl,
            "method": method, "confidence": 0.5}


PRED_A = {
    "entities": GOLD_A["entities"],
    "relations": [
        rel("PARTNERS_WITH", "云帆制造", "Company", "星河科技", "Company", "rule:partners_with"),
        rel("LOCATED_IN", "星河科技", "Company", "长宁", "City", "rule:located_prefix"),
        rel("LOCATED_IN", "云帆制造", "Company", "长宁市", "City", "rule:located_prefix"),
        rel("PART_OF", "长宁市", "City", "某省", "City", "gazetteer:hierarchy"),  # not scored
    ],
}
PRED_B = {
    "entities": GOLD_B["entities"],
    "relations": [
        rel("WORKS_FOR", "林晓", "Person", "月影电子", "Company", "rule:works_for_title"),
        rel("SUBSIDIARY_OF", "月影电子", "Company", "星河科技", "Company", "rule:known_owner"),
    ],
}


def test_predicted_relations_are_counted_per_method():
    one = score_one(PRED_A, GOLD_A)
    counts = {m: (c.pred, c.pred_ok) for m, c in one.methods.items()}
    assert counts == {"rule:partners_with": (1, 1), "rule:located_prefix": (2, 1)}
    # the per-method counts add up to the relation micro precision side
    assert sum(c.pred for c in one.methods.values()) == one.relation_micro.pred
    assert sum(c.pred_ok for c in one.methods.values()) == one.relation_micro.pred_ok


def test_a_relation_without_a_method_is_counted_under_none():
    pred = {"entities": GOLD_B["entities"],
            "relations": [{k: v for k, v in PRED_B["relations"][0].items() if k != "method"}]}
    assert {m: c.pred_ok for m, c in score_one(pred, GOLD_B).methods.items()} == {"(none)": 1}


def test_method_table_and_json():
    total = score_one(PRED_A, GOLD_A)
    total.add(score_one(PRED_B, GOLD_B))
    lines = format_methods(total).splitlines()
    assert lines[1].split() == ["rule:located_prefix", "2", "1", "0.500"]  # most predicted first
    assert lines[-1].split() == ["all", "5", "3", "0.600"]
    data = methods_to_json(total)
    assert data["rule:known_owner"] == {"predicted": 1, "correct": 0, "precision": 0.0}


def _tsv(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    path.write_text("file\trepo\tannotator\n" + "".join("\t".join(r) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def test_groups_from_a_table_match_gold_files_by_stem(tmp_path: Path):
    tsv = _tsv(tmp_path / "sources.tsv", [("a.md", "feed/one", "A1"), ("b.jsp", "feed/two", "A1")])
    column, groups = load_groups(f"{tsv}:repo")
    assert column == "repo" and groups == {"a": "feed/one", "b": "feed/two"}
    by_stem = {"a": score_one(PRED_A, GOLD_A), "b": score_one(PRED_B, GOLD_B),
               "c": score_one({"entities": [], "relations": []}, GOLD_B)}
    table = group_scores(by_stem, groups)
    assert list(table) == [UNGROUPED, "feed/one", "feed/two"]
    n, one = table["feed/one"]
    assert n == 1 and one.relation_micro.pred_ok == 2 and one.relation_micro.gold == 2
    assert table[UNGROUPED][1].entity_micro.gold_ok == 0
    rows = format_groups(column, table).splitlines()
    assert rows[0].split()[:2] == ["repo", "files"]
    all_row = rows[-1].split()
    assert all_row[:2] == ["all", "3"]
    # relation micro over all groups: 3 correct of 5 predicted, 3 of 4 gold found (c: none)
    assert all_row[7:] == ["0.600", "0.750", "0.667", "5", "4"]
    _, by_annotator = load_groups(f"{tsv}:annotator")
    assert list(group_scores(by_stem, by_annotator)) == [UNGROUPED, "A1"]


@pytest.mark.parametrize("spec, message", [
    ("{tsv}", "FILE:COLUMN"),
    ("{tsv}:feed", "no column 'feed'"),
    ("{missing}:repo", "cannot read"),
])
def test_bad_group_specs_are_refused(tmp_path: Path, spec: str, message: str):
    tsv = _tsv(tmp_path / "s.tsv", [("a.md", "x", "A1")])
    with pytest.raises(ValueError, match=message):
        load_groups(spec.format(tsv=tsv, missing=tmp_path / "none.tsv"))


def test_evaluation_keeps_each_gold_files_score():
    run = Evaluation({"a": GOLD_A, "b": GOLD_B})
    items = [FakeArticle("raw/a.md"), LoadError("raw/b.jsp", "empty file")]
    list(run.run(items, lambda art: FakeExtraction(PRED_A)))
    assert set(run.by_stem) == {"a", "b"}  # b had no article: all misses, still grouped
    assert run.by_stem["b"].relation_micro.gold == 1 and run.by_stem["b"].relation_micro.pred == 0


def test_eval_command_by_method_and_group_by(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    gold, raw = tmp_path / "gold", tmp_path / "raw"
    gold.mkdir()
    raw.mkdir()
    for stem, data in (("a", GOLD_A), ("b", GOLD_B)):
        (gold / f"{stem}.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        (raw / f"{stem}.txt").write_text("星河科技。\n", encoding="utf-8")
    tsv = _tsv(tmp_path / "sources.tsv", [("a.txt", "feed/one", "A1"), ("b.txt", "feed/two", "A2")])

    def fake_extract(article: Any) -> FakeExtraction:
        return FakeExtraction(PRED_A if Path(article.path).stem == "a" else PRED_B)

    monkeypatch.setattr(cli_extract, "default_extract", fake_extract)
    args = ["eval", "--gold", str(gold), str(raw), "--by-method", "--group-by", f"{tsv}:repo"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "relation method" in result.stdout and "rule:works_for_title" in result.stdout
    assert any(line.split()[:2] == ["feed/two", "1"] for line in result.stdout.splitlines())
    as_json = CliRunner().invoke(main, [*args, "--format", "json"])
    data = json.loads(as_json.stdout)
    assert data["by_method"]["rule:located_prefix"] == {
        "predicted": 2, "correct": 1, "precision": 0.5}
    assert data["groups"]["repo"]["feed/one"]["relations"]["pred_ok"] == 2
    bad = CliRunner().invoke(main, ["eval", "--gold", str(gold), str(raw), "--group-by", "x"])
    assert bad.exit_code != 0 and "FILE:COLUMN" in bad.output


@pytest.fixture
def invented_table() -> Iterator[None]:
    confidence.use_table({
        "rule:often": Measured(predicted=8, correct=6),
        "rule:rare": Measured(predicted=MIN_PREDICTED - 1, correct=0),
    })
    yield
    confidence.use_table(None)


def test_confidence_is_the_smoothed_measured_precision(invented_table: None):
    assert calibrated("rule:often", 0.9) == 0.7  # (6 + 1) / (8 + 2)
    assert calibrated("rule:rare", 0.9) == 0.9  # too few predictions: the rule's default
    assert calibrated("rule:unmeasured", 0.55) == 0.55


def test_relation_builder_takes_the_measured_confidence(invented_table: None):
    text = "星河科技位于长宁市。"
    head = Mention(0, 4, "Company", "星河科技", "星河科技", "gazetteer")
    tail = Mention(6, 9, "City", "长宁市", "长宁市", "gazetteer")
    view = SentenceView(Sentence(text, 0, len(text)), [head, tail], text, 0, True)
    assert relation("LOCATED_IN", head, tail, view, "rule:often", 0.9).confidence == 0.7
    assert relation("LOCATED_IN", head, tail, view, "rule:rare", 0.9).confidence == 0.9


def test_the_shipped_table_is_well_formed():
    text = files("loaders.extract.relations").joinpath("confidence.csv").read_text("utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert rows and list(rows[0]) == ["method", "predicted", "correct", "precision", "measured_on"]
    for row in rows:
        predicted, correct = int(row["predicted"]), int(row["correct"])
        assert 0 <= correct <= predicted
        assert float(row["precision"]) == pytest.approx(correct / predicted, abs=1e-4)
    assert set(confidence.table()) == {row["method"] for row in rows}
    assert all(0 < calibrated(row["method"], 0.5) <= 1 for row in rows)
