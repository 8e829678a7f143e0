"""Every report of the library on a real Neo4j loaded with the hand-built corpus, with the rows
it must return; and report parameters that try to inject Cypher."""

from __future__ import annotations

from typing import Any

import pytest
from support.graphdb import clear_database
from support.report_rows import report_rows as run
from support.store_corpus import corpus

import cypher
from graph.ingest import write_extractions

INJECTION = "x'}) DETACH DELETE n //"


@pytest.fixture(scope="module")
def graph(neo4j_driver: Any, neo4j_server: Any) -> Any:
    """The corpus, written once for this module's read-only tests."""
    clear_database(neo4j_driver)
    write_extractions(neo4j_driver, corpus())
    neo4j_driver.run_query_readonly("CALL db.awaitIndexes(60)")
    return neo4j_driver


def pairs(rows: list[dict[str, Any]], a: str, b: str) -> set[tuple[Any, Any]]:
    return {(r[a], r[b]) for r in rows}


def check_agreements(g: Any) -> None:
    rows = run(g, "agreements")
    assert pairs(rows, "party_a", "party_b") == {("华光国瓷", "卡奥斯"), ("卡奥斯", "鲁中耐火材料")}
    signed = next(r for r in rows if r["party_a"] == "华光国瓷")
    assert signed["sentence"] == "海尔卡奥斯与华光国瓷签署合作协议。"
    assert (signed["label_a"], signed["label_b"]) == ("Company", "Platform")
    # city filter includes districts (鲁中耐火材料 is in 张店区, part of 淄博市); alias 淄博
    assert len(run(g, "agreements", city="淄博")) == 2
    assert run(g, "agreements", city="青岛市") == []
    assert pairs(run(g, "agreements", since="2023"), "party_a", "party_b") == {
        ("卡奥斯", "鲁中耐火材料")
    }
    assert pairs(run(g, "agreements", until="2022-12"), "party_a", "party_b") == {
        ("华光国瓷", "卡奥斯")
    }


def check_policies(g: Any) -> None:
    rows = run(g, "policies")
    assert [(r["policy"], r["issuers"]) for r in rows] == [
        ("2022年淄博市窑炉数字化提升行动计划", ["淄博市工业和信息化局"])
    ]
    assert len(run(g, "policies", issuer="淄博市工信局")) == 1  # alias of the issuer
    assert len(run(g, "policies", city="淄博")) == 1
    assert run(g, "policies", city="青岛") == []
    assert run(g, "policies", since="2023") == []


def check_platform_reach(g: Any) -> None:
    rows = run(g, "platform-reach")
    assert rows[0]["platform"] == "卡奥斯"
    assert (rows[0]["targets"], rows[0]["companies"]) == (2, 2)
    assert sorted(rows[0]["examples"]) == ["华光国瓷", "纽氏达特"]
    zibo = run(g, "platform-reach", city="淄博市")
    assert [(r["platform"], r["examples"]) for r in zibo] == [("卡奥斯", ["华光国瓷"])]


def check_empowered_by(g: Any) -> None:
    rows = run(g, "empowered-by", name="COSMOPlat")  # an alias
    assert {(r["platform"], r["target"], r["target_label"]) for r in rows} == {
        ("卡奥斯", "华光国瓷", "Company"), ("卡奥斯", "纽氏达特", "Company")
    }
    assert "卡奥斯赋能青岛纽氏达特。" in {r["sentence"] for r in rows}


def check_city_profile(g: Any) -> None:
    rows = {(r["kind"], r["name"]) for r in run(g, "city-profile", name="淄博")}
    assert {
        ("District", "张店区"),
        ("Company", "华光国瓷"),
        ("Company", "鲁中耐火材料"),
        ("Agency", "淄博市工业和信息化局"),
        ("Platform", "窑炉数字大脑"),
        ("Platform", "卡奥斯"),
        ("Policy", "2022年淄博市窑炉数字化提升行动计划"),
        ("Project", "华光智慧窑炉数字化车间项目"),
        ("Agreement", "华光国瓷 ↔ 卡奥斯"),
        ("Agreement", "卡奥斯 ↔ 鲁中耐火材料"),
    } <= rows
    assert not any(name == "纽氏达特" for _, name in rows)  # a Qingdao company


