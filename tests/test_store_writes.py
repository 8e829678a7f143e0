"""Writes on a real Neo4j: idempotence, re-ingest of a changed article, atomic batches,
read-only queries, schema."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from store_corpus import corpus

from graph import store
from graph.batch import prepare
from graph.ingest import write_extractions
from graph.model import Entity, Extraction, Relation


def snapshot(driver: Any) -> tuple[list, list]:
    """Every node and relationship with all properties, in a stable order."""
    nodes = store.run_query_readonly(
        driver, "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"
    ).rows
    rels = store.run_query_readonly(
        driver,
        "MATCH (a)-[r]->(b) RETURN coalesce(a.name, a.id) AS a, type(r) AS t, "
        "coalesce(b.name, b.id) AS b, properties(r) AS props",
    ).rows
    def key(item: Any) -> str:
        return json.dumps(item, sort_keys=True, ensure_ascii=False)

    return sorted(([sorted(n[0]), n[1]] for n in nodes), key=key), sorted(rels, key=key)


def props_of(driver: Any, query: str, **params: Any) -> list[Any]:
    return [row[0] for row in store.run_query_readonly(driver, query, params).rows]


def test_ingest_twice_changes_nothing(neo4j_db: Any) -> None:
    first = write_extractions(neo4j_db, corpus())
    assert (first.new, first.changed, first.unchanged) == (3, 0, 0)
    before, stats_before = snapshot(neo4j_db), store.stats(neo4j_db)
    second = write_extractions(neo4j_db, corpus())
    assert (second.new, second.changed, second.unchanged) == (0, 0, 3)
    assert store.stats(neo4j_db) == stats_before
    assert snapshot(neo4j_db) == before
    assert stats_before["labels"]["Article"] == 3
    assert stats_before["types"]["SIGNED_WITH"] == 2


def test_stored_state_does_not_depend_on_ingest_order(neo4j_db: Any) -> None:
    write_extractions(neo4j_db, corpus())
    together = snapshot(neo4j_db)
    store.clear_database(neo4j_db)
    for extraction in reversed(corpus()):
        write_extractions(neo4j_db, [extraction])
    assert snapshot(neo4j_db) == together


def test_evidence_and_totals_are_merged(neo4j_db: Any) -> None:
    write_extractions(neo4j_db, corpus())
    (kaos,) = props_of(neo4j_db, "MATCH (p:Platform {name: '卡奥斯'}) RETURN properties(p)")
    assert kaos["aliases"] == ["COSMOPlat", "卡奥斯COSMOPlat", "海尔卡奥斯"]
    assert kaos["mentions"] == 5
    assert (kaos["first_seen"], kaos["last_seen"]) == ("2022-08-12", "2023-03-01")
    (signed,) = props_of(
        neo4j_db,
        "MATCH (:Company {name: '华光国瓷'})-[r:SIGNED_WITH]-(:Platform {name: '卡奥斯'}) "
        "RETURN properties(r)",
    )
    assert signed["evidence_sentence"] == ["海尔卡奥斯与华光国瓷签署合作协议。"]
    assert signed["evidence_article"] == ["art-zibo"] and signed["evidence_count"] == 1
    (works,) = props_of(neo4j_db, "MATCH (:Person)-[r:WORKS_FOR]->() RETURN r.title")
    assert works == "总裁"
    # symmetric types are stored once, head name < tail name
    assert props_of(neo4j_db, "MATCH (a)-[r:SIGNED_WITH]->(b) RETURN a.name < b.name") == [
        True, True
    ]


def _edited_qingdao() -> Extraction:
    """The Qingdao article after an edit: new text (so a new id), same path; the signing with
    鲁中耐火材料 is gone and the EMPOWERS sentence reads differently."""
    old = corpus()[1]
    sentence = "卡奥斯持续赋能纽氏达特。"
    text = sentence + "胜软科技携手华为。"
    article = dataclasses.replace(old.article, id="art-qingdao-v2", text=text)
    keep = [e for e in old.entities if e.name not in ("鲁中耐火材料", "张店区")]
    keep = [dataclasses.replace(e, aliases=()) if e.name == "卡奥斯" else e for e in keep]
    relations = [
        Relation("EMPOWERS", "卡奥斯", "Platform", "纽氏达特", "Company", sentence, 0,
                 len(sentence), "rule:empowers", 0.95),
        *(r for r in old.relations if r.type in ("PARTNERS_WITH", "LOCATED_IN", "PART_OF")
          and "张店区" not in (r.head, r.tail) and r.head != "鲁中耐火材料"),
    ]
    return Extraction(article, tuple(keep), tuple(relations))


def test_changed_article_replaces_only_its_own_evidence(neo4j_db: Any) -> None:
    write_extractions(neo4j_db, corpus())
    before = snapshot(neo4j_db)
    result = write_extractions(neo4j_db, [_edited_qingdao()])
    assert (result.new, result.changed, result.unchanged) == (0, 1, 0)

    ids = props_of(neo4j_db, "MATCH (a:Article) RETURN a.id ORDER BY a.id")
    assert ids == ["art-misc", "art-qingdao-v2", "art-zibo"]
    empowers = props_of(
        neo4j_db,
        "MATCH (:Platform {name: '卡奥斯'})-[r:EMPOWERS]->(:Company {name: '纽氏达特'}) "
        "RETURN properties(r)",
    )
    assert empowers[0]["evidence_sentence"] == ["卡奥斯持续赋能纽氏达特。"]
    assert empowers[0]["evidence_article"] == ["art-qingdao-v2"]
    # a relationship only the old version supported is gone, with the entities only it held
    assert props_of(neo4j_db, "MATCH (:Company {name: '鲁中耐火材料'}) RETURN 1") == []
    assert props_of(neo4j_db, "MATCH ()-[r:SIGNED_WITH]->() RETURN count(r)") == [1]
    # totals recomputed: the alias only the old version used is gone
    (kaos,) = props_of(neo4j_db, "MATCH (p:Platform {name: '卡奥斯'}) RETURN properties(p)")
    assert kaos["aliases"] == ["COSMOPlat", "海尔卡奥斯"]
    assert kaos["mentions"] == 5
    # everything the other articles hold is untouched
    after = snapshot(neo4j_db)
    untouched = [
        r for r in before[1]
        if (r[1] == "MENTIONS" and r[0] != "art-qingdao")
        or (r[1] != "MENTIONS" and "art-qingdao" not in r[3]["evidence_article"])
    ]
    assert len(untouched) > 20 and all(r in after[1] for r in untouched)
    # and the graph is exactly what a fresh ingest of the current corpus gives
    store.clear_database(neo4j_db)
    write_extractions(neo4j_db, [corpus()[0], _edited_qingdao(), corpus()[2]])
    assert snapshot(neo4j_db) == after


def test_changed_extraction_of_the_same_text_is_rewritten(neo4j_db: Any) -> None:
    write_extractions(neo4j_db, corpus())
    zibo = corpus()[0]
    better = dataclasses.replace(
        zibo, relations=tuple(dataclasses.replace(r, confidence=0.99) for r in zibo.relations)
    )
    result = write_extractions(neo4j_db, [better])
    assert (result.changed, result.new) == (1, 0)
    confidences = props_of(
        neo4j_db, "MATCH ()-[r:ISSUED_BY]->() RETURN r.evidence_confidence"
    )
    assert confidences == [[0.99]]


def test_a_failing_batch_writes_nothing_and_names_its_articles(neo4j_db: Any) -> None:
    good, bad = prepare(corpus()[2]), prepare(corpus()[0])
    # a property value Neo4j cannot store (a map): fails mid-transaction, after some writes
    bad.entities[("Company", "华光国瓷")]["props"]["broken"] = {"not": "storable"}
    with pytest.raises(store.StoreError, match=r"corpus/zibo\.txt") as info:
        store.write_articles(neo4j_db, [good, bad])
    assert "corpus/misc.txt" in str(info.value)
    assert store.stats(neo4j_db)["nodes"] == 0


def test_read_only_query_refuses_writes(neo4j_db: Any) -> None:
    write_extractions(neo4j_db, corpus())
    nodes = store.stats(neo4j_db)["nodes"]
    writes = (
        "MATCH (n) DETACH DELETE n",
        "CREATE (:Company {name: 'x'})",
        "MATCH (n:City) SET n.name = 'x'",
        "CREATE INDEX x IF NOT EXISTS FOR (n:X) ON (n.y)",
    )
    for query in writes:
        with pytest.raises(store.ReadOnlyViolation, match="read-only"):
            store.run_query_readonly(neo4j_db, query)
    assert store.stats(neo4j_db)["nodes"] == nodes
    result = store.run_query_readonly(neo4j_db, "MATCH (c:City) RETURN c.name AS name")
    assert result.columns == ["name"] and ["淄博市"] in result.rows


def test_schema_and_fulltext_over_alias_lists(neo4j_db: Any) -> None:
    store.apply_schema(neo4j_db)
    names = props_of(neo4j_db, "SHOW INDEXES YIELD name RETURN name")
    assert {"platform_name", "article_id", "entity_names", "article_path"} <= set(names)
    write_extractions(neo4j_db, corpus())
    store.run_query_readonly(neo4j_db, "CALL db.awaitIndexes(60)")
    hits = props_of(
        neo4j_db,
        "CALL db.index.fulltext.queryNodes('entity_names', '\"COSMOPlat\"') YIELD node "
        "RETURN node.name",
    )
    assert hits == ["卡奥斯"]  # found through an element of the `aliases` list only


def test_invalid_extraction_names_the_article(neo4j_db: Any) -> None:
    bad = dataclasses.replace(corpus()[0], entities=(Entity("Robot", "R2"),))
    with pytest.raises(ValueError, match=r"corpus/zibo\.txt"):
        write_extractions(neo4j_db, [bad])
    assert store.stats(neo4j_db)["nodes"] == 0


def test_timed_writes_store_the_same_graph(neo4j_db: Any) -> None:
    """write_articles(timings=...) only measures: the graph is the one a plain write leaves."""
    prepared = [prepare(x) for x in corpus()]
    for article in prepared:
        store.write_articles(neo4j_db, [article])
    plain = snapshot(neo4j_db)
    store.clear_database(neo4j_db)
    timings: dict[str, float] = {}
    for article in prepared:
        store.write_articles(neo4j_db, [article], timings=timings)
    assert snapshot(neo4j_db) == plain
    assert any("MERGE (h)-[r:SIGNED_WITH]->(t)" in text for text in timings)
    assert any("MERGE (a:Article {id: row.id})" in text for text in timings)
    assert all(seconds > 0 for seconds in timings.values())
