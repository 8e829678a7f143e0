"""Scoring quantities against gold tables (graph.quantity_eval), on invented articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.errors import UsageError
from graph.evaluate import micro
from graph.model import Article, Entity, Extraction, Quantity
from graph.quantity_eval import load_gold, score_all

GOLD = ("file\toffset\ttext\tvalue\tunit\tkind\tabout\n"
        "# invented\n"
        "a.txt\t6\t5亿元\t500000000\t元\tmoney\t星云科技\n"
        "a.txt\t12\t30家\t30\t家\tcount\t\n"
        "a.txt\t20\t15%\t15\t%\tpercent\t月华电子\n")


def _quantity(text: str, value: float, kind: str, about: dict[str, str]) -> Quantity:
    return Quantity(value=value, unit="", kind=kind, text=text, aspect="other", trigger="",
                    offset=0, sentence="", start=0, end=0, about=about)


def test_value_kind_and_about_scores(tmp_path: Path) -> None:
    gold_file = tmp_path / "gold.tsv"
    gold_file.write_text(GOLD, encoding="utf-8")
    gold = load_gold([gold_file])
    extraction = Extraction(
        Article(id="a", title="", text=""),
        (Entity("Company", "星云科技", aliases=("星云",)),),
        (),
        (_quantity("5亿元", 500_000_000, "money", {"label": "Company", "name": "星云科技"}),
         _quantity("30家", 30, "count", {"label": "Company", "name": "星云科技"}),
         _quantity("8台", 8, "count", {})),
    )
    score, missing = score_all([("a.txt", extraction)], gold)
    values, about = micro(score.values), micro(score.about)
    assert (values.pred, values.pred_ok, values.gold, values.gold_ok) == (3, 2, 3, 2)
    assert (about.pred_ok, about.gold_ok) == (1, 1)  # 30家 describes the article in the gold
    assert missing == []
    score, missing = score_all([], gold)
    assert missing == ["a.txt"] and micro(score.values).gold == 3


def test_a_bad_gold_row_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("a.txt\t1\t5亿元\t500000000\t元\tamount\t\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"bad.tsv: row 1: kind 'amount'"):
        load_gold([bad])
    result = CliRunner().invoke(main, ["eval-quantities", "--gold", str(tmp_path / "no.tsv"),
                                       str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: --gold ") and "Traceback" not in result.output