def check_city_profile_kind(g: Any) -> None:
    rows = run(g, "city-profile", name="淄博", kind="Company")
    assert {r["name"] for r in rows} == {"华光国瓷", "鲁中耐火材料"}
    assert {r["kind"] for r in run(g, "city-profile", name="淄博", kind="District")} == {
        "District"}


def check_agreements_by_party(g: Any) -> None:
    assert pairs(run(g, "agreements", party="鲁中耐材"), "party_a", "party_b") == {
        ("卡奥斯", "鲁中耐火材料")}
    assert len(run(g, "agreements", party="海尔卡奥斯")) == 2
    assert pairs(run(g, "agreements", party="卡奥斯", city="张店区"), "party_a", "party_b") == {
        ("卡奥斯", "鲁中耐火材料")}
    assert run(g, "agreements", party="华为") == []


def check_relations(g: Any) -> None:
    rows = run(g, "relations", name="周云杰", type="WORKS_FOR")
    assert [(r["other"], r["title"], r["direction"]) for r in rows] == [("海尔集团", "总裁", "out")]
    assert rows[0]["sentence"].startswith("由卡奥斯开发的窑炉数字大脑")
    issued = run(g, "relations", name="2022年淄博市窑炉数字化提升行动计划", type="ISSUED_BY")
    assert [(r["other"], r["other_label"]) for r in issued] == [("淄博市工业和信息化局", "Agency")]
    every = run(g, "relations", name="海尔卡奥斯")
    assert {r["type"] for r in every} == {"SIGNED_WITH", "SUBSIDIARY_OF", "EMPOWERS",
                                          "DEVELOPED_BY"}
    assert all(r["sentence"] for r in every)


