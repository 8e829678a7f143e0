"""`iikg ask` on a real Neo4j holding the ask corpus: names recognised through the full-text
index and aliases, the test questions routed as well as with the fixed lexicon, answers with
their evidence, and the JSON shape."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from support.ask_cases import HELD_OUT, QUESTIONS, TODAY, load, score
from support.ask_corpus import ask_corpus

from graph.ask import Answer, Unroutable, ask
from graph.ask.entities import GraphLexicon, recognise
from graph.cli import main
from graph.ingest import write_extractions


@pytest.fixture
def asked(neo4j_db: Any) -> Any:
    write_extractions(neo4j_db, ask_corpus())
    return neo4j_db


def test_names_are_recognised_through_the_full_text_index(asked: Any) -> None:
    lexicon = GraphLexicon(asked)
    question = "工信部和淄博、海尔卡奥斯有什么关系"
    found = recognise(question, lexicon.candidates(question))
    assert [(m.surface, m.options[0].name) for m in found] == [
        ("工信部", "工业和信息化部"), ("淄博", "淄博市"), ("海尔卡奥斯", "卡奥斯")]


def test_the_test_questions_route_as_well_on_the_graph(asked: Any) -> None:
    cases = load(QUESTIONS)
    right, wrong = score(cases, GraphLexicon(asked))
    print(f"ask routing on Neo4j: {right}/{len(cases)} = {right / len(cases):.3f}")
    assert right / len(cases) >= 0.95, "\n".join(wrong)


def test_the_held_out_questions_on_the_graph(asked: Any) -> None:
    cases = load(HELD_OUT)
    right, wrong = score(cases, GraphLexicon(asked))
    print(f"ask held-out on Neo4j: {right}/{len(cases)} = {right / len(cases):.3f}")
    assert right / len(cases) >= 0.85, "\n".join(wrong)


def test_an_answer_holds_the_rows_and_their_evidence(asked: Any) -> None:
    outcome = ask(asked, "哪些平台赋能了淄博的企业？", today=TODAY)
    assert isinstance(outcome, Answer)
    assert (outcome.match.report, outcome.match.params) == ("platform-reach", {"city": "淄博市"})
    assert [row[0] for row in outcome.rows] == ["卡奥斯"]
    assert outcome.evidence[0]["type"] == "EMPOWERS"
    assert outcome.evidence[0]["sentence"] == "卡奥斯赋能华光国瓷打造华光智慧窑炉数字化车间项目。"
    people = ask(asked, "谁在星云科技任职？", today=TODAY)
    assert isinstance(people, Answer) and people.rows[0][:3] == ["李明远", "董事长", "星云科技"]


def test_cli_text_says_how_it_understood_then_answers(asked: Any) -> None:
    result = CliRunner().invoke(main, ["ask", "工信部发布过什么政策"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1].startswith("理解为 / understood as: policies")
    assert "issuer=工业和信息化部" in lines[2]
    assert "工业互联网创新发展行动计划" in result.output
    assert "工信部印发《工业互联网创新发展行动计划》。" in result.output  # the evidence


def test_cli_json_is_report_params_rows(asked: Any) -> None:
    result = CliRunner().invoke(main, ["ask", "--format", "json", "卡奥斯和谁签了合作协议？"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == ["report", "params", "rows"]
    assert data["report"] == "agreements" and data["params"] == {"party": "卡奥斯"}
    assert {(r["party_a"], r["party_b"]) for r in data["rows"]} == {
        ("卡奥斯", "鲁中耐火材料"), ("华光国瓷", "卡奥斯")}
    assert all(r["sentence"] for r in data["rows"])


def test_cli_refuses_a_question_it_cannot_route(asked: Any) -> None:
    result = CliRunner().invoke(main, ["ask", "今天天气怎么样"])
    assert result.exit_code == 1
    assert "cannot route" in result.output and result.output.count("例如 / e.g.") == 3
    outcome = ask(asked, "今天天气怎么样", today=TODAY)
    assert isinstance(outcome, Unroutable)
    as_json = CliRunner().invoke(main, ["ask", "--format", "json", "今天天气怎么样"])
    assert json.loads(as_json.stdout) == {"report": None, "params": {}, "rows": []}


def test_help_lists_example_questions() -> None:
    result = CliRunner().invoke(main, ["ask", "--help"])
    assert result.exit_code == 0
    assert "哪些平台赋能了淄博的企业？" in result.output
    assert "最近一周图谱里新增了什么？" in result.output
