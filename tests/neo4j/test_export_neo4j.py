"""Exports of a graph held by a real Neo4j, read back: networkx for GraphML, GEXF and JSON; the
Cypher script and the neo4j-admin CSV loaded into an emptied database. Every exported
relationship carries its evidence (gathered from its Evidence nodes) as `evidence_*` lists.

The CSV files are parsed in Python (graph.export.read_admin_csv, following neo4j-admin's
header rules) and loaded through parameters: the test server is not given file access, so
neither LOAD CSV nor neo4j-admin import (which needs the database offline) is used here.
"""

from __future__ import annotations

import io
import json
from typing import Any

import networkx as nx
import pytest
from support.graphdb import clear_database
from support.store_corpus import (
    HAIER,
    HUAGUANG,
    KAOS,
    S1,
    S2,
    S3,
    S4,
    T1,
    T2,
    ZHANGDIAN,
    ZHOU,
    ZIBO,
    _article,
    _rel,
    corpus,
)

from graph import export as sg
from graph import reports
from graph.ingest import write_extractions
from graph.model import Entity, Extraction, Relation

EVERYTHING = "MATCH (a)-[r]->(b) RETURN a, r, b"
# The default shape of an export: entities, articles and their relationships, no Evidence node.
NO_EVIDENCE_NODES = "MATCH (a)-[r]->(b) WHERE NOT b:Evidence RETURN a, r, b"

# More evidence for three relationships of the corpus, so that their lists have several
# entries: an undated article (with a gazetteer fact that has no sentence), and a later one with
# two spans for the same relationship.
L1 = "卡奥斯再次赋能华光国瓷。"
L2 = "卡奥斯为华光国瓷提供服务。"
L3 = "海尔集团周云杰表示。"
U1 = "据悉卡奥斯赋能华光国瓷。"
EMPOWERS = ("Platform:卡奥斯", "EMPOWERS", "Company:华光国瓷")
WORKS_FOR = ("Person:周云杰", "WORKS_FOR", "Company:海尔集团")
PART_OF = ("City:张店区", "PART_OF", "City:淄博市")


def more_evidence() -> list[Extraction]:
    ends = tuple(Entity(*e) for e in (KAOS, HUAGUANG, HAIER, ZHOU))
    later = _article("art-later", "corpus/later.txt", "2024-01-05", "后来", L1 + L2 + L3)
    undated = _article("art-undated", "corpus/undated.txt", None, "无日期", U1)
    return [
        Extraction(later, ends, (
            _rel("EMPOWERS", KAOS, HUAGUANG, L2, len(L1)),
            _rel("EMPOWERS", KAOS, HUAGUANG, L1, 0, 0.8),
            _rel("WORKS_FOR", ZHOU, HAIER, L3, len(L1 + L2)),
        )),
        Extraction(undated, (*ends[:2], Entity(*ZHANGDIAN), Entity(*ZIBO)), (
            _rel("EMPOWERS", KAOS, HUAGUANG, U1, 0, 0.6),
            Relation("PART_OF", ZHANGDIAN[1], "City", ZIBO[1], "City", "", 0, 0, "gazetteer", 1.0),
        )),
    ]


# What the exports must carry, written from the inputs above and store_corpus (not read back
# from the database): entries ordered by (date, unknown first; article; start; end; method).
EXPECTED = {
    EMPOWERS: {
        "evidence_article": ["art-undated", "art-zibo", "art-later", "art-later"],
        "evidence_sentence": [U1, S3, L1, L2],
        "evidence_start": [0, len(S1 + S2), 0, len(L1)],
        "evidence_date": ["", "2022-08-12", "2024-01-05", "2024-01-05"],
        "evidence_confidence": [0.6, 0.9, 0.8, 0.9],
        "evidence_method": ["rule:empowers"] * 4,
    },
    WORKS_FOR: {
        "evidence_article": ["art-zibo", "art-later"],
        "evidence_sentence": [S4, L3],
        "evidence_date": ["2022-08-12", "2024-01-05"],
        "evidence_title": ["总裁", ""],
        "title": "总裁",
    },
    PART_OF: {  # no sentence and no date: '' in the lists (a stored list cannot hold null)
        "evidence_sentence": ["", T2],
        "evidence_start": [0, len(T1)],
        "evidence_method": ["gazetteer", "rule:part_of"],
        "evidence_date": ["", "2023-03-01"],
        "evidence_article": ["art-undated", "art-qingdao"],
    },
}


