"""`iikg ask` without a server: the words it reads (dates, limits, hops), the `// ask:` lines
of every report, and routing the test questions (tests/data/ask/questions.jsonl) with the
names of the ask corpus as the lexicon. The same questions run against a real graph in
tests/neo4j/test_ask_neo4j.py."""

from __future__ import annotations

import pytest
from support.ask_cases import HELD_OUT, QUESTIONS, TODAY, load, score
from support.ask_corpus import lexicon_entities

import cypher
from graph.ask import words
from graph.ask.entities import Candidate, StaticLexicon, recognise
from graph.ask.patterns import parse_pattern
from graph.ask.router import Match, Unroutable, patterns, route
from graph.errors import CypherLibraryError

LEXICON = StaticLexicon(lexicon_entities())


def test_the_question_file_covers_every_kind_in_varied_phrasing() -> None:
    cases = load(QUESTIONS)
    assert len(cases) >= 60
    assert len({c["question"] for c in cases}) == len(cases)
    kinds = {c["report"] for c in cases}
    assert {"empowered-by", "platform-reach", "agreements", "policies", "relations",
            "city-profile", "people", "whats-new", "path", "most-connected", "evidence",
            "timeline", None} <= kinds


def test_at_least_95_percent_of_the_test_questions_are_routed_right() -> None:
    cases = load(QUESTIONS)
    right, wrong = score(cases, LEXICON)
    print(f"ask routing: {right}/{len(cases)} = {right / len(cases):.3f}")
    assert right / len(cases) >= 0.95, "\n".join(wrong)


def test_held_out_questions_are_scored() -> None:
    """The held-out questions were written after the rules were frozen; their figure is
    reported (README), and must stay at or above the issue's 85 %."""
    cases = load(HELD_OUT)
    right, wrong = score(cases, LEXICON)
    print(f"ask held-out: {right}/{len(cases)} = {right / len(cases):.3f}")
    print("\n".join(wrong))
    assert len(cases) >= 25
    assert right / len(cases) >= 0.85, "\n".join(wrong)


@pytest.mark.parametrize("report", sorted(cypher.reports()))
def test_every_ask_line_reads_and_fills_what_the_report_requires(report: str) -> None:
    rep = cypher.get_report(report)
    assert rep.ask and rep.examples, f"{report} has no ask or example line"
    declared = {p.name for p in rep.params}
    for line in rep.ask:
        pattern = parse_pattern(report, line)
        filled = {s.param for s in pattern.slots} | {name for name, _ in pattern.fixed}
        assert filled <= declared, (line, filled - declared)
        auto = {"since", "until", "limit", "hops"}
        assert {p.name for p in rep.params if p.required} <= filled | auto, line


@pytest.mark.parametrize("report", sorted(cypher.reports()))
def test_every_example_question_routes_to_its_report(report: str) -> None:
    for example in cypher.get_report(report).examples:
        got = route(example, LEXICON, TODAY)
        assert isinstance(got, Match) and got.report == report, (example, got)


def test_a_question_no_report_answers_gets_the_three_closest_with_examples() -> None:
    got = route("今天天气怎么样？", LEXICON, TODAY)
    assert isinstance(got, Unroutable) and len(got.closest) == 3
    for name, example in got.closest:
        assert example in cypher.get_report(name).examples


def test_bad_ask_lines_are_refused() -> None:
    for line in ("{name:Planet} 赋能", "{name}", "!只有否定"):
        with pytest.raises(CypherLibraryError):
            parse_pattern("x", line)
    assert len(patterns()) >= len(cypher.reports())


def test_names_are_found_through_aliases_and_city_names_without_their_suffix() -> None:
    lexicon = [Candidate("工业和信息化部", "Agency", ("工信部",)), Candidate("洛阳市", "City"),
               Candidate("洛阳市人民政府", "Agency")]
    found = recognise("工信部和洛阳市人民政府、洛阳的关系", lexicon)
    assert [(m.surface, m.options[0].name) for m in found] == [
        ("工信部", "工业和信息化部"), ("洛阳市人民政府", "洛阳市人民政府"), ("洛阳", "洛阳市")]


@pytest.mark.parametrize(("text", "values"), [
    ("2022年以来", {"since": "2022"}),
    ("自2023年5月以来", {"since": "2023-05"}),
    ("2021到2023年", {"since": "2021", "until": "2023"}),
    ("2020年以前", {"until": "2019"}),
    ("去年", {"since": "2025", "until": "2025"}),
    ("去年以来", {"since": "2025"}),
    ("今年", {"since": "2026"}),
    ("最近三个月", {"since": "2026-09-06"}),
    ("近两周", {"since": "2026-11-22"}),
    ("过去一年", {"since": "2025-12-06"}),
    ("上个月", {"since": "2026-11", "until": "2026-11"}),
    ("本周", {"since": "2026-11-30"}),
    ("2026-12-01以来", {"since": "2026-12-01"}),
])
def test_dates(text: str, values: dict[str, str]) -> None:
    assert words.find_dates(words.normalize(text), TODAY).values == values


@pytest.mark.parametrize(("text", "limit"), [
    ("前十", 10), ("前 5 名", 5), ("TOP3", 3), ("十大平台", 10), ("最多的二十个", 20),
    ("十个实体", 10), ("前年", None), ("前三个月", None),
])
def test_limits(text: str, limit: int | None) -> None:
    got = words.find_limit(words.normalize(text)).values.get("limit")
    assert got == limit


def test_chinese_numbers() -> None:
    assert [words.number(t) for t in ("三", "十", "十二", "二十", "一百", "两", "7", "x")] == [
        3, 10, 12, 20, 100, 2, 7, None]
