"""LOCATED_IN from the scene a text sets: the lead sentence that places the story, and a
sentence that opens with its place before a visit (在甲市，调研组前往乙中心)."""

from __future__ import annotations

import re

from graph.model import Relation
from loaders.extract.relations.base import SentenceView, relation

# 在甲市，调研组前往乙中心: what is visited lies in the place the sentence opens with.
_IN_PLACE_FIRST = re.compile(r"在(?P<place>[^，,。；]{2,8})[，,]")
_VISITS = re.compile(r"前往|来到|走进|走访|参观|考察|调研了|深入")
# 一场变革，正在山东淄博发生: the place the lead sentence sets its story in.
_SCENE = re.compile(r"(?:在|于)([^，。；]{2,12}?)(?:发生|举行|召开|上演|展开|进行)")


def visited_in(view: SentenceView) -> list[Relation]:
    """Firms and works visited after a clause that opens with the place (在甲市，…前往乙);
    called where a City is named."""
    text = view.sentence.text
    if not text.startswith("在"):  # (_IN_PLACE_FIRST.match needs it first: no regex call)
        return []
    m = _IN_PLACE_FIRST.match(text)
    if m is None or not _VISITS.search(text, m.end()):
        return []
    start, end = view.start + m.start("place"), view.start + m.end("place")
    places = [c for c in view.mentions if c.label == "City" and c.start == start and c.end == end]
    if not places:
        return []
    visited = [
        t
        for t in view.mentions
        if t.start > end and t.label in ("Company", "Project") and not t.place_prefix
    ]
    place = places[0]
    return [relation("LOCATED_IN", t, place, view, "rule:located_visited", 0.7) for t in visited]



def opening_place(views: list[SentenceView]) -> list[Relation]:
    """The lead sentence places the story (一场变革，正在山东淄博发生): new companies and projects
    of the lead paragraph's next sentence are located in its most specific place."""
    out: list[Relation] = []
    lead = next((v for v in views if v.mentions), None)
    if lead is None or lead.index > 3:
        return out
    m = _SCENE.search(lead.sentence.text)
    if not m:
        return out
    places = [
        c
        for c in lead.mentions
        if c.label == "City" and lead.start + m.start(1) <= c.start < lead.start + m.end(1)
    ]
    if not places:
        return out
    place = places[-1]
    scope = [lead] + [v for v in views[lead.index + 1 : lead.index + 2] if not v.paragraph_start]
    for view in scope:
        for t in view.mentions:
            if t.label in ("Company", "Project") and t.source != "gazetteer" and not t.place_prefix:
                out.append(relation("LOCATED_IN", t, place, view, "rule:located_opening", 0.6))
    return out
