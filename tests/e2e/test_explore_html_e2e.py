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
