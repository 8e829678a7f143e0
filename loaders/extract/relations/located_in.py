"""LOCATED_IN: Company/Agency/Project/Platform → City, only from a written place (R6).

A place at the head of a name (山东胜软科技…, 东营垦利化工产业园 gives both levels), a place
right before a name (东营市国瓷材料, 淄博市“窑炉数字大脑”), X的Y (深圳的华为、腾讯), 位于, a place
branch (山东分院), and the opening sentence that places the story (正在山东淄博发生). A bare
市/省 prefix, 引进 and policies give nothing."""

from __future__ import annotations

import re

from graph.model import SCHEMA, Relation
from loaders.extract.entities import Mention
from loaders.extract.relations.base import SentenceView, relation, rx

_LOCATABLE = SCHEMA["LOCATED_IN"].heads


def _places_before(view: SentenceView, pos: int) -> list[Mention]:
    """City mentions written back to back that end at `pos` (山东淄博)."""
    places = []
    for m in reversed(view.mentions):
        if m.label != "City" or m.end > pos:
            continue
        if m.end != pos:
            break
        places.insert(0, m)
        pos = m.start
    return places


def find(views: list[SentenceView]) -> list[Relation]:
    out: list[Relation] = []
    for view in views:
        for m in view.mentions:
            if m.label not in _LOCATABLE:
                continue
            # Places written in the name itself.
            for place in m.place_prefix:
                out.append(_rel(m, place, view, "rule:located_prefix", 0.9))
            # A place written right before the name: 东营市国瓷材料, 淄博市“窑炉数字大脑”.
            start = m.start - 1 if view.text[m.start - 1 : m.start] in "“‘" else m.start
            for place in _places_before(view, start):
                out.append(relation("LOCATED_IN", m, place, view, "rule:located_adjacent", 0.85))
        text = view.sentence.text
        # X的Y、Z / 位于X的Y
        for de in rx(r"的").finditer(text):
            pos = view.start + de.start()
            places = _places_before(view, pos)
            if not places:
                continue
            targets = view.group_starting_at(pos + 1, _LOCATABLE, gap=r"^\s*$")
            for t in targets:
                for place in places:
                    out.append(relation("LOCATED_IN", t, place, view, "rule:located_de", 0.85))
        for loc in rx(r"位于").finditer(text):
            pos = view.start + loc.end()
            places = [m for m in view.mentions if m.start >= pos and m.label == "City"][:2]
            if not places or places[0].start != pos:
                continue
            after = view.text[places[-1].end : places[-1].end + 1]
            if after == "的":
                targets = view.group_starting_at(places[-1].end + 1, _LOCATABLE, gap=r"^\s*$")
            else:
                before = view.group_ending_at(view.start + loc.start(), _LOCATABLE)
                targets = before[-1:] if before else []
            for t in targets:
                for place in places:
                    out.append(relation("LOCATED_IN", t, place, view, "rule:located_weiyu", 0.9))
        # PLACE企业——X / PLACE企业X
        for ent in rx(r"企业[—\-–:：\s]*").finditer(text):
            pos = view.start + ent.start()
            places = _places_before(view, pos)
            if not places:
                continue
            targets = view.group_starting_at(
                view.start + ent.end(), frozenset({"Company"}), gap=r"^\s*$"
            )
            for t in targets:
                for place in places:
                    out.append(
                        relation("LOCATED_IN", t, place, view, "rule:located_place_firm", 0.8)
                    )
    out.extend(_opening(views))
    return out


def _rel(m: Mention, place: str, view: SentenceView, method: str, conf: float) -> Relation:
    tail = Mention(m.start, m.start, "City", place, place, "place_prefix")
    return relation("LOCATED_IN", m, tail, view, method, conf)


def _opening(views: list[SentenceView]) -> list[Relation]:
    """The lead sentence places the story (一场变革，正在山东淄博发生): new companies and projects
    of the lead paragraph's next sentence are located in its most specific place."""
    out: list[Relation] = []
    lead = next((v for v in views if v.mentions), None)
    if lead is None or lead.index > 3:
        return out
    m = re.search(
        r"(?:在|于)([^，。；]{2,12}?)(?:发生|举行|召开|上演|展开|进行)", lead.sentence.text
    )
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
