"""Exports of a graph held by a real Neo4j, read back: networkx for GraphML, GEXF and JSON; the
Cypher script and the neo4j-admin CSV loaded into an emptied database.

The CSV files are parsed in Python (graph.subgraph.read_admin_csv, following neo4j-admin's
header rules) and loaded through parameters: the test server is not given file access, so
neither LOAD CSV nor neo4j-admin import (which needs the database offline) is used here.
"""

from __future__ import annotations

import io
import json
from typing import Any

import networkx as nx
import pytest
from store_corpus import corpus

from graph import reports, store
from graph import subgraph as sg
from graph.ingest import write_extractions

EVERYTHING = "MATCH (a)-[r]->(b) RETURN a, r, b"


def whole_graph(driver: Any) -> sg.Subgraph:
    return reports.choose_subgraph(driver, query=EVERYTHING)


@pytest.fixture
def loaded(neo4j_db: Any) -> Any:
    write_extractions(neo4j_db, corpus())
    return neo4j_db


def test_whole_graph_export_has_every_node_and_relationship(loaded: Any) -> None:
    sub = whole_graph(loaded)
    stats = store.stats(loaded)
    assert (len(sub.nodes), len(sub.rels)) == (stats["nodes"], stats["relationships"])
    assert sub.dropped == 0


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_networkx_formats_read_back(loaded: Any, fmt: str) -> None:
    sub = whole_graph(loaded)
    (text,) = sg.render(sub, fmt).values()
    if fmt == "graphml":
        graph = nx.parse_graphml(text)
    elif fmt == "gexf":
        graph = nx.read_gexf(io.BytesIO(text.encode("utf-8")))
    else:
        graph = nx.node_link_graph(json.loads(text), edges="edges", directed=True, multigraph=True)
    assert graph.number_of_nodes() == len(sub.nodes)
    assert graph.number_of_edges() == len(sub.rels)
    kaos = graph.nodes["Platform:卡奥斯"]
    aliases = kaos["aliases"] if fmt == "json" else json.loads(kaos["aliases"])
    assert aliases == ["COSMOPlat", "卡奥斯COSMOPlat", "海尔卡奥斯"]


def test_cypher_script_recreates_the_graph(loaded: Any) -> None:
    sub = whole_graph(loaded)
    script = sg.to_cypher(sub)
    before = store.stats(loaded)
    store.clear_database(loaded)
    assert store.stats(loaded)["nodes"] == 0
    store.run_script(loaded, sg.script_statements(script))
    after = store.stats(loaded)
    assert (after["nodes"], after["relationships"]) == (before["nodes"], before["relationships"])
    assert after["labels"] == before["labels"] and after["types"] == before["types"]
    # the recreated graph exports to the very same script
    assert sg.to_cypher(whole_graph(loaded)) == script


def test_admin_csv_loaded_back(loaded: Any) -> None:
    sub = whole_graph(loaded)
    files = sg.to_admin_csv(sub)
    before = store.stats(loaded)
    store.clear_database(loaded)
    nodes, rels = sg.write_rows(sg.read_admin_csv(files))
    store.write_subgraph_rows(loaded, nodes, rels)
    after = store.stats(loaded)
    assert (after["nodes"], after["relationships"]) == (before["nodes"], before["relationships"])
    # neo4j-admin reads an empty field as "no property", so empty lists do not come back
    def without_empty(g: sg.Subgraph) -> tuple[dict, dict]:
        nodes = {k: {p: v for p, v in n.props.items() if v != []} for k, n in g.nodes.items()}
        rels = {k: {p: v for p, v in r.props.items() if v != []} for k, r in g.rels.items()}
        return nodes, rels

    assert without_empty(whole_graph(loaded)) == without_empty(sub)


def test_around_report_and_filters(loaded: Any) -> None:
    around = reports.choose_subgraph(loaded, around="海尔卡奥斯", hops=1)
    assert set(around.nodes) == {
        "Platform:卡奥斯", "Company:华光国瓷", "Company:纽氏达特", "Company:海尔集团",
        "Platform:窑炉数字大脑", "Company:鲁中耐火材料",
    }
    assert not any(r.type == "MENTIONS" for r in around.rels.values())
    two = reports.choose_subgraph(loaded, around="卡奥斯", hops=2, types=["EMPOWERS", "LOCATED_IN"])
    assert {r.type for r in two.rels.values()} == {"EMPOWERS", "LOCATED_IN"}
    assert "City:青岛市" in two.nodes and "Company:海尔集团" not in two.nodes
    signed = reports.choose_subgraph(loaded, report="agreements", params={"city": "淄博"})
    assert ("Company:华光国瓷", "SIGNED_WITH", "Platform:卡奥斯") in signed.rels
    recent = reports.choose_subgraph(loaded, query=EVERYTHING, since="2023-01-01")
    assert all(r.props.get("last_seen", "9") >= "2023-01-01" for r in recent.rels.values()
               if r.type != "MENTIONS")
    assert "Article:art-zibo" not in recent.nodes and "Article:art-qingdao" in recent.nodes
    with pytest.raises(reports.UsageError, match="exactly one"):
        reports.choose_subgraph(loaded, around="卡奥斯", report="agreements")
