"""`iikg analyze` on a real Neo4j: pagerank, betweenness and community written onto the
entities, stale values removed, the `communities` report answering. Invented graph: two groups
of firms joined by one signing."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner
from support.graphdb import clear_database
from support.report_rows import report_rows as run

from graph.analyze import analyze_graph
from graph.cli import main
from graph.ingest import write_extractions
from graph.model import Article, Entity, Extraction, Relation

LEFT = ("星云科技", "星云智造", "星云软件", "星云物联")
RIGHT = ("月华电子", "月华物流", "月华材料", "月华能源")


def _extraction(article_id: str, pairs: list[tuple[str, str, str]]) -> Extraction:
    text = "".join(f"{a}与{b}合作。" for a, b, _ in pairs)
    relations, offset = [], 0
    for a, b, rtype in pairs:
        sentence = f"{a}与{b}合作。"
        relations.append(Relation(rtype, a, "Company", b, "Company", sentence, offset,
                                  offset + len(sentence), "rule:test", 0.9))
        offset += len(sentence)
    names = sorted({n for a, b, _ in pairs for n in (a, b)})
    article = Article(id=article_id, title=article_id, text=text, date="2024-01-01",
                      path=f"a/{article_id}.txt")
    return Extraction(article, tuple(Entity("Company", n) for n in names), tuple(relations))


def _group(names: tuple[str, ...]) -> list[tuple[str, str, str]]:
    return [(a, b, "PARTNERS_WITH") for i, a in enumerate(names) for b in names[i + 1:]]


@pytest.fixture
def graph(neo4j_db: Any, neo4j_server: Any) -> Any:
    clear_database(neo4j_db)
    write_extractions(neo4j_db, [
        _extraction("left", _group(LEFT)),
        _extraction("right", _group(RIGHT)),
        _extraction("bridge", [("星云科技", "月华电子", "SIGNED_WITH")]),
        _extraction("alone", [("辰光机械", "辰光机械", "PARTNERS_WITH")]),  # no relationship
    ])
    return neo4j_db


def _scores(graph: Any) -> dict[str, dict[str, Any]]:
    rows = graph.run_read("MATCH (e:Company) RETURN e.name AS name, e.pagerank AS pagerank, "
                          "e.betweenness AS betweenness, e.community AS community")
    return {r["name"]: r for r in rows}


def test_analyze_writes_the_properties_and_the_report_answers(graph: Any) -> None:
    result = CliRunner().invoke(main, ["analyze"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "analyzed 8 entities joined by 13 relationships" in result.output
    scores = _scores(graph)
    assert scores["辰光机械"]["community"] is None  # joined to nothing: not analysed
    communities = {scores[n]["community"] for n in LEFT}, {scores[n]["community"] for n in RIGHT}
    assert all(len(c) == 1 for c in communities) and communities[0] != communities[1]
    bridge = {"星云科技", "月华电子"}
    top = sorted((n for n in scores if n != "辰光机械"),
                 key=lambda n: -scores[n]["betweenness"])[:2]
    assert set(top) == bridge
    assert sum(scores[n]["pagerank"] for n in (*LEFT, *RIGHT)) == pytest.approx(1.0)

    rows = run(graph, "communities")
    assert [(r["community"], r["size"]) for r in rows] == [(0, 4), (1, 4)]
    assert {frozenset(r["leading"][:4]) for r in rows} == {frozenset(LEFT), frozenset(RIGHT)}
    assert all(r["binding"] == ["PARTNERS_WITH 6"] and r["internal"] == 6 for r in rows)
    assert all(r["labels"] == ["Company 4"] for r in rows)
    assert run(graph, "communities", min_size=5) == []


def test_analyze_again_is_stable_and_clears_entities_left_alone(graph: Any) -> None:
    analyze_graph(graph)
    before = _scores(graph)
    analyze_graph(graph)
    assert _scores(graph) == before
    graph.run_write("MATCH (:Company {name: '星云物联'})-[r]-() DELETE r")
    analyze_graph(graph)
    after = _scores(graph)
    assert after["星云物联"]["community"] is None and after["星云物联"]["pagerank"] is None
    assert after["星云科技"]["community"] is not None


def test_the_guide_draws_communities_as_styled_virtual_nodes(graph: Any) -> None:
    from support.explore import guide_queries

    from graph.browser import COMMUNITY_COLORS, label_styles

    analyze_graph(graph)
    (query,) = [q for q in guide_queries() if "apoc.create.vNode" in q]
    with graph.session(read=True) as session:
        rows = list(session.run(query))
    drawn = {row["node"]["name"]: sorted(row["node"].labels) for row in rows}
    assert set(drawn) == {*LEFT, *RIGHT}
    assert {tuple(labels) for labels in drawn.values()} == {("Community0",), ("Community1",)}
    assert sum(1 for row in rows if row["rel"] is not None) == 13
    styles = label_styles()
    assert [styles[f"Community{i}"].color for i in range(len(COMMUNITY_COLORS))] == list(
        COMMUNITY_COLORS)
