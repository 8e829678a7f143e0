"""The Browser guide's runnable queries, and a sample graph for the HTML view (shared by the
unit, Neo4j and e2e tests of the exploration tools)."""

from __future__ import annotations

from html.parser import HTMLParser

import networkx as nx

from graph.browser import GUIDE_FILE, asset_text


class GuideParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.slides = 0
        self.title = ""
        self.runnable: list[str] = []
        self._in_pre = False
        self._in_title = False
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "slide":
            self.slides += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "pre" and "runnable" in classes:
            self._in_pre, self._buf = True, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre" and self._in_pre:
            self.runnable.append("".join(self._buf).strip())
            self._in_pre = False
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_pre:
            self._buf.append(data)
        if self._in_title:
            self.title += data


def guide_queries() -> list[str]:
    """The Cypher statements of the guide's runnable blocks (client commands left out)."""
    parser = GuideParser()
    parser.feed(asset_text(GUIDE_FILE))
    return [q for q in parser.runnable if not q.startswith(":")]


def sample_graph() -> nx.MultiDiGraph:
    """A small graph in the shape graph/export/subgraph.py builds (labels, name, evidence lists)."""
    g = nx.MultiDiGraph()
    g.add_node("Platform:卡奥斯", labels="Platform", name="卡奥斯",
               aliases=["海尔卡奥斯", "COSMOPlat"], mentions=9)
    g.add_node("Company:华光国瓷", labels="Company", name="华光国瓷", aliases=[])
    g.add_node("Company:纽氏达特", labels="Company", name="纽氏达特", aliases=[])
    g.add_node("City:淄博市", labels="City", name="淄博市", aliases=["淄博"], level="city")
    g.add_edge("Platform:卡奥斯", "Company:华光国瓷", key="SIGNED_WITH", type="SIGNED_WITH",
               evidence_article=["a1"], evidence_title=["卡奥斯与华光国瓷签约"],
               evidence_sentence=["海尔卡奥斯与华光国瓷签署合作协议。</script><script>alert(1)"],
               evidence_date=["2022-08-12"], evidence_confidence=[0.9], evidence_count=1)
    g.add_edge("Platform:卡奥斯", "Company:纽氏达特", key="EMPOWERS", type="EMPOWERS",
               evidence_article=["a2", "a3"],
               evidence_sentence=["通过卡奥斯平台的赋能，纽氏达特完成了改造。",
                                  "卡奥斯为纽氏达特提供赋能。"],
               evidence_date=["2022-01-02", "2022-03-04"], evidence_confidence=[0.8, 0.7],
               evidence_count=2)
    g.add_edge("Company:华光国瓷", "City:淄博市", key="LOCATED_IN", type="LOCATED_IN",
               evidence_article=["a1"], evidence_sentence=["位于淄博的华光国瓷"])
    return g
