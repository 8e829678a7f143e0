"""Browser assets, the asset server and the HTML view's data: pure Python, no browser."""

from __future__ import annotations

import json
import re
import threading
import urllib.error
import urllib.request
import warnings

import networkx as nx
import pytest
from support.explore import GuideParser, guide_queries, sample_graph

from graph.browser import (
    GUIDE_FILE,
    POST_CONNECT_SETTING,
    STYLE_FILE,
    asset_text,
    browser_commands,
    label_styles,
    neo4j_settings,
    parse_grass,
    relationship_colors,
    serve,
)
from graph.export import html as html_view
from graph.model import ENTITY_LABELS, NODE_LABELS, RELATION_TYPES

# --- stylesheet -------------------------------------------------------------------------------

def test_every_label_has_its_own_colour_and_a_name_caption() -> None:
    styles = label_styles()
    assert set(NODE_LABELS) <= set(styles)
    colours = [styles[label].color.lower() for label in NODE_LABELS]
    assert len(set(colours)) == len(colours), colours
    for label in ENTITY_LABELS:
        assert styles[label].caption == "name", label
    # Platforms stand out: the largest circles.
    assert styles["Platform"].diameter == max(s.diameter for s in styles.values())
    # Evidence nodes: small, their own colour, captioned with their sentence.
    evidence = styles["Evidence"]
    assert evidence.caption == "sentence"
    assert evidence.color.lower() not in colours
    assert evidence.diameter == min(s.diameter for s in styles.values())


def test_grass_relationships_are_captioned_with_their_type() -> None:
    rules = parse_grass(asset_text(STYLE_FILE))
    assert rules["relationship"]["caption"] == "<type>"
    colours = relationship_colors()
    assert colours[""] and colours["EMPOWERS"] != colours[""]
    assert colours["HAS_EVIDENCE"] not in (colours[""], colours["MENTIONS"])


def test_parse_grass_reads_quoted_captions_and_sizes() -> None:
    rules = parse_grass("node.City {\n  diameter: 65px;\n  caption: '{name}';\n}\n")
    assert rules == {"node.City": {"diameter": "65px", "caption": "{name}"}}
    style = label_styles("node { color: #111111; }\nnode.City { diameter: 70px; }")["City"]
    assert (style.color, style.diameter, style.caption) == ("#111111", 70, "name")


# --- guide ------------------------------------------------------------------------------------

def test_guide_has_bilingual_slides_with_runnable_queries() -> None:
    parser = GuideParser()
    text = asset_text(GUIDE_FILE)
    parser.feed(text)
    assert parser.slides >= 8
    assert "工业互联网" in parser.title and "Knowledge Graph" in parser.title
    assert len(parser.runnable) >= parser.slides  # at least one clickable block per slide
    assert any(q.startswith(":params") for q in parser.runnable)
    # The Browser strips <script> and on* attributes from guides; the guide needs neither.
    assert "<script" not in text and not re.search(r"\son\w+=", text)


def test_guide_queries_use_only_whitelisted_labels_and_types() -> None:
    queries = guide_queries()
    assert len(queries) >= 10
    allowed = set(NODE_LABELS) | {"Entity", "Evidence"} | set(RELATION_TYPES) | {
        "MENTIONS", "HAS_EVIDENCE"}
    for query in queries:
        # evidence lives in Evidence nodes, not in list properties of relationships
        assert not re.search(r"evidence_(?!count\b)", query), query
        names = re.findall(r"\(\w*:(\w+)", query) + re.findall(r"\[\w*:([\w|]+)", query)
        for group in names:
            for name in group.split("|"):
                assert name in allowed, (name, query)


# --- Browser settings -------------------------------------------------------------------------

def _browser_split(value: str) -> list[str]:
    """How Neo4j Browser splits browser.post_connect_cmd (commandUtils, outside quotes)."""
    return [part.strip() for part in value.split(";") if part.strip()]


def test_neo4j_settings_load_style_then_guide_from_the_asset_url() -> None:
    settings = neo4j_settings("http://localhost:7478")
    commands = _browser_split(settings[POST_CONNECT_SETTING])
    assert commands == [
        "style http://localhost:7478/style.grass",
        "play http://localhost:7478/guide.html",
    ]
    assert list(settings) == [POST_CONNECT_SETTING]  # Community knows no allowlist setting
    assert browser_commands("http://localhost:7478/") == [
        ":style http://localhost:7478/style.grass",
        ":play http://localhost:7478/guide.html",
    ]


# --- asset server -----------------------------------------------------------------------------

