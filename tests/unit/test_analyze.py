"""graph.analyze on small invented graphs: PageRank, betweenness, seeded Louvain communities."""

from __future__ import annotations

from typing import Any

import pytest

from graph.analyze import analyze_edges, build_graphs, pagerank


def _edge(a: str, b: str, rtype: str = "PARTNERS_WITH", weight: int = 1) -> dict[str, Any]:
    return {"head_label": "Company", "head": a, "tail_label": "Company", "tail": b,
            "type": rtype, "weight": weight}


def _two_triangles() -> list[dict[str, Any]]:
    """星云 group and 月华 group, each a triangle, joined by one bridge 星云科技—月华电子."""
    left = ["星云科技", "星云智造", "星云软件"]
    right = ["月华电子", "月华物流", "月华材料"]
    edges = [_edge(a, b) for group in (left, right) for i, a in enumerate(group)
             for b in group[i + 1:]]
    return [*edges, _edge("星云科技", "月华电子", "SIGNED_WITH")]


def test_pagerank_sums_to_one_and_a_cycle_is_uniform() -> None:
    directed, _, _ = build_graphs([_edge("甲", "乙", "EMPOWERS"), _edge("乙", "丙", "EMPOWERS"),
                                   _edge("丙", "甲", "EMPOWERS")])
    ranks = pagerank(directed)
    assert sum(ranks.values()) == pytest.approx(1.0)
    assert all(r == pytest.approx(1 / 3) for r in ranks.values())


def test_pagerank_favours_the_entity_pointed_at() -> None:
    edges = [_edge(name, "卡云平台", "EMPOWERS") for name in ("甲", "乙", "丙")]
    directed, _, _ = build_graphs(edges)
    ranks = pagerank(directed)
    assert max(ranks, key=ranks.get) == ("Company", "卡云平台")
    assert sum(ranks.values()) == pytest.approx(1.0)


def test_bridge_ends_have_the_highest_betweenness_and_communities_are_the_triangles() -> None:
    result = analyze_edges(_two_triangles())
    top = sorted(result.betweenness, key=result.betweenness.get, reverse=True)[:2]
    assert {name for _, name in top} == {"星云科技", "月华电子"}
    groups: dict[int, set[str]] = {}
    for (_, name), community in result.community.items():
        groups.setdefault(community, set()).add(name)
    assert sorted(map(sorted, groups.values())) == [
        ["星云智造", "星云科技", "星云软件"], ["月华材料", "月华物流", "月华电子"]]
    assert result.samples is None and result.relationships == 7


def test_seeded_runs_agree_and_sampling_is_used_when_asked() -> None:
    edges = _two_triangles()
    first = analyze_edges(list(reversed(edges)), seed=3)
    second = analyze_edges(edges, seed=3)
    assert first.community == second.community
    sampled = analyze_edges(edges, samples=2, seed=3)
    assert sampled.samples == 2
    rows = sampled.rows()
    assert {r["name"] for r in rows} == {name for _, name in first.community}
    assert all(set(r) == {"label", "name", "pagerank", "betweenness", "community"} for r in rows)


def test_parallel_relationships_add_weights_and_an_empty_graph_gives_nothing() -> None:
    _, undirected, count = build_graphs([_edge("甲", "乙", "EMPOWERS", 2),
                                         _edge("乙", "甲", "SIGNED_WITH", 3)])
    assert count == 2 and undirected[("Company", "甲")][("Company", "乙")]["weight"] == 5
    assert analyze_edges([]).rows() == []


def test_html_view_data_carries_communities_and_their_colours() -> None:
    import networkx as nx

    from graph.browser import COMMUNITY_COLORS
    from graph.export.html import graph_data

    g = nx.MultiDiGraph()
    g.add_node("a", label="Company", name="星云科技", community=0)
    g.add_node("b", label="Company", name="月华电子", community=13)
    g.add_node("c", label="Company", name="辰光机械")
    data = graph_data(g)
    by_name = {n["name"]: n for n in data["nodes"]}
    assert by_name["星云科技"]["communityColor"] == COMMUNITY_COLORS[0]
    assert by_name["月华电子"]["communityColor"] == COMMUNITY_COLORS[13 % len(COMMUNITY_COLORS)]
    assert by_name["辰光机械"]["community"] is None
    assert [c["community"] for c in data["communities"]] == [0, 13]
