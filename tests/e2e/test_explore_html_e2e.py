"""The HTML view in headless Chromium: nodes drawn, evidence shown on interaction, offline.

`html_page_checks` is shared with the end-to-end test that exports the 卡奥斯 neighbourhood
from a real Neo4j (tests/test_explore_browser_e2e.py).
"""

from __future__ import annotations

from support.chromium import launch
from support.explore import sample_graph
from support.html_page import OUTPUT, html_page_checks, open_view, require_chromium

from graph.export import html as html_view


def test_html_view_in_chromium(tmp_path) -> None:
    require_chromium()
    path = html_view.write_html(sample_graph(), tmp_path / "kaos.html", "卡奥斯")
    requests: list[str] = []
    with launch() as browser:
        page = open_view(browser, path, requests)
        shown = html_page_checks(page, "卡奥斯", OUTPUT / "html-view-sample.png")
    assert shown["evidence"]
    assert requests == []  # the page loads nothing from the network


def test_html_view_colours_by_community(tmp_path) -> None:
    require_chromium()
    graph = sample_graph()
    for i, node in enumerate(sorted(graph.nodes, key=str)):
        graph.nodes[node]["community"] = i % 2
    path = html_view.write_html(graph, tmp_path / "communities.html", "社区")
    requests: list[str] = []
    with launch() as browser:
        page = browser.new_page(viewport={"width": 1200, "height": 720})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(path.resolve().as_uri() + "#community")
        page.wait_for_function("window.iikgReady === true", timeout=30_000)
        assert errors == []
        assert page.evaluate("document.body.dataset.colorMode") == "community"
        assert page.locator("#legend [data-community]").count() == 2
        page.screenshot(path=str(OUTPUT / "html-view-communities.png"))
        page.click("#color-mode")
        assert page.evaluate("document.body.dataset.colorMode") == "label"
        assert page.locator("#legend [data-community]").count() == 0
        assert page.locator("#legend [data-label]").count() > 0
        # an export without communities has no button
        plain = html_view.write_html(sample_graph(), tmp_path / "plain.html", "卡奥斯")
        page = open_view(browser, plain, requests)
        assert page.locator("#color-mode").is_hidden()
