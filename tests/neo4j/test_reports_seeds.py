"""The bundled seed corpus through the real pipeline into a real Neo4j: every report returns the
facts the articles state; ingesting twice changes nothing; an edited article replaces only its
own evidence. (These depend on extraction quality; test_reports_library.py checks the report
logic itself on hand-built extractions.)"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from support.graphdb import clear_database
from support.paths import SEEDS
from support.report_rows import report_rows as run

import cypher
from graph.ingest import ingest

ZIBO_ARTICLE = "000_14939d2c03372406.txt"


@pytest.fixture(scope="module")
def seeds(neo4j_driver: Any, neo4j_server: Any) -> Any:
    clear_database(neo4j_driver)
    summary = ingest([str(SEEDS)], graph=neo4j_driver)
    assert summary.read == 5 and not summary.skipped
    neo4j_driver.run_query_readonly("CALL db.awaitIndexes(60)")
    return neo4j_driver


CHECKS = {
    "agreements": lambda g: ("华光国瓷", "卡奥斯")
    in {(r["party_a"], r["party_b"]) for r in run(g, "agreements")},
    "policies": lambda g: any(
        r["policy"] == "2022年淄博市窑炉数字化提升行动计划"
        and "淄博市工业和信息化局" in r["issuers"]
        for r in run(g, "policies", issuer="淄博市工信局")
    ),
    "platform-reach": lambda g: "卡奥斯" in {r["platform"] for r in run(g, "platform-reach")},
    "empowered-by": lambda g: "华光国瓷"
    in {r["target"] for r in run(g, "empowered-by", name="海尔卡奥斯")},
    "city-profile": lambda g: ("Policy", "2022年淄博市窑炉数字化提升行动计划")
    in {(r["kind"], r["name"]) for r in run(g, "city-profile", name="淄博")},
    "path": lambda g: any(
        r["nodes"][0] == "华光国瓷" and r["nodes"][-1] == "海尔集团"
        for r in run(g, "path", **{"from": "华光国瓷", "to": "海尔集团"})
    ),
    "neighbors": lambda g: "华光国瓷"
    in {r["neighbor"] for r in run(g, "neighbors", name="卡奥斯")},
    "evidence": lambda g: any(
        "签署合作协议" in r["sentence"]
        for r in run(g, "evidence", head="卡奥斯", tail="华光国瓷", type="SIGNED_WITH")
    ),
    "article-facts": lambda g: ("SIGNED_WITH", "华光国瓷", "卡奥斯")  # stored in name order
    in {(r["type"], r["head"], r["tail"]) for r in run(g, "article-facts", article=ZIBO_ARTICLE)},
    "cross-region-platforms": lambda g: "卡奥斯"
    in {r["platform"] for r in run(g, "cross-region-platforms")},
    "top-entities": lambda g: "卡奥斯" in {r["name"] for r in run(g, "top-entities", limit=10)},
    "people": lambda g: ("周云杰", "海尔集团")
    in {(r["person"], r["organization"]) for r in run(g, "people")},
    "timeline": lambda g: ("2022-08-12", "SIGNED_WITH")
    in {(r["date"], r["type"]) for r in run(g, "timeline", name="卡奥斯")},
    "quality": lambda g: {r["issue"] for r in run(g, "quality")} <= {
        "orphan", "alias_collision", "low_confidence"
    } and len(run(g, "quality")) > 0,
    "platforms": lambda g: "海尔集团"
    in next(r["owners"] for r in run(g, "platforms") if r["platform"] == "卡奥斯"),
    "search": lambda g: run(g, "search", text="海尔卡奥斯")[0]["name"] == "卡奥斯",
    "relations": lambda g: ("WORKS_FOR", "海尔集团")
    in {(r["type"], r["other"]) for r in run(g, "relations", name="周云杰")},
    "most-connected": lambda g: "卡奥斯"
    in {r["name"] for r in run(g, "most-connected", limit=10)},
    "whats-new": lambda g: ("new_relationship", "SIGNED_WITH", "华光国瓷 → 卡奥斯")
    in {(r["change"], r["kind"], r["name"]) for r in run(g, "whats-new", since="2000",
                                                          type="SIGNED_WITH")},
    # 总投资1000万元 (a retrofit) and 投入80万元 (a kiln line) are investments of the seeds
    "amounts": lambda g: {10_000_000, 800_000} <= {r["value"] for r in run(g, "amounts")},
    "communities": lambda g: _analyzed(g) and any(
        "卡奥斯" in r["leading"] for r in run(g, "communities", members=10)),
}


def _analyzed(g: Any) -> bool:
    from graph.analyze import analyze_graph

    return analyze_graph(g).communities > 0


def test_every_report_is_checked_on_the_seeds() -> None:
    assert set(CHECKS) == set(cypher.reports())


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_report_on_seeds(seeds: Any, name: str) -> None:
    assert CHECKS[name](seeds), f"{name}: expected rows missing on the seed corpus"


def _state(driver: Any) -> tuple[dict, list, list, list]:
    rels = driver.run_query_readonly("MATCH (a:Entity)-[r]->(b:Entity) "
        "RETURN a.name, type(r), b.name, properties(r) ORDER BY a.name, type(r), b.name",
    ).rows
    evidence = driver.run_query_readonly(
        "MATCH (a:Article)-[:HAS_EVIDENCE]->(ev:Evidence) RETURN a.id, properties(ev) "
        "ORDER BY ev.rel, a.id, ev.start, ev.end, ev.method",
    ).rows
    quantities = driver.run_query_readonly(
        "MATCH (a:Article)-[:HAS_QUANTITY]->(q:Quantity) OPTIONAL MATCH (q)-[:QUANTIFIES]->(e) "
        "RETURN a.id, q.key, q.value, q.kind, collect(e.name) ORDER BY q.key").rows
    return driver.stats(), rels, evidence, quantities


def test_seeds_twice_and_an_edited_article(neo4j_db: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "articles"
    shutil.copytree(SEEDS, corpus)
    first = ingest([str(corpus)], graph=neo4j_db)
    assert first.written is not None and first.written.new == 5
    stats, rels, evidence, quantities = _state(neo4j_db)
    assert len(quantities) > 100  # the seeds' money, counts, percentages and capacities
    assert stats["labels"]["Evidence"] == len(evidence) > 20
    # every Evidence node names the article it is linked from, and a relationship that exists
    assert all(row[0] == row[1]["article"] for row in evidence)
    assert {row[1]["rel"] for row in evidence} == {r[3]["key"] for r in rels}

    again = ingest([str(corpus)], graph=neo4j_db)
    assert again.written is not None and again.written.unchanged == 5
    assert _state(neo4j_db) == (stats, rels, evidence, quantities)

    edited = corpus / ZIBO_ARTICLE
    old_id = neo4j_db.run_query_readonly(
        "MATCH (a:Article) WHERE a.path ENDS WITH $f RETURN a.id", {"f": ZIBO_ARTICLE}
    ).rows[0][0]
    text = edited.read_text(encoding="utf-8")
    assert "海尔卡奥斯与华光国瓷签署合作协议" in text
    text = text.replace("华光国瓷签署合作协议", "华光国瓷签署战略协议")
    edited.write_text(text, encoding="utf-8")
    third = ingest([str(corpus)], graph=neo4j_db)
    assert third.written is not None
    assert (third.written.changed, third.written.unchanged, third.written.new) == (1, 4, 0)
    new_stats, new_rels, new_evidence, new_quantities = _state(neo4j_db)
    assert new_stats["labels"]["Article"] == 5
    new_id = neo4j_db.run_query_readonly(
        "MATCH (a:Article) WHERE a.path ENDS WITH $f RETURN a.id", {"f": ZIBO_ARTICLE}
    ).rows[0][0]
    assert new_id != old_id
    # the edited article's quantities were replaced (same numbers, under its new id); the
    # others' are untouched
    assert sorted(q[2:4] for q in new_quantities) == sorted(q[2:4] for q in quantities)
    assert [q for q in new_quantities if q[0] != new_id] == [
        q for q in quantities if q[0] != old_id]
    # relationships none of whose evidence came from the edited article are untouched, and so
    # is the evidence of every other article
    touched = {row[1]["rel"] for row in evidence if row[0] == old_id}
    others = [r for r in rels if r[3]["key"] not in touched]
    assert len(others) > 20 and all(r in new_rels for r in others)
    assert [e for e in evidence if e[0] != old_id] == [e for e in new_evidence if e[0] != new_id]
    assert not any(e[0] == old_id for e in new_evidence)
    # (gazetteer facts have no sentence: the property is absent)
    sentences = json.dumps([e[1].get("sentence") for e in new_evidence], ensure_ascii=False)
    assert "签署战略协议" in sentences and "签署合作协议" not in sentences
    # the reports read the new sentence
    signed = run(neo4j_db, "evidence", head="卡奥斯", tail="华光国瓷", type="SIGNED_WITH")
    assert [r["article"] for r in signed] == [new_id]
    assert "签署战略协议" in signed[0]["sentence"]