def whole_graph(driver: Any, query: str = EVERYTHING) -> sg.Subgraph:
    return sg.choose_subgraph(driver, query=query)


@pytest.fixture
def loaded(neo4j_db: Any) -> Any:
    # one article per batch, the later ones first: the stored order must not depend on it
    write_extractions(neo4j_db, more_evidence()[:1] + corpus() + more_evidence()[1:],
                      batch_size=1)
    return neo4j_db


def check_evidence(edges: dict[tuple[str, str, str], dict[str, Any]]) -> None:
    """The evidence lists of the two relationships in EXPECTED, as exported (lists)."""
    for rel, expected in EXPECTED.items():
        props = edges[rel]
        for name, value in expected.items():
            assert props[name] == value, (rel, name)
        lists = [v for k, v in props.items() if k.startswith("evidence_") and k != "evidence_count"]
        assert {len(v) for v in lists} == {props["evidence_count"]}, rel
        ends = [e - s for s, e in zip(props["evidence_start"], props["evidence_end"], strict=True)]
        assert ends == [len(x) for x in props["evidence_sentence"]], rel
    assert "evidence_title" not in edges[EMPOWERS]  # only WORKS_FOR evidence has titles


def entity_edges(sub: sg.Subgraph) -> dict[tuple[str, str, str], dict[str, Any]]:
    return {k: r.props for k, r in sub.rels.items() if r.type not in ("MENTIONS", "HAS_EVIDENCE")}


def test_whole_graph_export_has_every_node_and_relationship(loaded: Any) -> None:
    sub = whole_graph(loaded)
    stats = loaded.stats()
    assert (len(sub.nodes), len(sub.rels)) == (stats["nodes"], stats["relationships"])
    assert sub.dropped == 0
    # the query returns Evidence nodes, so they are exported, keyed by relationship and span
    evidence = [n for n in sub.nodes.values() if n.label == "Evidence"]
    assert len(evidence) == stats["labels"]["Evidence"] == stats["evidence"] == 19 + 5
    edges = entity_edges(sub)
    check_evidence(edges)
    assert sum(p["evidence_count"] for p in edges.values()) == len(evidence)
    assert all(p["key"] for p in edges.values())


def test_evidence_lists_match_the_evidence_nodes_of_each_relationship(loaded: Any) -> None:
    sub = whole_graph(loaded, NO_EVIDENCE_NODES)
    assert not any(n.label == "Evidence" for n in sub.nodes.values())
    stored = loaded.run_read("""
        MATCH ()-[r]->() WHERE r.key IS NOT NULL
        MATCH (a:Article)-[:HAS_EVIDENCE]->(ev:Evidence {rel: r.key})
        WITH r, a, ev ORDER BY coalesce(ev.date, ''), ev.article, ev.start, ev.end, ev.method
        RETURN r.key AS key, collect(a.id) AS from_article, collect(ev.article) AS article,
               collect(coalesce(ev.sentence, '')) AS sentence,
               collect(coalesce(ev.date, '')) AS date""")
    edges = {p["key"]: p for p in entity_edges(sub).values()}
    assert len(stored) == len(edges) == 19
    for row in stored:
        props = edges[row["key"]]
        assert row["from_article"] == row["article"] == props["evidence_article"]
        assert props["evidence_sentence"] == row["sentence"]
        assert props["evidence_date"] == row["date"]


