"""Reports that read Evidence nodes, on a relationship supported by several articles: one
undated, one earlier than the hand-built corpus. Checks the stable evidence order (undated
first, then by date), which sentence a one-sentence column shows, date windows that a
relationship's first/last dates straddle without any sentence inside, and article-facts."""

from __future__ import annotations

from typing import Any

import pytest
from support.graphdb import clear_database
from support.report_rows import report_rows as run
from support.store_corpus import HUAGUANG, KAOS, NEWSTAR, _article, _rel, corpus

from graph.ingest import write_extractions
from graph.model import Entity, Extraction

E1 = "卡奥斯与华光国瓷早在去年即有接触。"
E2 = "卡奥斯为华光国瓷提供平台服务。"
E3 = "华光国瓷与卡奥斯续签协议。"
STAR = ("Platform", "星火平台")  # sorts after 卡奥斯
F = ["星火平台赋能华光国瓷。", "星火平台再度赋能华光国瓷。",
     "星火平台赋能纽氏达特。", "星火平台持续赋能纽氏达特。"]


def extra() -> list[Extraction]:
    early = _article("art-early", "corpus/early.txt", "2021-03-05", "早期接触", E1 + E2)
    undated = _article("art-undated", "corpus/undated.txt", None, "续签", E3)
    star = _article("art-star", "corpus/star.txt", "2022-08-12", "星火", "".join(F))
    entities = (Entity(*KAOS, mentions=1), Entity(*HUAGUANG, mentions=1))
    return [
        Extraction(early, entities, (
            _rel("SIGNED_WITH", KAOS, HUAGUANG, E1, 0),
            _rel("EMPOWERS", KAOS, HUAGUANG, E2, len(E1), 0.5),
        )),
        Extraction(undated, entities, (_rel("SIGNED_WITH", HUAGUANG, KAOS, E3, 0),)),
        Extraction(star, (Entity(*STAR, mentions=4), Entity(*HUAGUANG, mentions=2),
                          Entity(*NEWSTAR, mentions=2)), tuple(
            _rel("EMPOWERS", STAR, target, sentence, sum(len(x) for x in F[:i]))
            for i, (target, sentence) in enumerate(
                zip((HUAGUANG, HUAGUANG, NEWSTAR, NEWSTAR), F, strict=True)
            )
        )),
    ]


@pytest.fixture(scope="module")
def graph(neo4j_driver: Any, neo4j_server: Any) -> Any:
    clear_database(neo4j_driver)
    write_extractions(neo4j_driver, corpus() + extra())
    neo4j_driver.run_query_readonly("CALL db.awaitIndexes(60)")
    return neo4j_driver


def test_evidence_lists_every_sentence_in_stable_order(graph: Any) -> None:
    rows = run(graph, "evidence", head="海尔卡奥斯", tail="华光国瓷", type="SIGNED_WITH")
    assert [(r["date"], r["article"], r["title"], r["sentence"]) for r in rows] == [
        (None, "art-undated", "续签", E3),  # unknown date: absent, listed first
        ("2021-03-05", "art-early", "早期接触", E1),
        ("2022-08-12", "art-zibo", "淄博窑炉数字化", "海尔卡奥斯与华光国瓷签署合作协议。"),
    ]
    assert {(r["type"], r["head"], r["tail"]) for r in rows} == {
        ("SIGNED_WITH", "华光国瓷", "卡奥斯")  # symmetric type, stored in name order
    }
    assert [r["article"] for r in run(graph, "evidence", head="卡奥斯", tail="华光国瓷",
                                      type="SIGNED_WITH", limit=1)] == ["art-undated"]
    both = run(graph, "evidence", head="卡奥斯", tail="华光国瓷")
    assert [(r["type"], r["date"]) for r in both] == [
        ("EMPOWERS", "2021-03-05"), ("EMPOWERS", "2022-08-12"),
        ("SIGNED_WITH", None), ("SIGNED_WITH", "2021-03-05"), ("SIGNED_WITH", "2022-08-12"),
    ]
    assert {r["method"] for r in both} == {"rule:empowers", "rule:signed_with"}
    assert [r["confidence"] for r in both][:2] == [0.5, 0.9]


