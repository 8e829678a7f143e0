"""End to end: extract the seed articles and score them against the gold fixtures
(tests/data/gold, copies of the hand-annotated gold sets)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.paths import ROOT

from graph.cli import main
from graph.evaluate import Score, load_gold, score_one
from loaders.extract.pipeline import extract
from loaders.sources import load_file

SEEDS = ROOT / "seeds" / "articles"
GOLD = ROOT / "tests" / "data" / "gold"


@pytest.fixture(scope="module")
def seed_score() -> Score:
    gold = load_gold(GOLD)
    total = Score()
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == len(gold) == 5
    for path in paths:
        total.add(score_one(extract(load_file(path)).to_json(), gold[path.stem]))
    return total


def test_entity_micro_f1_on_seeds(seed_score: Score) -> None:
    assert seed_score.entity_micro.f1 >= 0.85, seed_score.to_json()["entities"]


def test_relation_micro_f1_on_seeds(seed_score: Score) -> None:
    assert seed_score.relation_micro.f1 >= 0.65, seed_score.to_json()["relations"]


def test_extract_command_writes_one_record_per_article(tmp_path: Path) -> None:
    out = tmp_path / "seeds.jsonl"
    result = CliRunner().invoke(main, ["extract", str(SEEDS), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5
    for rec in records:
        assert rec["article"]["path"].endswith(".txt")
        assert rec["entities"] and rec["relations"]
        for r in rec["relations"]:
            assert {
                "type",
                "head",
                "head_label",
                "tail",
                "tail_label",
                "sentence",
                "start",
                "end",
                "method",
                "confidence",
            } <= set(r)


def test_extract_command_reports_bad_files_and_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("树根互联与三一重工签署战略合作协议。", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00" * 4 + b"\x00" * 64)
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--no-progress"])
    assert result.exit_code == 0
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("{")]
    assert len(lines) == 1
    assert "bad.txt" in result.stderr


def test_eval_command_prints_table_and_json() -> None:
    runner = CliRunner()
    table = runner.invoke(main, ["eval", "--gold", str(GOLD), str(SEEDS)])
    assert table.exit_code == 0, table.output
    assert "micro" in table.stdout and "WORKS_FOR" in table.stdout
    as_json = runner.invoke(main, ["eval", "--gold", str(GOLD), str(SEEDS), "--format", "json"])
    data = json.loads(as_json.stdout)
    assert data["articles"] == 5
    assert 0 <= data["relations"]["micro"]["f1"] <= 1
