"""Quantity nodes on a real Neo4j: written with their article and the entities or relationship
they describe, idempotent, replaced with a changed article; the `amounts` report ranks
investments and signings by value, by city and by period. Invented articles."""

from __future__ import annotations

from typing import Any

import pytest
from support.graphdb import clear_database
from support.report_rows import report_rows as run

from graph.batch import relation_key
from graph.ingest import write_extractions
from graph.model import Article, Entity, Extraction, Quantity, Relation

S1 = "星云科技与月华电子签约，签约金额4.5亿元。"
S2 = "星云科技在洛阳市投资8亿元建设星云智造项目。"
S3 = "辰光机械在开封市总投资3亿元。"
XINGYUN, YUEHUA = ("Company", "星云科技"), ("Company", "月华电子")
CHENGUANG = ("Company", "辰光机械")
PROJECT = ("Project", "星云智造项目")
LUOYANG, KAIFENG = ("City", "洛阳市"), ("City", "开封市")


def _q(text: str, value: int, aspect: str, sentence: str, offset: int,
       about: dict[str, str]) -> Quantity:
    return Quantity(value=value, unit="元", kind="money", text=text, aspect=aspect,
                    trigger="", offset=offset + sentence.index(text), sentence=sentence,
                    start=offset, end=offset + len(sentence), about=about)


def _located(head: tuple[str, str], city: tuple[str, str], sentence: str) -> Relation:
    return Relation("LOCATED_IN", head[1], head[0], city[1], city[0], sentence, 0,
                    len(sentence), "rule:located_in", 0.9)


def extractions(s2_value: int = 800_000_000) -> list[Extraction]:
    """Two articles; `s2_value` changes the investment of the first (a changed article)."""
    deal = Relation("SIGNED_WITH", XINGYUN[1], "Company", YUEHUA[1], "Company", S1, 0, len(S1),
                    "rule:signed_with", 0.9)
    signing = _q("4.5亿元", 450_000_000, "signing", S1, 0, {
        "type": "SIGNED_WITH", "head_label": "Company", "head": XINGYUN[1],
        "tail_label": "Company", "tail": YUEHUA[1]})
    amount = f"{s2_value // 100_000_000}亿元"
    s2 = S2.replace("8亿元", amount)
    first = Article(id="q1", title="签约", text=S1 + s2, date="2024-03-01", path="q/1.txt")
    invest = _q(amount, s2_value, "investment", s2, len(S1),
                {"label": "Project", "name": PROJECT[1]})
    second = Article(id="q2", title="开封", text=S3, date="2023-05-02", path="q/2.txt")
    third = _q("3亿元", 300_000_000, "investment", S3, 0,
               {"label": "Company", "name": CHENGUANG[1]})
    return [
        Extraction(first, tuple(Entity(*e) for e in (XINGYUN, YUEHUA, PROJECT, LUOYANG)),
                   (deal, _located(PROJECT, LUOYANG, s2)), (signing, invest)),
        Extraction(second, (Entity(*CHENGUANG), Entity(*KAIFENG)),
                   (_located(CHENGUANG, KAIFENG, S3),), (third,)),
    ]


@pytest.fixture
def graph(neo4j_db: Any, neo4j_server: Any) -> Any:
    clear_database(neo4j_db)
    write_extractions(neo4j_db, extractions())
    return neo4j_db


def _quantities(graph: Any) -> list[tuple]:
    rows = graph.run_read(
        "MATCH (a:Article)-[:HAS_QUANTITY]->(q:Quantity) "
        "OPTIONAL MATCH (q)-[:QUANTIFIES]->(e) "
        "WITH a, q, e ORDER BY e.name "
        "RETURN a.id AS article, q.value AS value, q.kind AS kind, q.rel AS rel, "
        "collect(e.name) AS about ORDER BY value")
    return [(r["article"], r["value"], r["kind"], r["rel"], r["about"]) for r in rows]


def test_quantities_are_linked_to_article_entities_and_relationship(graph: Any) -> None:
    key = relation_key("SIGNED_WITH", "Company", XINGYUN[1], "Company", YUEHUA[1])
    assert _quantities(graph) == [
        ("q2", 300_000_000, "money", None, [CHENGUANG[1]]),
        ("q1", 450_000_000, "money", key, [XINGYUN[1], YUEHUA[1]]),
        ("q1", 800_000_000, "money", None, [PROJECT[1]]),
    ]
    (rel,) = graph.run_read("MATCH ()-[r:SIGNED_WITH]->() RETURN r.key AS key")
    assert rel["key"] == key


def test_writing_again_changes_nothing_and_a_changed_article_replaces_its_quantities(
    graph: Any,
) -> None:
    before = _quantities(graph)
    result = write_extractions(graph, extractions())
    assert result.unchanged == 2 and result.nodes_created == 0
    assert _quantities(graph) == before
    write_extractions(graph, extractions(s2_value=900_000_000))
    values = [row[1] for row in _quantities(graph)]
    assert values == [300_000_000, 450_000_000, 900_000_000]


def test_amounts_ranks_by_value_filtered_by_city_and_period(graph: Any) -> None:
    rows = run(graph, "amounts")
    assert [(r["value"], r["aspect"], r["about"]) for r in rows] == [
        (800_000_000, "investment", PROJECT[1]),
        (450_000_000, "signing", f"{XINGYUN[1]} SIGNED_WITH {YUEHUA[1]}"),
        (300_000_000, "investment", CHENGUANG[1]),
    ]
    assert [r["value"] for r in run(graph, "amounts", city="开封市")] == [300_000_000]
    assert [r["value"] for r in run(graph, "amounts", city="洛阳市")] == [800_000_000]
    assert [r["value"] for r in run(graph, "amounts", since="2024")] == [800_000_000,
                                                                          450_000_000]
    assert [r["value"] for r in run(graph, "amounts", until="2023-12")] == [300_000_000]
    assert [r["value"] for r in run(graph, "amounts", aspect="signing")] == [450_000_000]
    assert run(graph, "amounts", unit="美元") == []
