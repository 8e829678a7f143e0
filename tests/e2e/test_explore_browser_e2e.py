"""End to end on a real Neo4j loaded from the seed corpus, in headless Chromium:

(a) Neo4j Browser of the managed server loads the iikg style and guide by itself on connect; a
    report query run from the guide draws nodes in the stylesheet's colours, captioned with
    their Chinese names;
(b) the guide's evidence slide, run after its parameters slide, draws Evidence nodes in their
    own colour, captioned with the start of their sentence;
(c) `iikg export --around 卡奥斯 --format html` writes a page that draws the neighbourhood and
    shows an edge's evidence on click.
Screenshots go to tests/output/. The `seeded` fixture is in tests/conftest.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from support.chromium import launch
from support.html_page import OUTPUT, html_page_checks, open_view, require_chromium

from graph.browser import label_styles
from graph.neo4j import local as neo4j_local

CJK = re.compile(r"[\u4e00-\u9fff]")


def graph_nodes(page: Any) -> list[dict[str, str]]:
    """Fill colour and caption of every node the Browser drew in its result SVG."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('svg g.node')).map(g => ({
             fill: (g.querySelector('circle.b-outline') || g.querySelector('circle'))
                     .getAttribute('fill'),
             caption: Array.from(g.querySelectorAll('text')).map(t => t.textContent)
                     .join('').trim()}))"""
    )


def open_browser(page: Any, server: Any) -> None:
    """Open the managed server's Browser address (its login form filled with the server and the
    user) and log in with the password iikg keeps for the instance."""
    page.goto(server.browser_connect_url)
    password = neo4j_local.auth.read_password(server)
    if password is not None:
        page.locator("[data-testid=password]").fill(password, timeout=90_000)
        page.locator("[data-testid=connect]").click()


def test_neo4j_browser_is_styled_and_guided(seeded: Any, neo4j_server: Any) -> None:
    require_chromium()
    if not neo4j_server.managed:
        pytest.skip("the Browser is configured automatically for the managed local server only")
    server = neo4j_local.LocalServer.from_env()
    styles = label_styles()
    with launch() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        # Once logged in, the guide opens by itself (browser.post_connect_cmd), with its
        # bilingual title.
        open_browser(page, server)
        page.wait_for_selector("text=iikg 工业互联网知识图谱", timeout=90_000)
        page.wait_for_selector("text=:style http://localhost", timeout=30_000)
        # Slide 3 runs the platform-reach report as a graph: click its ▶ icon.
        carousel = page.locator("[data-testid=carousel]").first
        for _ in range(2):
            carousel.locator("[data-testid=nextSlide]").click()
        runnable = carousel.locator("pre.runnable", has_text="(:Platform)-[:EMPOWERS]->").first
        runnable.locator("i.fa-play-circle-o").click()
        page.wait_for_selector("svg g.node", timeout=60_000)
        page.wait_for_timeout(1500)  # let the force layout settle for the screenshot
        nodes = graph_nodes(page)
        relationship_captions = page.eval_on_selector_all(
            "svg g.relationship text", "els => els.map(e => e.textContent)")
        OUTPUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUTPUT / "neo4j-browser.png"))

    assert nodes, "the Browser drew no node"
    platform = [n for n in nodes if n["fill"].lower() == styles["Platform"].color.lower()]
    assert any(n["caption"] == "卡奥斯" for n in platform), nodes
    # Every node is captioned with its (Chinese) name, none with an internal id.
    assert all(CJK.search(n["caption"]) for n in nodes), nodes
    entity_colours = {styles[label].color.lower() for label in ("Company", "City", "Project")}
    assert any(n["fill"].lower() in entity_colours for n in nodes), nodes
    assert "EMPOWERS" in relationship_captions


def test_neo4j_browser_draws_evidence_nodes_from_the_guide(seeded: Any,
                                                          neo4j_server: Any) -> None:
    require_chromium()
    if not neo4j_server.managed:
        pytest.skip("the Browser is configured automatically for the managed local server only")
    server = neo4j_local.LocalServer.from_env()
    evidence_colour = label_styles()["Evidence"].color.lower()
    with launch() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        open_browser(page, server)
        page.wait_for_selector("text=iikg 工业互联网知识图谱", timeout=90_000)
        carousel = page.locator("[data-testid=carousel]").first
        carousel.locator("[data-testid=nextSlide]").click()  # slide 2 sets $name
        carousel.locator("pre.runnable", has_text=":params").first.locator(
            "i.fa-play-circle-o").click()
        page.wait_for_selector("text=卡奥斯", timeout=30_000)  # the :params frame
        for _ in range(7):  # slide 9: evidence
            carousel.locator("[data-testid=nextSlide]").click()
        runnable = carousel.locator("pre.runnable", has_text="(:Evidence {rel: r.key})").first
        runnable.locator("i.fa-play-circle-o").click()
        page.wait_for_selector("svg g.node", timeout=60_000)
        page.wait_for_timeout(1500)
        nodes = graph_nodes(page)
        OUTPUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUTPUT / "neo4j-browser-evidence.png"))

    drawn = [n["caption"] for n in nodes if n["fill"].lower() == evidence_colour]
    assert drawn, nodes
    sentences = [r["s"] for r in seeded.run_read(
        "MATCH (ev:Evidence) WHERE ev.sentence IS NOT NULL RETURN ev.sentence AS s")]
    # Browser fits the caption into the circle: the start of the sentence, cut with an ellipsis.
    for caption in drawn:
        start = caption.rstrip("…").rstrip(".")
        assert start and CJK.search(start), caption
        assert any(s.replace(" ", "").startswith(start.replace(" ", "")) for s in sentences), \
            caption


def test_html_export_of_the_kaos_neighbourhood(seeded: Any, neo4j_server: Any,
                                               tmp_path: Path, monkeypatch: Any) -> None:
    require_chromium()
    from graph.cli import main

    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    out = tmp_path / "kaos.html"
    result = CliRunner().invoke(
        main, ["export", "--around", "卡奥斯", "--hops", "2", "--format", "html",
               "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 100_000  # the inlined vis-network library
    requests: list[str] = []
    with launch() as browser:
        page = open_view(browser, out, requests)
        shown = html_page_checks(page, "卡奥斯", OUTPUT / "html-view-kaos.png")
    assert requests == []  # nothing fetched from the network
    assert any(CJK.search(ev["sentence"] or "") for ev in shown["evidence"])
