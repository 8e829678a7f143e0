"""Export formats on hand-built subgraphs (pure Python; the round trips through Neo4j are in
test_export_neo4j.py)."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from graph import export as sg

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
                        "confidence": 0.9, "evidence_count": 2, "last_seen": "2022-08-12",
                        "key": "k-empowers"}},
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


# --- evidence: lists on the edges, Evidence nodes only when selected ---------------------------

def entry(article: str, start: int, sentence: str, date: str | None = None,
          title: str | None = None) -> dict:
    """An entry as Graph.fetch_evidence returns it (None where the node has no value)."""
    return {"article": article, "sentence": sentence, "start": start, "end": start + 2,
            "method": "rule:x", "confidence": 0.5 + start / 100, "date": date, "title": title}


def test_with_evidence_writes_the_parallel_lists_in_the_given_order() -> None:
    entries = [entry("u", 3, "无日期"), entry("abc", 0, NASTY, "2022-08-12")]
    sub = sg.with_evidence(sample(), {"k-empowers": entries, "k-other": [entry("z", 1, "x")]})
    props = sub.rels[("Platform:卡奥斯", "EMPOWERS", f"Company:{NASTY}")].props
    assert props["evidence_article"] == ["u", "abc"]
    assert props["evidence_sentence"] == ["无日期", NASTY]
    assert props["evidence_start"] == [3, 0] and props["evidence_end"] == [5, 2]
    assert props["evidence_method"] == ["rule:x", "rule:x"]
    assert props["evidence_confidence"] == [0.53, 0.5]
    assert props["evidence_date"] == ["", "2022-08-12"]  # unknown dates are '', as before
    assert "evidence_title" not in props  # no entry has a title
    # the relationship's own properties stay; the stale lists it came with are replaced
    assert props["key"] == "k-empowers" and props["evidence_count"] == 2
    assert list(props) == sorted(props)
    # MENTIONS has no key and no evidence: untouched; the input subgraph is not changed
    mentions = ("Article:abc", "MENTIONS", "Platform:卡奥斯")
    assert sub.rels[mentions].props == {"count": 7}
    assert sample().rels[("Platform:卡奥斯", "EMPOWERS", f"Company:{NASTY}")].props[
        "evidence_sentence"] == ["句一", NASTY]


def test_evidence_title_is_kept_when_one_entry_has_a_title() -> None:
    lists = sg.evidence_lists([entry("a", 0, "s", "2021-01-01", "总裁"), entry("b", 0, "t")])
    assert lists["evidence_title"] == ["总裁", ""]
    assert sorted(lists) == sorted(f"evidence_{f}" for f in sg.EVIDENCE_FIELDS)


def test_missing_text_fields_become_empty_strings() -> None:
    fact = {"article": "g", "start": 0, "end": 0, "method": "gazetteer", "confidence": 1.0,
            "sentence": None, "date": None, "title": None}
    lists = sg.evidence_lists([fact])
    assert lists["evidence_sentence"] == [""] and lists["evidence_date"] == [""]
    assert lists["evidence_start"] == [0] and "evidence_title" not in lists
    assert sg.cypher_literal(lists["evidence_sentence"]) == "['']"


def test_a_key_without_evidence_keeps_the_edge_as_it_is() -> None:
    sub = sg.with_evidence(sample(), {})
    assert sub.rels == sample().rels
    assert sg.relationship_keys(sample()) == ["k-empowers"]


def test_edge_key_property_stays_in_csv_and_cypher_but_not_in_networkx_formats() -> None:
    sub = sample()
    assert "key:string" in sg.to_admin_csv(sub)["relationships.csv"].splitlines()[0]
    assert "key: 'k-empowers'" in sg.to_cypher(sub)
    data = json.loads(sg.to_json(sub))
    empowers = next(e for e in data["edges"] if e["type"] == "EMPOWERS")
    assert empowers["key"] == "EMPOWERS"  # node-link's own field: the networkx edge key
    assert "k-empowers" not in sg.to_graphml(sub) and "k-empowers" not in sg.to_gexf(sub)


def evidence_sample() -> sg.Subgraph:
    """An entity relationship, its article and one Evidence node with HAS_EVIDENCE."""
    sub = sample()
    nodes = [
        {"id": "3", "labels": ["Article"], "properties": {"id": "abc", "date": "2022-08-12"}},
        {"id": "9", "labels": ["Evidence"], "properties": {
            "rel": "k-empowers", "type": "EMPOWERS", "head": "卡奥斯", "tail": NASTY,
            "article": "abc", "sentence": NASTY, "start": 5, "end": 9, "method": "rule:x",
            "confidence": 0.9, "date": "2022-08-12"}},
        {"id": "10", "labels": ["Evidence"], "properties": {"rel": "k", "sentence": "缺键"}},
    ]
    rels = [{"id": "h", "type": "HAS_EVIDENCE", "start": "3", "end": "9", "properties": {}}]
    return sg.merge(sub, sg.from_rows(nodes, rels))


EV_KEY = "Evidence:k-empowers:abc:5:9:rule:x"


def test_evidence_nodes_are_keyed_by_relationship_article_and_span() -> None:
    sub = evidence_sample()
    assert EV_KEY in sub.nodes and sub.nodes[EV_KEY].label == "Evidence"
    assert ("Article:abc", "HAS_EVIDENCE", EV_KEY) in sub.rels
    assert sub.dropped == 2  # FOLLOWS of sample(), and the Evidence node without its span
    assert sg.filter_subgraph(sub, labels=["Platform", "Company", "Article"]).nodes.keys() == (
        sample().nodes.keys())
    assert sg.filter_subgraph(sub, types=["HAS_EVIDENCE"]).rels.keys() == {
        ("Article:abc", "HAS_EVIDENCE", EV_KEY)}


def test_evidence_nodes_in_csv_and_cypher() -> None:
    sub = evidence_sample()
    files = sg.to_admin_csv(sub)
    row = next(line for line in files["nodes.csv"].splitlines() if line.startswith(EV_KEY))
    assert ",Evidence," in row  # no :Entity label
    back = sg.read_admin_csv(files)
    assert back.nodes[EV_KEY] == sub.nodes[EV_KEY]
    assert back.rels.keys() == sub.rels.keys()
    script = sg.to_cypher(sub)
    merge = next(line for line in script.splitlines() if line.startswith("MERGE (`n`:`Evidence`"))
    assert merge.startswith(
        "MERGE (`n`:`Evidence` {rel: 'k-empowers', article: 'abc', start: 5, end: 9, "
        "method: 'rule:x'}) SET `n` += {"
    )
    assert "Entity" not in merge
    assert any(line.startswith("MATCH (`a`:`Article` {id: 'abc'}) MATCH (`b`:`Evidence` {rel: ")
               and "MERGE (`a`)-[`r`:`HAS_EVIDENCE`]->(`b`)" in line
               for line in script.splitlines())
    with pytest.raises(sg.ExportError, match="Evidence nodes cannot be loaded as rows"):
        sg.write_rows(sub)


def test_gexf_keeps_its_reserved_attributes_valid() -> None:
    import io
    import xml.etree.ElementTree as ET

    text = sg.to_gexf(evidence_sample())
    ns = {"g": "http://www.gexf.net/1.2draft"}
    root = ET.fromstring(text)
    assert root.find("g:graph", ns).get("mode") == "static"  # no time spells
    edges = root.findall(".//g:edge", ns)
    assert {e.get("label") for e in edges} == {"EMPOWERS", "MENTIONS", "HAS_EVIDENCE"}
    assert all(e.get("type") in (None, "directed") for e in edges)  # GEXF's own edge type
    graph = nx.read_gexf(io.BytesIO(text.encode("utf-8")))
    # ids are the stable keys (XML cannot hold U+0001: it becomes U+FFFD)
    assert set(graph.nodes) == {k.replace("\x01", "\ufffd") for k in evidence_sample().nodes}
    evidence = graph.nodes[EV_KEY]
    assert (evidence["span_start"], evidence["span_end"]) == (5, 9)


def test_merge_unites_by_stable_key() -> None:
    sub = sg.merge(sample(), sample())
    assert sub.nodes == sample().nodes and sub.rels == sample().rels
