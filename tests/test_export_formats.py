"""Export formats on hand-built subgraphs (pure Python; the round trips through Neo4j are in
test_export_neo4j.py)."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from graph import subgraph as sg

NASTY = "x'}) DETACH DELETE n //\\ \"q\"\n第二行;\x01"


def sample() -> sg.Subgraph:
    nodes = [
        {"id": "1", "labels": ["Platform", "Entity"],
         "properties": {"name": "卡奥斯", "aliases": ["海尔卡奥斯", "COSMOPlat"], "mentions": 7}},
        {"id": "2", "labels": ["Company", "Entity"],
         "properties": {"name": NASTY, "aliases": [], "mentions": 1, "last_seen": "2022-08-12"}},
        {"id": "3", "labels": ["Article"],
         "properties": {"id": "abc", "title": "标题", "date": "2022-08-12", "tags": ["a;b"]}},
    ]
    rels = [
        {"id": "r1", "type": "EMPOWERS", "start": "1", "end": "2",
         "properties": {"evidence_sentence": ["句一", NASTY], "evidence_start": [0, 5],
                        "confidence": 0.9, "evidence_count": 2, "last_seen": "2022-08-12"}},
        {"id": "r2", "type": "MENTIONS", "start": "3", "end": "1", "properties": {"count": 7}},
        {"id": "r3", "type": "FOLLOWS", "start": "3", "end": "1", "properties": {}},
    ]
    return sg.from_rows(nodes, rels)


def test_stable_keys_and_dropping_unknown_types() -> None:
    sub = sample()
    assert sorted(sub.nodes) == ["Article:abc", f"Company:{NASTY}", "Platform:卡奥斯"]
    assert len(sub.rels) == 2 and sub.dropped == 1


def test_graphml_and_gexf_read_back_with_lists_as_json() -> None:
    sub = sample()
    for text, reader in ((sg.to_graphml(sub), nx.parse_graphml),):
        graph = reader(text)
        assert graph.number_of_nodes() == 3 and graph.number_of_edges() == 2
        assert json.loads(graph.nodes["Platform:卡奥斯"]["aliases"]) == ["海尔卡奥斯", "COSMOPlat"]
    gexf = sg.to_gexf(sub)
    import io

    graph = nx.read_gexf(io.BytesIO(gexf.encode("utf-8")))
    assert graph.number_of_nodes() == 3 and graph.number_of_edges() == 2


def test_json_node_link_round_trip() -> None:
    data = json.loads(sg.to_json(sample()))
    graph = nx.node_link_graph(data, edges="edges", directed=True, multigraph=True)
    assert graph.number_of_nodes() == 3 and graph.number_of_edges() == 2
    edge = graph.get_edge_data("Platform:卡奥斯", f"Company:{NASTY}")["EMPOWERS"]
    assert edge["evidence_sentence"] == ["句一", NASTY]


def test_exports_are_deterministic() -> None:
    for fmt in sg.FORMATS:
        assert sg.render(sample(), fmt) == sg.render(sample(), fmt)


def test_admin_csv_round_trip_keeps_types_and_lists() -> None:
    files = sg.to_admin_csv(sample())
    header = files["nodes.csv"].splitlines()[0]
    assert header.startswith(":ID,:LABEL,") and "aliases:string[]" in header
    assert "mentions:long" in header
    assert files["relationships.csv"].startswith(":START_ID,:END_ID,:TYPE,")
    back = sg.read_admin_csv(files)
    original = sample()
    assert back.nodes.keys() == original.nodes.keys()
    assert back.nodes[f"Company:{NASTY}"].props["name"] == NASTY
    assert back.rels[("Platform:卡奥斯", "EMPOWERS", f"Company:{NASTY}")].props == (
        original.rels[("Platform:卡奥斯", "EMPOWERS", f"Company:{NASTY}")].props
    )


def test_cypher_literals_escape_everything() -> None:
    literal = sg.cypher_string(NASTY)
    assert "\n" not in literal and literal.startswith("'") and literal.endswith("'")
    assert "\\'" in literal and "\\\\" in literal and "\\u0001" in literal
    script = sg.to_cypher(sample())
    statements = sg.script_statements(script)
    assert len(statements) == 5  # 3 nodes + 2 relationships, one per line


def test_filters() -> None:
    sub = sample()
    only_entities = sg.filter_subgraph(sub, labels=["Platform", "Company"])
    assert len(only_entities.nodes) == 2 and list(only_entities.rels) == [
        ("Platform:卡奥斯", "EMPOWERS", f"Company:{NASTY}")
    ]
    assert sg.filter_subgraph(sub, types=["MENTIONS"]).rels.keys() == {
        ("Article:abc", "MENTIONS", "Platform:卡奥斯")
    }
    recent = sg.filter_subgraph(sub, since="2023-01-01")
    assert recent.rels == {}


def test_csv_refuses_the_array_delimiter_inside_a_list() -> None:
    rows = [{"id": "1", "labels": ["City"], "properties": {"name": "a", "aliases": ["x\x1fy"]}}]
    with pytest.raises(sg.ExportError, match="U\\+001F"):
        sg.to_admin_csv(sg.from_rows(rows, []))


def test_unknown_format() -> None:
    with pytest.raises(sg.ExportError, match="unknown export format"):
        sg.render(sample(), "xlsx")