@pytest.fixture()
def asset_server():
    server = serve.make_server(0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_asset_server_serves_style_and_guide_with_cors(asset_server: str) -> None:
    with urllib.request.urlopen(f"{asset_server}/{STYLE_FILE}") as response:
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert response.read().decode("utf-8") == asset_text(STYLE_FILE)
    with urllib.request.urlopen(f"{asset_server}/{GUIDE_FILE}?x=1") as response:
        assert response.headers["Content-Type"].startswith("text/html")
        assert "<slide" in response.read().decode("utf-8")
    preflight = urllib.request.Request(f"{asset_server}/{GUIDE_FILE}", method="OPTIONS")
    with urllib.request.urlopen(preflight) as response:
        assert response.status == 204
        assert response.headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("path", ["/", "/../pyproject.toml", "/vendor/vis-network.min.js",
                                  "/__init__.py", "/%2e%2e/cli.py"])
def test_asset_server_serves_nothing_else(asset_server: str, path: str) -> None:
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(f"{asset_server}{path}")
    assert error.value.code == 404


def test_background_server_starts_is_reused_and_stops(tmp_path) -> None:
    port = serve.choose_port(0)
    url = serve.start_background(tmp_path, port=port)
    try:
        assert url == f"http://localhost:{port}"
        assert serve.answers(port)
        assert serve.start_background(tmp_path) == url  # reused, not started twice
        assert serve.running_port(tmp_path) == port
    finally:
        assert serve.stop_background(tmp_path)
    assert not serve.answers(port)
    assert serve.running_port(tmp_path) is None
    assert not serve.stop_background(tmp_path)


def test_starting_the_background_server_leaves_no_resource_warning(tmp_path) -> None:
    """The server outlives the process that starts it; letting go of it must not warn."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        serve.start_background(tmp_path, port=serve.choose_port(0))
    try:
        assert not [w for w in caught if issubclass(w.category, ResourceWarning)]
    finally:
        assert serve.stop_background(tmp_path)


def test_ensure_running_leaves_a_slow_server_alone_and_restarts_a_dead_one(
    tmp_path, monkeypatch
) -> None:
    port = serve.choose_port(0)
    serve.start_background(tmp_path, port=port)
    try:
        record = (tmp_path / serve.PID_FILE).read_text()
        monkeypatch.setattr(serve, "answers", lambda *_, **__: False)  # too slow to answer
        serve.ensure_running(tmp_path)
        assert (tmp_path / serve.PID_FILE).read_text() == record  # not started a second time
        monkeypatch.undo()
        pid = int(record.split()[0])
        serve.stop_background(tmp_path)
        (tmp_path / serve.PID_FILE).write_text(record)  # Neo4j still names the dead one
        serve.ensure_running(tmp_path)
        new_pid, new_port = (tmp_path / serve.PID_FILE).read_text().split()
        assert int(new_pid) != pid and int(new_port) == port and serve.answers(port)
    finally:
        serve.stop_background(tmp_path)


# --- HTML view --------------------------------------------------------------------------------

def test_graph_data_carries_styles_aliases_and_evidence() -> None:
    data = html_view.graph_data(sample_graph(), "卡奥斯")
    styles = label_styles()
    nodes = {n["name"]: n for n in data["nodes"]}
    assert nodes["卡奥斯"]["color"] == styles["Platform"].color
    assert nodes["卡奥斯"]["aliases"] == ["海尔卡奥斯", "COSMOPlat"]
    assert nodes["淄博市"]["props"] == {"level": "city"}
    edges = {e["type"]: e for e in data["edges"]}
    assert edges["SIGNED_WITH"]["symmetric"] and not edges["EMPOWERS"]["symmetric"]
    assert [ev["article"] for ev in edges["EMPOWERS"]["evidence"]] == ["a2", "a3"]
    assert edges["EMPOWERS"]["evidence"][1]["sentence"] == "卡奥斯为纽氏达特提供赋能。"
    assert edges["EMPOWERS"]["props"] == {"evidence_count": "2"}
    assert [(e["label"], e["count"]) for e in data["legend"]] == [
        ("Platform", 1), ("City", 1), ("Company", 2)]


def test_graph_data_draws_evidence_nodes_with_a_short_caption() -> None:
    g = sample_graph()
    sentence = "海尔卡奥斯与华光国瓷签署合作协议，共建工业互联网平台。"
    g.add_node("Evidence:k:a1:0:26:rule:x", labels="Evidence", rel="k", article="a1",
               sentence=sentence, start=0, end=26, method="rule:x", type="SIGNED_WITH")
    g.add_node("Article:a1", labels="Article", id="a1", title="卡奥斯与华光国瓷签约")
    g.add_edge("Article:a1", "Evidence:k:a1:0:26:rule:x", key="HAS_EVIDENCE",
               type="HAS_EVIDENCE")
    data = html_view.graph_data(g)
    node = next(n for n in data["nodes"] if n["label"] == "Evidence")
    assert node["name"] == sentence[:html_view.CAPTION_CHARS] + "…"
    assert node["props"]["sentence"] == sentence  # the whole sentence in the details panel
    assert node["color"] == label_styles()["Evidence"].color
    assert [e["label"] for e in data["legend"]][-2:] == ["Article", "Evidence"]
    edge = next(e for e in data["edges"] if e["type"] == "HAS_EVIDENCE")
    assert edge["evidence"] == [] and edge["color"] == relationship_colors()["HAS_EVIDENCE"]
    # a gazetteer fact has no sentence: its type and method instead
    g.add_node("Evidence:p", labels="Evidence", type="PART_OF", method="gazetteer")
    names = {n["key"]: n["name"] for n in html_view.graph_data(g)["nodes"]}
    assert names["Evidence:p"] == "PART_OF (gazetteer)"


def test_graph_data_reads_lists_serialized_as_json() -> None:
    g = nx.MultiDiGraph()
    g.add_node("a", labels="Company", name="甲", aliases='["甲公司"]')
    g.add_node("b", labels="Company", name="乙", aliases="[]")
    g.add_edge("a", "b", key="PARTNERS_WITH", type="PARTNERS_WITH",
               evidence_sentence='["甲与乙合作。"]', evidence_article='["x"]')
    data = html_view.graph_data(g)
    assert data["nodes"][0]["aliases"] == ["甲公司"]
    assert data["edges"][0]["evidence"] == [
        {"sentence": "甲与乙合作。", "article": "x", "title": None, "date": None,
         "method": None, "confidence": None}]


def test_rendered_page_is_self_contained_stable_and_script_safe() -> None:
    page = html_view.render_html(sample_graph(), "卡奥斯 <邻域>")
    assert page == html_view.render_html(sample_graph(), "卡奥斯 <邻域>")
    # No external resource: every script and style is inline.
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)=""", page)
    assert "vis-network" in page and "__IIKG_" not in page
    # Article text cannot open or close a script element.
    assert page.count("<script") == 3 and page.count("</script>") == 3
    assert "<title>卡奥斯 &lt;邻域&gt;</title>" in page
    payload = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>',
                        page, re.S).group(1)
    signed = next(e for e in json.loads(payload)["edges"] if e["type"] == "SIGNED_WITH")
    assert signed["evidence"][0]["sentence"].endswith("</script><script>alert(1)")