def test_agreements_totals_first_sentence_and_date_windows(graph: Any) -> None:
    row = next(r for r in run(graph, "agreements") if r["party_b"] == "卡奥斯"
               and r["party_a"] == "华光国瓷")
    assert (row["evidence_count"], row["first_seen"], row["last_seen"]) == (
        3, "2021-03-05", "2022-08-12"
    )
    assert row["sentence"] == E3  # first in the stable order
    pairs = lambda **p: {(r["party_a"], r["party_b"]) for r in run(graph, "agreements", **p)}  # noqa: E731
    # the relationship's dates straddle the window, but no sentence lies inside it
    assert pairs(since="2022-01", until="2022-06") == set()
    assert pairs(since="2022-08", until="2022-08") == {("华光国瓷", "卡奥斯")}
    assert pairs(since="2021", until="2021") == {("华光国瓷", "卡奥斯")}
    assert pairs(since="2021", until="2023") == {("华光国瓷", "卡奥斯"), ("卡奥斯", "鲁中耐火材料")}
    assert pairs(until="2021-03-04") == set()
    assert pairs(since="2022-08-13") == {("卡奥斯", "鲁中耐火材料")}


def test_empowered_by_shows_the_earliest_sentence(graph: Any) -> None:
    found = run(graph, "empowered-by", name="卡奥斯")
    assert found[0]["target"] == "华光国瓷"  # most evidence first
    rows = {r["target"]: r for r in found}
    assert (rows["华光国瓷"]["evidence_count"], rows["华光国瓷"]["sentence"]) == (2, E2)
    assert rows["华光国瓷"]["confidence"] == 0.9  # the highest of its evidence


def test_timeline_reads_dates_from_evidence(graph: Any) -> None:
    rows = run(graph, "timeline", name="华光国瓷")
    assert (rows[0]["date"], rows[0]["title"], rows[0]["sentence"]) == (None, "续签", E3)
    dated = [r["date"] for r in rows[1:]]
    assert dated == sorted(dated) and dated[0] == "2021-03-05"
    early = run(graph, "timeline", name="华光国瓷", until="2021")
    assert {(r["type"], r["sentence"], r["title"]) for r in early} == {
        ("SIGNED_WITH", E1, "早期接触"), ("EMPOWERS", E2, "早期接触")
    }
    window = run(graph, "timeline", name="华光国瓷", since="2022-01", until="2022-06")
    assert window == []
    assert {r["date"] for r in run(graph, "timeline", name="华光国瓷", since="2022")} == {
        "2022-08-12"
    }
    assert len(run(graph, "timeline", name="华光国瓷", limit=2)) == 2


def test_article_facts_lists_the_articles_own_evidence(graph: Any) -> None:
    expected = {
        ("relationship", "SIGNED_WITH", "华光国瓷", "卡奥斯", E1, 0.9),
        ("relationship", "EMPOWERS", "卡奥斯", "华光国瓷", E2, 0.5),
        ("entity", "Platform", "卡奥斯", None, None, None),
        ("entity", "Company", "华光国瓷", None, None, None),
    }
    for name in ("art-early", "corpus/early.txt", "early.txt", "早期接触"):
        rows = run(graph, "article-facts", article=name)
        assert {(r["kind"], r["type"], r["head"], r["tail"], r["sentence"], r["confidence"])
                for r in rows} == expected, name
        assert {r["article"] for r in rows} == {"art-early"}
    assert run(graph, "article-facts", article="nope.txt") == []
    assert len(run(graph, "article-facts", article="early.txt", limit=3)) == 3


def test_platform_reach_breaks_ties_at_the_cut_by_evidence(graph: Any) -> None:
    # 卡奥斯 and 星火平台 both empower two companies; 星火平台 has more evidence (4 to 3), so
    # it ranks first even though its name sorts after
    rows = run(graph, "platform-reach")
    assert [(r["platform"], r["targets"], r["evidence"]) for r in rows] == [
        ("星火平台", 2, 4), ("卡奥斯", 2, 3)
    ]
    assert [r["platform"] for r in run(graph, "platform-reach", limit=1)] == ["星火平台"]
    assert rows[1]["examples"] == ["华光国瓷", "纽氏达特"]  # most evidence first
