"""The Evidence and Quantity nodes are created with their properties named one by one
(cypher/write/evidence-create.cypher, quantity-create.cypher): every property the rows can
hold must be named there, and a Quantity key must come once per batch (CREATE, not MERGE)."""

from __future__ import annotations

import re

import cypher
from graph.batch import EVIDENCE_PROPERTIES, QUANTITY_PROPERTIES, group, prepare, unique_quantities
from graph.model import Article, Entity, Extraction, Quantity, Relation

TEXT = "星云科技在洛阳市投资建设智能工厂，总投资3亿元。星云科技总经理李明出席。"


def _extraction() -> Extraction:
    article = Article(id="q1", title="星云", text=TEXT, date="2026-03-01", path="t/q1.txt")
    sentence = TEXT[:23]
    relations = (
        Relation("LOCATED_IN", "星云科技", "Company", "洛阳市", "City", sentence, 0, 23,
                 "rule:test", 0.7),
        Relation("WORKS_FOR", "李明", "Person", "星云科技", "Company", TEXT[24:], 24, len(TEXT),
                 "rule:test", 0.8, {"title": "总经理"}),
    )
    about = {"type": "LOCATED_IN", "head_label": "Company", "head": "星云科技",
             "tail_label": "City", "tail": "洛阳市"}
    quantity = Quantity(300000000, "元", "money", "3亿元", "investment", "投资", 19, sentence,
                        0, 23, about)
    entities = (Entity("Company", "星云科技", (), 2), Entity("City", "洛阳市", (), 1),
                Entity("Person", "李明", (), 1))
    return Extraction(article, entities, relations, (quantity,))


def _created(name: str) -> set[str]:
    """The property names of the node map of the CREATE in cypher/write/NAME.cypher."""
    body = cypher.query("write", name).split("CREATE", 1)[1]
    return set(re.findall(r"(\w+): (?:row\.|p\.|coalesce\()", body))


def test_evidence_rows_hold_only_the_named_properties() -> None:
    batch = group([prepare(_extraction())])
    assert batch.evidence
    for row in batch.evidence:
        assert set(row) <= set(EVIDENCE_PROPERTIES)
    titled = [row for row in batch.evidence if row["type"] == "WORKS_FOR"]
    assert set(titled[0]) == set(EVIDENCE_PROPERTIES)  # every field in use at once
    assert _created("evidence-create") == {*EVIDENCE_PROPERTIES, "ingested_at"}


def test_quantity_rows_hold_only_the_named_properties() -> None:
    (row,) = group([prepare(_extraction())]).quantities
    assert set(row["props"]) == set(QUANTITY_PROPERTIES)
    assert row["links"] == [{"label": "Company", "name": "星云科技"},
                            {"label": "City", "name": "洛阳市"}]
    assert _created("quantity-create") == set(QUANTITY_PROPERTIES)


def test_a_quantity_key_comes_once_with_the_last_props_and_every_link() -> None:
    city = {"label": "City", "name": "洛阳市"}
    firm = {"label": "Company", "name": "星云科技"}
    rows = [
        {"props": {"key": "k1", "aspect": "investment"}, "links": [city]},
        {"props": {"key": "k2", "aspect": "signing"}, "links": []},
        {"props": {"key": "k1", "aspect": "output"}, "links": [firm, city, firm]},
    ]
    assert unique_quantities(rows) == [
        {"props": {"key": "k1", "aspect": "output"}, "links": [city, firm]},
        {"props": {"key": "k2", "aspect": "signing"}, "links": []},
    ]
    assert rows[0]["links"] == [city]  # the input rows are left as they were