def check_most_connected(g: Any) -> None:
    rows = run(g, "most-connected")
    assert rows[0]["name"] == "卡奥斯" and rows[0]["relationships"] == 6
    assert rows[0]["types"] == ["DEVELOPED_BY", "EMPOWERS", "SIGNED_WITH", "SUBSIDIARY_OF"]
    counts = [r["relationships"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert {r["label"] for r in run(g, "most-connected", label="City")} == {"City"}
    assert len(run(g, "most-connected", limit=2)) == 2


def check_whats_new(g: Any) -> None:
    # published between 2023 and now: the Qingdao article only (art-misc is from 2021)
    rows = run(g, "whats-new", since="2023", by="published")
    changes = {(r["change"], r["kind"], r["name"]) for r in rows}
    assert ("new_entity", "Company", "纽氏达特") in changes
    assert ("new_relationship", "EMPOWERS", "卡奥斯 → 纽氏达特") in changes
    assert not any(name == "卡奥斯" for _, _, name in changes)  # seen in 2022 already
    assert all(r["sentence"] for r in rows)
    # the whole corpus was ingested now: everything is new by ingest time
    ingested = run(g, "whats-new", since="2000-01-01")
    assert {r["change"] for r in ingested} == {"new_entity", "new_relationship"}
    assert run(g, "whats-new", since="2999-01-01") == []
    only = run(g, "whats-new", since="2000", type="SIGNED_WITH")
    assert {r["kind"] for r in only} == {"SIGNED_WITH"} and len(only) == 2


def check_path(g: Any) -> None:
    rows = run(g, "path", **{"from": "海尔卡奥斯", "to": "淄博"})
    assert rows and all(r["hops"] == 2 for r in rows)
    assert {tuple(r["nodes"]) for r in rows} >= {
        ("卡奥斯", "华光国瓷", "淄博市"), ("卡奥斯", "窑炉数字大脑", "淄博市")
    }
    expected = "卡奥斯 <-[DEVELOPED_BY]- 窑炉数字大脑 -[LOCATED_IN]-> 淄博市"
    assert expected in {r["path"] for r in rows}
    assert run(g, "path", **{"from": "卡奥斯", "to": "淄博市", "max_hops": 1}) == []


def check_neighbors(g: Any) -> None:
    one = {r["neighbor"]: r for r in run(g, "neighbors", name="卡奥斯")}
    assert set(one) == {"华光国瓷", "纽氏达特", "海尔集团", "窑炉数字大脑", "鲁中耐火材料"}
    assert one["华光国瓷"]["via"] == ["EMPOWERS", "SIGNED_WITH"]
    two = {r["neighbor"]: r["distance"] for r in run(g, "neighbors", name="卡奥斯", hops=2)}
    assert two["淄博市"] == 2 and two["华光国瓷"] == 1 and "卡奥斯" not in two


def check_evidence(g: Any) -> None:
    rows = run(g, "evidence", head="华光国瓷", tail="海尔卡奥斯")
    assert {(r["type"], r["sentence"], r["article"]) for r in rows} == {
        ("EMPOWERS", "卡奥斯赋能华光国瓷打造华光智慧窑炉数字化车间项目。", "art-zibo"),
        ("SIGNED_WITH", "海尔卡奥斯与华光国瓷签署合作协议。", "art-zibo"),
    }
    assert rows[0]["title"] == "淄博窑炉数字化" and rows[0]["date"] == "2022-08-12"
    assert len(run(g, "evidence", head="华光国瓷", tail="卡奥斯", type="SIGNED_WITH")) == 1


def check_article_facts(g: Any) -> None:
    rows = run(g, "article-facts", article="zibo.txt")
    kinds = [r["kind"] for r in rows]
    assert kinds.count("entity") == 10 and kinds.count("relationship") == 11
    assert {r["article"] for r in rows} == {"art-zibo"}
    assert ("relationship", "WORKS_FOR", "周云杰", "海尔集团") in {
        (r["kind"], r["type"], r["head"], r["tail"]) for r in rows
    }
    assert len(run(g, "article-facts", article="art-misc")) == 4 + 1


def check_cross_region_platforms(g: Any) -> None:
    rows = run(g, "cross-region-platforms")
    assert [(r["platform"], r["regions"], r["region_names"]) for r in rows] == [
        ("卡奥斯", 2, ["淄博市", "青岛市"])  # 张店区 rolled up to 淄博市
    ]
    assert run(g, "cross-region-platforms", level="province") == []  # all in 山东省


def check_top_entities(g: Any) -> None:
    rows = run(g, "top-entities", limit=3)
    assert rows[0]["name"] == "卡奥斯" and rows[0]["mentions"] == 5 and rows[0]["articles"] == 2
    companies = run(g, "top-entities", label="Company", limit=50)
    assert {r["label"] for r in companies} == {"Company"}
    assert len(companies) == 8


def check_people(g: Any) -> None:
    rows = run(g, "people")
    assert [(r["person"], r["title"], r["organization"]) for r in rows] == [
        ("周云杰", "总裁", "海尔集团")
    ]
    assert len(run(g, "people", org="海尔集团")) == 1
    assert run(g, "people", org="华为") == []


def check_timeline(g: Any) -> None:
    rows = run(g, "timeline", name="卡奥斯")
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates) and dates[0] == "2022-08-12" and dates[-1] == "2023-03-01"
    assert {r["type"] for r in rows} >= {"SIGNED_WITH", "EMPOWERS", "DEVELOPED_BY"}
    assert {r["date"] for r in run(g, "timeline", name="卡奥斯", since="2023")} == {"2023-03-01"}


def check_quality(g: Any) -> None:
    found = run(g, "quality")
    rows = {(r["issue"], r["name"]) for r in found}
    assert ("orphan", "孤零零科技") in rows
    collision = next(r for r in found if r["issue"] == "alias_collision")
    assert collision["name"] == "华光国瓷"
    assert collision["detail"] == "used by Company 华光国瓷, Company 华光集团"
    assert ("low_confidence", "华为 → 海尔集团") in rows
    assert not any(issue == "low_confidence" and "青岛市" in name for issue, name in rows)


def check_platforms(g: Any) -> None:
    rows = {r["platform"]: r for r in run(g, "platforms")}
    assert rows["卡奥斯"]["owners"] == ["海尔集团"] and rows["卡奥斯"]["empowers"] == 2
    assert rows["窑炉数字大脑"]["developers"] == ["卡奥斯"]
    assert rows["窑炉数字大脑"]["located_in"] == ["淄博市"]


def check_search(g: Any) -> None:
    assert [r["name"] for r in run(g, "search", text="COSMOPlat")] == ["卡奥斯"]
    agencies = run(g, "search", text="淄博", label="Agency")
    assert "淄博市工业和信息化局" in {r["name"] for r in agencies}


def check_amounts(g: Any) -> None:
    # this corpus holds no Quantity nodes (tests/neo4j/test_quantities_store.py has the rows)
    assert run(g, "amounts") == []
    assert run(g, "amounts", city="淄博", since="2022", aspect="signing") == []


def check_communities(g: Any) -> None:
    from graph.analyze import analyze_graph

    assert run(g, "communities") == []  # before iikg analyze: no community property
    result = analyze_graph(g)
    rows = run(g, "communities", min_size=1, limit=100)
    assert sum(r["size"] for r in rows) == result.nodes
    assert [r["community"] for r in rows] == list(range(result.communities))
    joined = next(r for r in rows if "卡奥斯" in r["leading"])
    assert joined["internal"] > 0 and joined["binding"]


def _edges(g: Any) -> list[tuple[str, str, str]]:
    """Every entity-to-entity relationship as (start name, type, end name): plain data for
    the brute-force references below (names are unique in the hand-built corpus)."""
    return [tuple(row) for row in g.run_query_readonly(
        "MATCH (a:Entity)-[r]->(b:Entity) RETURN a.name, type(r), b.name"
    ).rows]


def _labels(g: Any) -> dict[str, str]:
    rows = g.run_query_readonly(
        "MATCH (e:Entity) RETURN e.name, [l IN labels(e) WHERE l <> 'Entity'][0]"
    ).rows
    return dict(rows)


def expected_neighbors(g: Any, center: str, hops: int, limit: int) -> list[tuple]:
    """Breadth-first search in Python: distance = first layer; via = types of the
    relationships to the layer before."""
    adjacent: dict[str, set[tuple[str, str]]] = {}
    for a, t, b in _edges(g):
        adjacent.setdefault(a, set()).add((t, b))
        adjacent.setdefault(b, set()).add((t, a))
    distance = {center: 0}
    layer = [center]
    for d in range(1, hops + 1):
        layer = sorted({n for m in layer for _, n in adjacent.get(m, ()) if n not in distance})
        distance.update((n, d) for n in layer)
    labels = _labels(g)
    rows = [
        (center, n, labels[n], d,
         sorted({t for t, m in adjacent[n] if distance.get(m) == d - 1}))
        for n, d in distance.items() if d > 0
    ]
    return sorted(rows, key=lambda r: (r[3], r[2], r[1]))[:limit]


def test_neighbors_agree_with_breadth_first_search(graph: Any) -> None:
    centers = sorted(_labels(graph))
    for center in centers:
        for hops in (1, 2, 3):
            for limit in (200, 4, 1):
                got = [tuple(r.values()) for r in run(graph, "neighbors", name=center,
                                                        hops=hops, limit=limit)]
                assert got == expected_neighbors(graph, center, hops, limit), (center, hops)


CHECKS = {
    "agreements": check_agreements,
    "policies": check_policies,
    "platform-reach": check_platform_reach,
    "empowered-by": check_empowered_by,
    "city-profile": check_city_profile,
    "path": check_path,
    "neighbors": check_neighbors,
    "evidence": check_evidence,
    "article-facts": check_article_facts,
    "cross-region-platforms": check_cross_region_platforms,
    "top-entities": check_top_entities,
    "people": check_people,
    "timeline": check_timeline,
    "quality": check_quality,
    "platforms": check_platforms,
    "search": check_search,
    "relations": check_relations,
    "most-connected": check_most_connected,
    "whats-new": check_whats_new,
    "amounts": check_amounts,
    "communities": check_communities,
}
MORE_CHECKS = [check_city_profile_kind, check_agreements_by_party]


def test_every_report_has_a_check() -> None:
    assert set(CHECKS) == set(cypher.reports())


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_report_rows(graph: Any, name: str) -> None:
    CHECKS[name](graph)


@pytest.mark.parametrize("check", MORE_CHECKS, ids=lambda c: c.__name__)
def test_report_parameters(graph: Any, check: Any) -> None:
    check(graph)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_injection_through_parameters_deletes_nothing(graph: Any, name: str) -> None:
    report = cypher.get_report(name)
    before = graph.stats()
    params = {p.name: INJECTION for p in report.params if p.type == "string"}
    params.update({p.name: "2000" for p in report.params if p.required and p.type == "moment"})
    rows = run(graph, name, **params)
    assert graph.stats() == before
    assert all(INJECTION not in str(r) for r in rows) or name == "search"
