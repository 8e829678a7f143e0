"""The `iikg ask` question files (tests/data/ask/) and how a routing is scored against them:
right when the report and the parameters are exactly the expected ones (a question expected
to be unroutable is right when it is refused)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from graph.ask.router import Match, Unroutable, route
from support.paths import DATA

TODAY = date(2026, 12, 6)  # the day the questions' relative dates are counted from
QUESTIONS = DATA / "ask" / "questions.jsonl"
HELD_OUT = DATA / "ask" / "held_out.jsonl"


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def routed_right(case: dict[str, Any], got: Match | Unroutable) -> bool:
    if isinstance(got, Unroutable):
        return case["report"] is None
    return got.report == case["report"] and got.params == case["params"]


def score(cases: list[dict[str, Any]], lexicon: Any) -> tuple[int, list[str]]:
    """(questions routed right, a line for each one routed wrong)."""
    wrong = []
    for case in cases:
        got = route(case["question"], lexicon, TODAY)
        if not routed_right(case, got):
            shown = "unroutable" if isinstance(got, Unroutable) else f"{got.report} {got.params}"
            wrong.append(f"{case['question']}: got {shown}, want {case['report']} "
                         f"{case['params']}")
    return len(cases) - len(wrong), wrong

