"""Answering a routed question: run the report, add evidence sentences, and say it in text or
JSON. The text says first how the question was understood (report and parameters), then the
rows, then, for reports without a sentence column, one evidence sentence per row (the first
sentence of a relationship between two entities the row names). JSON is exactly
``{"report", "params", "rows"}`` (rows keyed by column; ``report`` null when unroutable).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import cypher
from graph.ask import words
from graph.ask.entities import GraphLexicon, Lexicon
from graph.ask.router import Match, Unroutable, route
from graph.tables import format_rows

EVIDENCE_ROWS = 10  # rows that get an evidence sentence looked up


@dataclass
class Answer:
    question: str
    match: Match
    columns: list[str]
    rows: list[list[Any]]
    evidence: list[dict[str, Any]] = field(default_factory=list)

    @property
    def report(self) -> cypher.Report:
        return cypher.get_report(self.match.report)


def _names(cells: list[Any]) -> list[str]:
    names: list[str] = []
    for cell in cells:
        if isinstance(cell, str):
            names.append(cell)
        elif isinstance(cell, list):
            names.extend(c for c in cell if isinstance(c, str))
    return names


def row_evidence(graph: Any, rows: list[list[Any]], prefer: str | None = None
                 ) -> list[dict[str, Any]]:
    """The first evidence sentence of a relationship among the names of each of the first
    rows, of type `prefer` when there is one."""
    wanted = [{"row": i, "names": _names(row)} for i, row in enumerate(rows[:EVIDENCE_ROWS])]
    wanted = [w for w in wanted if len(w["names"]) > 1]
    if not wanted:
        return []
    return graph.run_read(cypher.read_query("ask-evidence"), {"rows": wanted, "prefer": prefer})


def ask(graph: Any, question: str, *, today: date | None = None,
        lexicon: Lexicon | None = None) -> Answer | Unroutable:
    """Route the question against the graph's names and run the report it asks for."""
    routed = route(question, lexicon or GraphLexicon(graph), today)
    if isinstance(routed, Unroutable):
        return routed
    result = graph.run_report(cypher.get_report(routed.report), routed.params)
    named = words.find_word(words.normalize(question), words.RELATION_WORDS)
    evidence = [] if "sentence" in result.columns else row_evidence(
        graph, result.rows, named[0] if named else None)
    return Answer(question, routed, result.columns, result.rows, evidence)


def _param_text(params: dict[str, Any]) -> str:
    return " ".join(f"-p {k}={v}" for k, v in params.items())


def to_json(outcome: Answer | Unroutable) -> str:
    if isinstance(outcome, Unroutable):
        data: dict[str, Any] = {"report": None, "params": {}, "rows": []}
    else:
        data = {"report": outcome.match.report, "params": outcome.match.params,
                "rows": [dict(zip(outcome.columns, row, strict=True)) for row in outcome.rows]}
    return json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n"


def unroutable_text(outcome: Unroutable) -> str:
    lines = [f"问题 / question: {outcome.question}"]
    if outcome.tied:
        lines.append("这个问题可由多个报表回答，无法确定 / the question fits several reports "
                     f"equally well: {', '.join(outcome.tied)}")
    else:
        lines.append("无法把这个问题对应到报表 / cannot route this question to a report")
    lines.append("最接近的报表，各附一个示例问题 / the closest reports, with an example question:")
    for name, example in outcome.closest:
        report = cypher.get_report(name)
        lines.append(f"  {name}: {report.description_zh}")
        lines.append(f"      例如 / e.g.: iikg ask \"{example}\"")
    return "\n".join(lines) + "\n"


def to_text(outcome: Answer | Unroutable) -> str:
    if isinstance(outcome, Unroutable):
        return unroutable_text(outcome)
    report = outcome.report
    params = outcome.match.params
    lines = [
        f"问题 / question: {outcome.question}",
        f"理解为 / understood as: {report.name} — {report.description_zh}",
        f"  参数 / parameters: {', '.join(f'{k}={v}' for k, v in params.items()) or '(无 / none)'}",
        f"  即 / same as: iikg report {report.name} {_param_text(params)}".rstrip(),
    ]
    lines += [f"  注意 / note: {note}" for note in outcome.match.notes]
    lines.append("")
    if outcome.rows:
        lines.append(format_rows(outcome.columns, outcome.rows, "table").rstrip("\n"))
    else:
        lines.append("（没有结果 / no rows）")
    if outcome.evidence:
        lines += ["", "证据 / evidence:"]
        for ev in outcome.evidence:
            when = f" ({ev['date']})" if ev.get("date") else ""
            lines.append(f"  [{ev['row'] + 1}] {ev['head']} -[{ev['type']}]-> {ev['tail']}{when}: "
                         f"{ev['sentence']}")
    return "\n".join(lines) + "\n"


def example_questions() -> list[tuple[str, str]]:
    """(report, example question) for every report that has examples, for `iikg ask --help`."""
    return [(r.name, ex) for r in cypher.reports().values() for ex in r.examples]
