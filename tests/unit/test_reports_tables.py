"""Output formatting of report rows (pure Python)."""

from __future__ import annotations

import csv
import io
import json

from graph.tables import display_width, format_rows, truncate


def test_table_aligns_chinese_by_display_width() -> None:
    text = format_rows(["name", "n"], [["卡奥斯", 3], ["COSMOPlat", 12]], "table")
    lines = text.splitlines()
    assert display_width(lines[2]) == display_width(lines[3])
    assert lines[2].endswith(" 3") and lines[3].endswith("12")
    assert lines[-1] == "(2 rows)"


def test_truncate_counts_wide_characters() -> None:
    assert truncate("卡奥斯赋能华光国瓷", 7) == "卡奥斯…"
    assert display_width(truncate("卡奥斯赋能华光国瓷", 7)) <= 7


def test_csv_and_json() -> None:
    rows = [["卡奥斯", ["a", "b"], None, 0.5]]
    parsed = list(csv.reader(io.StringIO(format_rows(["p", "l", "x", "c"], rows, "csv"))))
    assert parsed == [["p", "l", "x", "c"], ["卡奥斯", "a; b", "", "0.5"]]
    assert json.loads(format_rows(["p", "l", "x", "c"], rows, "json")) == [
        {"p": "卡奥斯", "l": ["a", "b"], "x": None, "c": 0.5}
    ]