def edge_props(graph: nx.Graph, rel: tuple[str, str, str], fmt: str) -> dict[str, Any]:
    start, rtype, end = rel
    data = graph.get_edge_data(start, end)
    if graph.is_multigraph():
        data = data[rtype]
    if fmt == "json":
        return data
    # GraphML and GEXF hold lists as JSON strings
    return {k: json.loads(v) if k.startswith("evidence_") and k != "evidence_count" else v
            for k, v in data.items()}


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
    check_evidence({rel: edge_props(graph, rel, fmt) for rel in EXPECTED})


def test_cypher_script_recreates_the_graph(loaded: Any) -> None:
    sub = whole_graph(loaded)
    script = sg.to_cypher(sub)
    before = loaded.stats()
    clear_database(loaded)
    assert loaded.stats()["nodes"] == 0
    loaded.run_script(sg.script_statements(script))
    after = loaded.stats()
    assert (after["nodes"], after["relationships"]) == (before["nodes"], before["relationships"])
    assert after["labels"] == before["labels"] and after["types"] == before["types"]
    # the recreated graph exports to the very same script
    assert sg.to_cypher(whole_graph(loaded)) == script
    check_evidence(entity_edges(whole_graph(loaded)))


def test_script_without_evidence_nodes_keeps_the_evidence_on_the_relationships(
        loaded: Any) -> None:
    sub = whole_graph(loaded, NO_EVIDENCE_NODES)
    script = sg.to_cypher(sub)
    clear_database(loaded)
    loaded.run_script(sg.script_statements(script))
    after = loaded.stats()
    assert after["labels"]["Evidence"] == after["types"]["HAS_EVIDENCE"] == 0
    assert (after["nodes"], after["relationships"]) == (len(sub.nodes), len(sub.rels))
    again = whole_graph(loaded)
    check_evidence(entity_edges(again))
    assert sg.to_cypher(again) == script


def without_empty(g: sg.Subgraph) -> tuple[dict, dict]:
    """neo4j-admin reads an empty field as "no property", so empty lists do not come back."""
    nodes = {k: {p: v for p, v in n.props.items() if v != []} for k, n in g.nodes.items()}
    rels = {k: {p: v for p, v in r.props.items() if v != []} for k, r in g.rels.items()}
    return nodes, rels


def test_admin_csv_loaded_back(loaded: Any) -> None:
    sub = whole_graph(loaded, NO_EVIDENCE_NODES)
    files = sg.to_admin_csv(sub)
    header = files["relationships.csv"].splitlines()[0].split(",")
    assert {"evidence_sentence:string[]", "evidence_start:long[]", "key:string"} <= set(header)
    clear_database(loaded)
    nodes, rels = sg.write_rows(sg.read_admin_csv(files))
    loaded.write_subgraph_rows(nodes, rels)
    after = loaded.stats()
    assert (after["nodes"], after["relationships"]) == (len(sub.nodes), len(sub.rels))
    again = whole_graph(loaded)
    assert without_empty(again) == without_empty(sub)
    check_evidence(entity_edges(again))


def test_admin_csv_with_evidence_nodes_loaded_back_through_a_script(loaded: Any) -> None:
    sub = whole_graph(loaded)
    files = sg.to_admin_csv(sub)
    assert "\nEvidence:" in files["nodes.csv"]
    before = loaded.stats()
    clear_database(loaded)
    loaded.run_script(sg.script_statements(sg.to_cypher(sg.read_admin_csv(files))))
    after = loaded.stats()
    assert (after["labels"], after["types"]) == (before["labels"], before["types"])
    assert without_empty(whole_graph(loaded)) == without_empty(sub)