def test_write_html(tmp_path) -> None:
    out = html_view.write_html(sample_graph(), tmp_path / "g.html", "t")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_managed_conf_starts_the_asset_server_and_names_it(tmp_path) -> None:
    conf = serve.managed_conf(tmp_path)
    try:
        port = serve.running_port(tmp_path)
        assert port is not None
        assert (f"browser.post_connect_cmd=style http://localhost:{port}/style.grass; "
                f"play http://localhost:{port}/guide.html") in conf.splitlines()
        assert "client.allow_telemetry=false" in conf.splitlines()
        # A managed Neo4j found running later brings back an asset server that died, same port.
        serve.stop_background(tmp_path)
        (tmp_path / serve.PID_FILE).write_text(f"999999999 {port}\n")
        serve.ensure_running(tmp_path)
        assert serve.running_port(tmp_path) == port
    finally:
        serve.stop_background(tmp_path)


# --- iikg browser -----------------------------------------------------------------------------

def test_browser_address_follows_the_bolt_uri() -> None:
    from graph.browser import browser_address

    assert browser_address("bolt://db.example.org:7687") == "http://db.example.org:7474/browser/"
    assert browser_address("neo4j://10.1.2.3") == "http://10.1.2.3:7474/browser/"
    assert browser_address("neo4j+s://x.databases.neo4j.io") == \
        "https://x.databases.neo4j.io:7473/browser/"
    assert browser_address("bolt://[::1]:7687") == "http://[::1]:7474/browser/"


def test_iikg_browser_prints_commands_for_another_server() -> None:
    from click.testing import CliRunner

    from graph.cli import main

    result = CliRunner().invoke(main, ["browser", "--uri", "bolt://db.example.org:7687"],
                                env={"IIKG_BROWSER_ASSETS_PORT": "7999"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "http://db.example.org:7474/browser/" in lines[0]
    assert "  :style http://localhost:7999/style.grass" in lines
    assert "  :play http://localhost:7999/guide.html" in lines


def test_iikg_browser_grass_is_one_pasteable_style_command() -> None:
    from click.testing import CliRunner

    from graph.cli import main

    result = CliRunner().invoke(main, ["browser", "--grass"])
    assert result.exit_code == 0
    assert result.output.startswith(":style node {")
    assert parse_grass(result.output[len(":style "):]) == parse_grass(asset_text(STYLE_FILE))
