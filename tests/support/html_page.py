"""The exported HTML view in headless Chromium: open a page, find where nodes and edges are
drawn, and check that it draws every node and shows aliases and evidence on interaction (shared
by the e2e tests of the HTML view and of `iikg export --format html` on a real Neo4j)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from support.chromium import chromium_path
from support.paths import OUTPUT

__all__ = ["OUTPUT", "html_page_checks", "node_point", "open_view", "require_chromium"]




def require_chromium() -> None:
    """Skip without Chromium on a developer machine; in CI its absence is a failure."""
    if chromium_path() is None:
        message = "Chromium not installed (Debian: apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    pytest.importorskip("playwright", reason="playwright is a dev dependency")


def open_view(browser: Any, path: Path, requests: list[str]) -> Any:
    """Open an exported page; record every request that is not the file itself."""
    page = browser.new_page(viewport={"width": 1200, "height": 720})
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith("file:") else None)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.iikgReady === true", timeout=30_000)
    assert errors == []
    return page


def screen_point(page: Any, canvas_xy: dict[str, float]) -> dict[str, float]:
    """Page coordinates of a point in vis-network's canvas space."""
    return page.evaluate(
        """(p) => { const dom = window.iikgNetwork.canvasToDOM(p);
             const r = document.querySelector('#graph canvas').getBoundingClientRect();
             return {x: r.left + dom.x, y: r.top + dom.y}; }""",
        canvas_xy,
    )


def node_point(page: Any, name: str) -> dict[str, float]:
    xy = page.evaluate(
        """(name) => { const n = window.iikgGraph.nodes.find(n => n.name === name);
             return window.iikgNetwork.getPositions([n.id])[n.id]; }""",
        name,
    )
    return screen_point(page, xy)


def edge_point(page: Any, edge_id: int, at: float = 0.5) -> dict[str, float]:
    """Page coordinates of the point at fraction `at` along a (drawn straight) edge."""
    xy = page.evaluate(
        """([id, at]) => { const e = window.iikgGraph.edges.find(e => e.id === id);
             const p = window.iikgNetwork.getPositions([e.source, e.target]);
             return {x: p[e.source].x + at * (p[e.target].x - p[e.source].x),
                     y: p[e.source].y + at * (p[e.target].y - p[e.source].y)}; }""",
        [edge_id, at],
    )
    return screen_point(page, xy)


def html_page_checks(page: Any, centre: str, screenshot: Path | None = None) -> dict[str, Any]:
    """Assert the page draws every node and shows aliases and evidence on interaction."""
    data = page.evaluate("window.iikgGraph")
    assert data["nodes"], "the exported graph is empty"
    # vis-network placed every node of the data on its canvas.
    drawn = page.evaluate("Object.keys(window.iikgNetwork.getPositions()).length")
    assert drawn == len(data["nodes"])
    # The canvas is not blank: the centre node's colour appears where the node is drawn.
    centre_node = next(n for n in data["nodes"] if n["name"] == centre)
    point = node_point(page, centre)
    pixel = page.evaluate(
        """(p) => { const c = document.querySelector('#graph canvas');
             const r = c.getBoundingClientRect(); const ratio = c.width / r.width;
             const d = c.getContext('2d').getImageData(
               Math.round((p.x - r.left) * ratio), Math.round((p.y - r.top) * ratio), 1, 1).data;
             const hex = (v) => v.toString(16).padStart(2, '0');
             return '#' + hex(d[0]) + hex(d[1]) + hex(d[2]); }""",
        point,
    )
    assert pixel.lower() == centre_node["color"].lower()
    # Legend lists the labels present.
    legend = page.inner_text("#legend")
    for entry in data["legend"]:
        assert entry["label"] in legend

    # Hovering the centre node shows its aliases.
    page.mouse.move(point["x"], point["y"])
    page.wait_for_function("document.getElementById('details').dataset.kind === 'node'")
    details = page.inner_text("#details")
    assert centre in details
    for alias in centre_node["aliases"]:
        assert alias in details

    # Clicking an edge of the centre node that has evidence sentences shows them and their
    # articles. Points along the edge are tried in turn, in case another edge crosses one.
    with_sentences = [e for e in data["edges"] if any(ev["sentence"] for ev in e["evidence"])]
    assert with_sentences, "no edge carries an evidence sentence"
    # Points along each edge are tried in turn, and the edges one after the other (most evidence
    # first), in case other edges cross them where the page draws a dense neighbourhood.
    centred = [e for e in with_sentences if centre_node["id"] in (e["source"], e["target"])]
    edges = sorted(centred or with_sentences, key=lambda e: (-len(e["evidence"]), e["id"]))
    page.mouse.move(5, 5)
    edge = edges[0]
    for edge in edges[:8]:
        for at in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8):
            target = edge_point(page, edge["id"], at)
            page.mouse.click(target["x"], target["y"])
            page.wait_for_timeout(150)  # a click on a node or on nothing shows no edge
            shown_kind = page.eval_on_selector("#details", "el => el.dataset.kind")
            shown_id = page.eval_on_selector("#details", "el => el.dataset.id")
            if shown_kind == "edge" and int(shown_id) == edge["id"]:
                break
        else:
            continue
        break
    shown = edge
    assert int(page.eval_on_selector("#details", "el => el.dataset.id")) == edge["id"]
    details = page.inner_text("#details")
    assert shown["type"] in details
    for ev in shown["evidence"]:
        assert (ev["sentence"] or "") in details
        assert str(ev["article"]) in details
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot))
    return shown