def test_around_report_and_filters(loaded: Any) -> None:
    around = sg.choose_subgraph(loaded, around="海尔卡奥斯", hops=1)
    assert set(around.nodes) == {
        "Platform:卡奥斯", "Company:华光国瓷", "Company:纽氏达特", "Company:海尔集团",
        "Platform:窑炉数字大脑", "Company:鲁中耐火材料",
    }
    assert not any(r.type == "MENTIONS" for r in around.rels.values())
    assert not any(n.label == "Evidence" for n in around.nodes.values())
    assert around.rels[EMPOWERS].props["evidence_sentence"] == EXPECTED[EMPOWERS][
        "evidence_sentence"]
    two = sg.choose_subgraph(loaded, around="卡奥斯", hops=2, types=["EMPOWERS", "LOCATED_IN"])
    assert {r.type for r in two.rels.values()} == {"EMPOWERS", "LOCATED_IN"}
    assert "City:青岛市" in two.nodes and "Company:海尔集团" not in two.nodes
    signed = sg.choose_subgraph(loaded, report="agreements", params={"city": "淄博"})
    agreement = signed.rels[("Company:华光国瓷", "SIGNED_WITH", "Platform:卡奥斯")].props
    assert agreement["evidence_sentence"] == [S1] and agreement["evidence_article"] == ["art-zibo"]
    recent = sg.choose_subgraph(loaded, query=EVERYTHING, since="2023-01-01")
    assert all(r.props.get("last_seen", "9") >= "2023-01-01" for r in recent.rels.values()
               if r.type != "MENTIONS")
    assert "Article:art-zibo" not in recent.nodes and "Article:art-qingdao" in recent.nodes
    dates = [n.props.get("date") for n in recent.nodes.values() if n.label == "Evidence"]
    assert dates and all(d is not None and d >= "2023-01-01" for d in dates)
    with pytest.raises(reports.UsageError, match="exactly one"):
        sg.choose_subgraph(loaded, around="卡奥斯", report="agreements")


def test_evidence_nodes_only_when_asked_for(loaded: Any) -> None:
    labels = ["Platform", "Company", "Article", "Evidence"]
    sub = sg.choose_subgraph(loaded, around="卡奥斯", hops=1, labels=labels)
    entity = {k: r for k, r in sub.rels.items() if r.type not in ("MENTIONS", "HAS_EVIDENCE")}
    evidence = {k: n for k, n in sub.nodes.items() if n.label == "Evidence"}
    # exactly the evidence of the exported relationships, each linked from its article
    assert {n.props["rel"] for n in evidence.values()} == {r.props["key"] for r in entity.values()}
    assert len(evidence) == sum(r.props["evidence_count"] for r in entity.values())
    linked = {end for start, rtype, end in sub.rels if rtype == "HAS_EVIDENCE"}
    assert linked == set(evidence)
    assert all(f"Article:{n.props['article']}" in sub.nodes for n in evidence.values())
    assert {n.props["sentence"] for n in evidence.values() if n.props["rel"] ==
            sub.rels[EMPOWERS].props["key"]} == {U1, S3, L1, L2}
    # only HAS_EVIDENCE asked for: articles and their evidence, no entity relationship
    only = sg.choose_subgraph(loaded, query=NO_EVIDENCE_NODES, types=["HAS_EVIDENCE"])
    assert {r.type for r in only.rels.values()} == {"HAS_EVIDENCE"}
    assert len(only.rels) == loaded.stats()["evidence"]
    # and filtered out of a query that returns them
    assert not any(n.label == "Evidence" for n in
                   sg.choose_subgraph(loaded, query=EVERYTHING, labels=["Article"]).nodes
                   .values())


def test_cli_export_takes_evidence_as_a_label(loaded: Any, neo4j_server: Any, tmp_path: Any,
                                              monkeypatch: Any) -> None:
    from click.testing import CliRunner

    from graph.cli import main

    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    out = tmp_path / "kaos.json"
    args = ["export", "--around", "卡奥斯", "--labels", "Platform,Company,Article,Evidence",
            "--format", "json", "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    labels = {n["labels"] for n in data["nodes"]}
    assert labels == {"Platform", "Company", "Article", "Evidence"}
    edge = next(e for e in data["edges"] if (e["source"], e["type"], e["target"]) == EMPOWERS)
    assert edge["evidence_sentence"] == EXPECTED[EMPOWERS]["evidence_sentence"]
    bad = CliRunner().invoke(main, ["export", "--around", "卡奥斯", "--labels", "Evidnce"])
    assert bad.exit_code != 0 and "unknown label 'Evidnce'" in bad.output
