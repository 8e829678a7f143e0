"""Extraction → write rows (pure Python): validation, merging, canonical direction."""

from __future__ import annotations

import pytest

from graph.batch import (
    BatchError,
    fingerprint,
    group,
    merged_aliases,
    prepare,
    relation_key,
    relation_totals,
)
from graph.model import Article, Entity, Extraction, Relation

TEXT = "海尔卡奥斯与华光国瓷签署合作协议。卡奥斯赋能华光国瓷。"


def rel(rtype: str, head: str, hl: str, tail: str, tl: str, **kw) -> Relation:
    base = {"sentence": TEXT[:17], "start": 0, "end": 17, "method": "rule:x", "confidence": 0.8}
    base.update(kw)
    return Relation(rtype, head, hl, tail, tl, **base)


def extraction(*relations: Relation, entities=None, art_id="a1", path="x/a1.txt") -> Extraction:
    art = Article(id=art_id, title="t", text=TEXT, date="2022-08-12", path=path)
    ents = entities if entities is not None else (
        Entity("Platform", "卡奥斯", ("海尔卡奥斯",), 2),
        Entity("Company", "华光国瓷", (), 2),
    )
    return Extraction(art, tuple(ents), tuple(relations))


def test_symmetric_relations_get_one_direction() -> None:
    a = prepare(extraction(rel("SIGNED_WITH", "卡奥斯", "Platform", "华光国瓷", "Company")))
    b = prepare(extraction(rel("SIGNED_WITH", "华光国瓷", "Company", "卡奥斯", "Platform")))
    assert list(a.relations) == list(b.relations)
    (rtype, _, head, _, tail), = a.relations
    assert rtype == "SIGNED_WITH" and head < tail


def test_directed_relations_keep_direction() -> None:
    a = prepare(extraction(rel("EMPOWERS", "卡奥斯", "Platform", "华光国瓷", "Company")))
    assert list(a.relations) == [("EMPOWERS", "Platform", "卡奥斯", "Company", "华光国瓷")]


def test_missing_relation_end_becomes_an_entity_and_duplicates_merge() -> None:
    ex = extraction(
        rel("LOCATED_IN", "华光国瓷", "Company", "淄博市", "City"),
        entities=(
            Entity("Company", "华光国瓷", ("华光",), 1),
            Entity("Company", "华光国瓷", ("山东华光国瓷",), 2),
        ),
    )
    prepared = prepare(ex)
    assert prepared.entities[("Company", "华光国瓷")]["count"] == 3
    assert prepared.entities[("Company", "华光国瓷")]["aliases"] == ["华光", "山东华光国瓷"]
    assert ("City", "淄博市") in prepared.entities


def test_duplicate_evidence_is_kept_once_with_best_confidence() -> None:
    ex = extraction(
        rel("EMPOWERS", "卡奥斯", "Platform", "华光国瓷", "Company", confidence=0.5),
        rel("EMPOWERS", "卡奥斯", "Platform", "华光国瓷", "Company", confidence=0.9),
        rel("EMPOWERS", "卡奥斯", "Platform", "华光国瓷", "Company", start=18, end=27),
    )
    (entries,) = prepare(ex).relations.values()
    assert [(e["start"], e["confidence"]) for e in entries] == [(0, 0.9), (18, 0.8)]


@pytest.mark.parametrize(
    ("ex", "message"),
    [
        (extraction(entities=(Entity("Robot", "R2"),)), "not in the whitelist"),
        (extraction(rel("HATES", "卡奥斯", "Platform", "华光国瓷", "Company")), "HATES"),
        (extraction(entities=(Entity("Company", "  "),)), "empty"),
        (extraction(rel("EMPOWERS", "卡奥斯", "Platform", "x", "Company`) DELETE n")), "whitelist"),
    ],
)
def test_bad_extractions_name_the_article(ex: Extraction, message: str) -> None:
    with pytest.raises(BatchError, match=message) as info:
        prepare(ex)
    assert "x/a1.txt" in str(info.value)


def test_group_merges_articles_per_relationship() -> None:
    one = prepare(extraction(rel("EMPOWERS", "卡奥斯", "Platform", "华光国瓷", "Company")))
    two = prepare(
        extraction(rel("EMPOWERS", "卡奥斯", "Platform", "华光国瓷", "Company"), art_id="a2")
    )
    batch = group([one, two, one])
    assert [a["id"] for a in batch.articles] == ["a1", "a2"]
    (rows,) = batch.relations.values()
    key = relation_key("EMPOWERS", "Platform", "卡奥斯", "Company", "华光国瓷")
    assert rows == [{"head": "卡奥斯", "tail": "华光国瓷", "key": key, "count": 2,
                     "first_seen": "2022-08-12", "last_seen": "2022-08-12", "confidence": 0.8}]
    assert [(e["rel"], e["article"], e["head"], e["tail"]) for e in batch.evidence] == [
        (key, "a1", "卡奥斯", "华光国瓷"), (key, "a2", "卡奥斯", "华光国瓷")]
    assert batch.evidence[0]["sentence"] == TEXT[:17] and "title" not in batch.evidence[0]
    entities = {label: [r["name"] for r in rows] for label, rows in batch.entities.items()}
    assert entities == {"Company": ["华光国瓷"], "Platform": ["卡奥斯"]}
    assert batch.entities["Platform"][0]["props"]["mentions"] == 4  # 2 per article


def test_relation_totals_and_keys() -> None:
    entries = [
        {"article": "b", "sentence": "s2", "start": 5, "end": 9, "method": "m",
         "confidence": 0.4, "date": "2023-01-01", "title": "总裁"},
        {"article": "a", "sentence": "s1", "start": 0, "end": 4, "method": "m",
         "confidence": 0.9, "date": "", "title": ""},
        {"article": "c", "sentence": "s3", "start": 0, "end": 4, "method": "m",
         "confidence": 0.5, "date": "2021-06-01", "title": "董事长"},
    ]
    totals = relation_totals("k", entries)
    assert totals == relation_totals("k", list(reversed(entries)))  # order-independent
    assert totals == {"key": "k", "count": 3, "first_seen": "2021-06-01",
                      "last_seen": "2023-01-01", "confidence": 0.9}
    assert relation_totals("k", entries[1:2])["first_seen"] is None  # no known date
    key = relation_key("WORKS_FOR", "Person", "周云杰", "Company", "海尔")
    assert key == relation_key("WORKS_FOR", "Person", "周云杰", "Company", "海尔")
    assert key != relation_key("WORKS_FOR", "Person", "周云杰", "Agency", "海尔")
    assert merged_aliases(["b", "x"], ["a", "b"], "x") == ["a", "b"]


def test_fingerprint_changes_with_content() -> None:
    a = extraction(rel("EMPOWERS", "卡奥斯", "Platform", "华光国瓷", "Company"))
    b = extraction(rel("EMPOWERS", "卡奥斯", "Platform", "华光国瓷", "Company", confidence=0.7))
    assert fingerprint(a) == fingerprint(a) != fingerprint(b)
