"""LOCATED_IN: Company/Agency/Organization/Project/Platform → City, only from a written place.

A place at the head of a name (山东胜软科技…, 东营垦利化工产业园 gives both levels), a place
right before a name (东营市国瓷材料, 淄博市“窑炉数字大脑”), X的Y (深圳的华为、腾讯), 位于, a place
branch (山东分院), and the opening sentence that places the story (正在山东淄博发生). A bare
市/省 prefix, 引进 and policies give nothing."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from graph.model import SCHEMA, Relation
from loaders.extract.entities import Mention
from loaders.extract.entities.places import ZONE_KIND
from loaders.extract.gazetteer import Gazetteer, load_gazetteer
from loaders.extract.nlp import opens_proper_word
from loaders.extract.relations.base import (
    CITIES,
    CITY_ABBREVIATIONS,
    COMPANIES,
    PROJECTS,
    ArticleViews,
    SentenceView,
    relation,
    rx,
)
from loaders.extract.relations.gates import gate
from loaders.extract.relations.located_scenes import opening_place, visited_in
from loaders.extract.scan import gate_words

_LOCATABLE = SCHEMA["LOCATED_IN"].heads
_NO_ENDS: frozenset[int] = frozenset()
_FIRMS = frozenset({"Company", "Organization", "Agency"})
# A place in brackets inside a registered name: 甲乙（苏州）有限公司 (T27).
_BRACKET_PLACE = re.compile(r"[（(]([\u4e00-\u9fff]{2,8})[)）]")
# Settling in a place (T27): 落户, 落地, 进驻, 入驻, 设于, 扎根 … followed by the place.
_SETTLES = re.compile(r"(?:落户于?|落地于?|进驻|入驻|设于|设在|扎根|坐落于|总部位于|总部设在)")
_SETTLES_GATE = gate(gate_words(_SETTLES))
# A place's own firms and institutions: 甲市拥有乙、丙 / 甲市有乙这样的高校 (T27).
_HAS_WORDS = ("拥有", "有", "聚集了", "集聚了", "汇聚了")
_HAS = re.compile(f"^(?:{'|'.join(_HAS_WORDS)})")
_PLACE_FIRM = re.compile(r"企业[—\-–:：\s]*")


def _gazetteer() -> Gazetteer:
    return load_gazetteer()


def _written_levels(place: Mention) -> list[Mention]:
    """The place and the levels written inside its name (晋城经开区 → the zone and 晋城市)."""
    out = [place]
    for name in place.place_prefix:  # a zone named after its city (甲市高新区)
        out.append(Mention(place.start, place.start, "City", name, name, "written_level"))
    for name in _levels_written(place.name, place.surface):
        out.append(Mention(place.start, place.start, "City", name, name, "written_level"))
    return out


@lru_cache(maxsize=4096)
def _levels_written(name: str, surface: str) -> tuple[str, ...]:
    """Of the two divisions above the place `name`, those whose name or short form opens its
    `surface` (晋城 of 晋城经开区); the answer depends on the two only."""
    out = []
    for level in _gazetteer().ancestor_names(name)[:2]:
        entry = _gazetteer().division(level)
        forms = {level, entry.short} if entry is not None and entry.short else {level}
        if any(f and surface.startswith(f) and f != surface for f in forms):
            out.append(level)
    return tuple(out)


def _places_after(view: SentenceView, pos: int) -> list[Mention]:
    """City mentions that open right after `pos`, joined by 和/、 (深圳和南昌), with the levels
    written inside them."""
    places = view.group_starting_at(pos, CITIES, gap=r"^\s*$")
    return [level for place in places for level in _written_levels(place)]


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


def find(views: ArticleViews) -> list[Relation]:
    out: list[Relation] = []
    # a name written again gives the same relation, which counts from where it is first written
    prefixed: set[tuple[str, str, str]] = set()
    for view in views:
        if not view.mentions:
            continue  # the rules of one sentence place names of that sentence
        # _places_before(view, pos) names places only where one ends at pos
        has_city = "City" in view.labels
        city_ends = {m.end for m in view.mentions if m.label == "City"} if has_city else _NO_ENDS
        in_names: list[Relation] = []  # (places read from names: given after the rules below)
        for m in view.mentions:
            if m.label not in _LOCATABLE:
                continue
            unplaced = not m.place_prefix and m.source != "gazetteer"
            for method, place in _name_places(m.surface, unplaced):
                in_names.append(_rel(m, place, view, method, 0.85))
            # Places written in the name itself; a bare zone word writes none (高新区人社局, T31).
            zone = m.place_prefix and ZONE_KIND.match(m.surface)
            for place in () if zone else m.place_prefix:
                if (m.name, m.label, place) not in prefixed:
                    prefixed.add((m.name, m.label, place))
                    out.append(_rel(m, place, view, "rule:located_prefix", 0.9))
            # A place written right before the name: 东营市国瓷材料, 淄博市“窑炉数字大脑”.
            if not city_ends:
                continue
            start = m.start - 1 if view.text[m.start - 1 : m.start] in "“‘" else m.start
            for place in _places_before(view, start) if start in city_ends else ():
                out.append(relation("LOCATED_IN", m, place, view, "rule:located_adjacent", 0.85))
        text = view.sentence.text
        # (in text order, where a City named here ends: where the next rules look)
        ends = sorted(city_ends) if city_ends else ()
        # X的Y、Z / 位于X的Y (this rule and the next two place names in a City named here)
        for pos in ends:
            de = view.text.startswith("的", pos, view.end)
            places = _places_before(view, pos) if de else []
            if not places:
                continue
            targets = view.group_starting_at(pos + 1, _LOCATABLE, gap=r"^\s*$")
            for t in targets:
                for place in places:
                    out.append(relation("LOCATED_IN", t, place, view, "rule:located_de", 0.85))
        for loc in rx(r"位于").finditer(text) if city_ends and "位于" in text else ():
            pos = view.start + loc.end()
            places = [m for m in view.mentions if m.start >= pos and m.label == "City"][:2]
            if not places or places[0].start != pos:
                continue
            # 位于甲市(乙新片区)的丙: a part of the place the rules do not name may come first
            de = rx(r"[^，。；、的\s]{0,8}?的").match(view.text, places[-1].end)
            if de is not None:
                targets = view.group_starting_at(de.end(), _LOCATABLE, gap=r"^\s*$")
                # 甲公司位于乙市的工厂: the firm's facility there places the firm too (T28)
                targets += view.group_ending_at(view.start + loc.start(), _FIRMS)[-1:]
            else:
                before = view.group_ending_at(view.start + loc.start(), _LOCATABLE)
                targets = before[-1:] if before else []
            levels = [level for place in places for level in _written_levels(place)]
            for t in targets:
                for place in levels:  # 位于甲市乙新片区: the new area and 甲市
                    out.append(relation("LOCATED_IN", t, place, view, "rule:located_weiyu", 0.9))
        # PLACE企业——X / PLACE企业X (every 企业 opens a match: its tail never holds 企)
        for pos in ends:
            ent = _PLACE_FIRM.match(view.text, pos, view.end)
            places = _places_before(view, pos) if ent is not None else []
            if ent is None or not places:
                continue
            targets = view.group_starting_at(ent.end(), COMPANIES, gap=r"^\s*$")
            for t in targets:
                for place in places:
                    out.append(
                        relation("LOCATED_IN", t, place, view, "rule:located_place_firm", 0.8)
                    )
        if city_ends:  # (each places names in a City named here)
            if view.holds(_SETTLES_GATE):  # (every match of _SETTLES holds one of its words)
                out.extend(_settled(view))
            if "在" in text:  # (every place _set_up_in reads follows a 在)
                out.extend(_set_up_in(view))
        if "Company" in view.labels:  # (the firms brought in are named here)
            out.extend(_brought_in_to_settle(view))
        if city_ends:
            out.extend(_own_firms(view))
        out.extend(in_names)
        if city_ends:  # (the place visited in is named here)
            out.extend(visited_in(view))
        if "Project" in view.labels and view.holds(_HELD_GATE):  # (the events held, named here)
            out.extend(_held_in(view))
    out.extend(opening_place(views))
    return out + _zone_cities(views, out)


def _zone_cities(views: ArticleViews, found: list[Relation]) -> list[Relation]:
    """What lies in a zone named after its city lies in that city too, a level of its own
    (甲市高新区乙产业园 → the zone and 甲市, T29)."""
    cities = {
        m.name: m.place_prefix[-1]
        for m in views.labelled("City")
        if m.place_prefix and m.props.get("level") == "zone"  # (most places open with none)
    }
    out = []
    for r in found:
        city = cities.get(r.tail) or _city_of_zone_name(r.tail)
        if city is not None and city != r.head:
            out.append(replace(r, tail=city, method="rule:located_zone_city"))
    return out


@lru_cache(maxsize=4096)
def _city_of_zone_name(name: str) -> str | None:
    """甲高新区 → 甲市, when 甲 is a prefecture or county the gazetteer knows."""
    zone = ZONE_KIND.search(name)
    if zone is None or zone.start() < 2 or zone.end() != len(name):
        return None
    entry = _gazetteer().division(name[: zone.start()], strict=True)
    return entry.name if entry is not None and entry.level in ("city", "district") else None


def _settled(view: SentenceView) -> list[Relation]:
    """甲公司落户乙市高新区 → 甲 in the zone and in the city written in its name."""
    out = []
    for verb in _SETTLES.finditer(view.sentence.text):
        pos = view.start + verb.start()
        if view.in_name(pos, view.start + verb.end()):
            continue
        actors = view.actors_before(pos, _LOCATABLE)
        for place in _places_after(view, view.start + verb.end()):
            for actor in actors:
                out.append(relation("LOCATED_IN", actor, place, view, "rule:located_settles", 0.8))
    return out


# 在甲市(投资)设立的乙 / 丙是由丁在甲市投资设立的: a firm set up in a place is there (T27).
_SET_UP = re.compile(r"(?:投资|出资|合资)?(?:设立|成立|组建|注册|创办|新设)了?")
# Building a project in a place, perhaps after a spot the rules do not name (双盘涂).
_BUILT_IN = re.compile(r"[^，。；、\s的]{0,5}?(?:投资建设|投资兴建|开工建设|建设|兴建|新建|投资)")
_WORKS = frozenset({"Project"})


def _set_up_in(view: SentenceView) -> list[Relation]:
    out = []
    # a place right after 在 opens there, or after spaces (_places_after finds none elsewhere)
    opening = {m.start for m in view.mentions if m.label == "City"}
    for at in rx("在").finditer(view.sentence.text):
        pos = view.start + at.end()
        near = pos in opening or view.text[pos : pos + 1].isspace()
        places = _places_after(view, pos) if near else []
        if not places:
            continue
        end = max(p.end for p in places if p.end > p.start)
        verb = _SET_UP.match(view.text, end)
        if verb is None:
            chain = [*places]  # 在甲省乙市(丙地)投资建设丁项目: every level written
            for m in view.mentions:
                if m.label == "City" and m.start == end:
                    chain.append(m)
                    end = m.end
            built = _BUILT_IN.match(view.text, end)
            works = view.group_in_clause_after(built.end(), _WORKS, limit=4) if built else []
            for work in works:
                for place in chain:
                    out.append(relation("LOCATED_IN", work, place, view, "rule:located_built", 0.8))
            continue
        if view.text[verb.end() : verb.end() + 1] == "的":
            firms = view.group_starting_at(verb.end() + 1, _FIRMS, gap=r"^\s*$")
            subject = view.subject
            before = subject is not None and subject.end <= view.start + at.start()
            if not firms and subject is not None and subject.label in _FIRMS and before:
                firms = [subject]  # 丙是由丁在甲市投资设立的…企业
        else:
            firms = view.group_in_clause_after(verb.end(), _FIRMS, limit=2)
        for firm in firms:
            for place in places:
                out.append(relation("LOCATED_IN", firm, place, view, "rule:located_set_up", 0.8))
    return out


# 甲市招引乙、丙等企业落地: firms brought in to settle in the place (T27).
_BRINGS_IN = re.compile(r"(?:招引|引进|吸引|引入)")
_TO_SETTLE = re.compile(r"^[^，。；]{0,16}?(?:落地|落户|入驻|进驻|扎根)")
_TO_SETTLE_GATE = gate(gate_words(_TO_SETTLE))


def _brought_in_to_settle(view: SentenceView) -> list[Relation]:
    out: list[Relation] = []
    if not view.holds(_TO_SETTLE_GATE):
        return out
    for verb in _BRINGS_IN.finditer(view.sentence.text):
        pos = view.start + verb.start()
        firms = view.list_after(view.start + verb.end(), COMPANIES)
        if not firms or not _TO_SETTLE.match(view.text[firms[-1].end : view.end]):
            continue
        cities = view.group_ending_at(pos, CITIES)
        if not cities and view.subject is not None and view.subject.label == "City":
            cities = [view.subject]
        for firm in firms:
            for city in cities[-1:]:
                out.append(
                    relation("LOCATED_IN", firm, city, view, "rule:located_brought_in", 0.75)
                )
    return out


# 甲市…企业达150余家，包括乙、丙等: the place's own firms, counted then listed (T27).
_COUNTED_THEN_LISTED = re.compile(
    r"^[^，。；]{0,12}?(?:企业|公司|厂商)(?:达|有|超过|共有?|已达|已有)?[^，。；]{0,8}[，,](?:包括|其中有?|如)[:：]?"
)


def _own_firms(view: SentenceView) -> list[Relation]:
    out = []
    # _COUNTED_THEN_LISTED needs 包括, 其中 or 如 in the sentence
    text = view.sentence.text
    listed = "包括" in text or "其中" in text or "如" in text
    for place in view.mentions:
        if place.label != "City":
            continue
        counted = _COUNTED_THEN_LISTED.match(view.text[place.end : view.end]) if listed else None
        if counted and not view.text[view.clause_of(place.start)[0] : place.start].strip():
            for firm in view.list_after(place.end + counted.end(), _FIRMS):
                out.append(relation("LOCATED_IN", firm, place, view, "rule:located_has", 0.7))
        has_word = view.text.startswith(_HAS_WORDS, place.end, view.end)  # (as _HAS, quicker)
        has = _HAS.match(view.text[place.end : view.end]) if has_word else None
        if has is None:
            continue
        firms = view.group_in_clause_after(place.end + has.end(), _FIRMS, limit=2)
        if firms:
            # 甲市拥有乙等…企业，以及丙等…企业: the second list belongs to the place too
            more = rx(r"[^。；]{0,20}?[，,]以及").match(view.text, firms[-1].end)
            if more is not None:
                firms += view.group_in_clause_after(more.end(), _FIRMS, limit=2)
        for firm in firms:
            out.append(relation("LOCATED_IN", firm, place, view, "rule:located_has", 0.7))
    return out


_REGION_AFTER = re.compile(
    r"半岛|平原|盆地|湾区|沿海|流域|高原|沿江|沿边|地区|大湾区|东部|西部|南部|北部"
)


def _surface_place(surface: str) -> str | None:
    """The province or prefecture a name opens with when no finder recorded it (新疆…兵团,
    北京甲乙科技有限公司 read by the tagger): a full name, or a short form of a province or
    prefecture city, followed by at least two more characters."""
    for length in (7, 6, 5, 4, 3, 2):
        piece = surface[:length]
        if len(surface) - length < 2 or _REGION_AFTER.match(surface, length):
            continue  # 山东半岛…: a geographic region, not the province (X2)
        entry = _gazetteer().division(piece, strict=True)
        if entry is None:
            continue
        if piece != entry.name and opens_proper_word(surface, 0, length):
            return None  # 阿里 in 阿里巴巴: the name is a word of its own, not a place's
        if piece == entry.name or entry.level in ("province", "city"):
            return entry.name
    return None


# 在甲市举行的乙大会 / 乙大会在甲市开幕: an event where it is held (T27).
_HELD = re.compile(r"举行|举办|召开|开幕|闭幕|启动|揭幕|开展")
_HELD_GATE = gate(gate_words(_HELD))


def _held_in(view: SentenceView) -> list[Relation]:
    out = []
    for verb in _HELD.finditer(view.sentence.text):
        pos = view.start + verb.start()
        before = view.text[max(view.start, pos - 12) : pos]
        at = before.rfind("在")
        if at < 0:
            continue
        places = [
            c for c in view.mentions
            if c.label == "City" and pos - len(before) + at < c.start and c.end <= pos
        ]
        abbr = CITY_ABBREVIATIONS.get(before[at + 1 : at + 2])
        if not places and abbr is not None and before[at + 2 :].strip() in ("", "隆重", "正式"):
            here = pos - len(before) + at + 1  # 在京启动: the capital's one-character name
            places = [Mention(here, here + 1, "City", abbr, before[at + 1], "abbreviation")]
        if not places or view.text[places[-1].end : pos].strip() not in ("", "隆重", "正式"):
            continue
        after = view.text[view.start + verb.end() : view.start + verb.end() + 2]
        events = []
        if after.startswith("的"):
            events = view.group_in_clause_after(view.start + verb.end(), PROJECTS, 4)
        else:
            head = view.group_ending_at(pos - len(before) + at, PROJECTS)
            events = head[-1:] or view.group_in_clause_after(
                view.start + verb.end(), PROJECTS, 2
            )  # 在京启动“甲行动”
        for event in events:
            for place in places:
                out.append(relation("LOCATED_IN", event, place, view, "rule:located_held", 0.8))
    return out


@lru_cache(maxsize=16384)
def _name_places(surface: str, unplaced: bool) -> tuple[tuple[str, str], ...]:
    """(method, place) pairs read from a name beyond the places that open it: a bracketed
    place (甲乙（苏州）有限公司), the zone a body is named after (甲市高新区管委会, T29), and a
    province or prefecture opening a name no finder placed (新疆…兵团, the tagger's
    北京甲乙科技有限公司).
    The answer depends on the surface only."""
    found = []
    for b in _BRACKET_PLACE.finditer(surface):
        entry = _gazetteer().division(b.group(1))
        if entry is not None and entry.level in ("province", "city", "district"):
            found.append(("rule:located_bracket", entry.name))
    zone = ZONE_KIND.search(surface)
    if zone is not None and zone.start() >= 2 and zone.end() < len(surface):
        written = surface[: zone.end()]
        known = _gazetteer().division(written)  # a listed zone goes by its official name
        found.append(("rule:located_zone_name", known.name if known else written))
    place = _surface_place(surface) if unplaced else None
    if place is not None:
        found.append(("rule:located_prefix", place))
    return tuple(found)


def _rel(m: Mention, place: str, view: SentenceView, method: str, conf: float) -> Relation:
    tail = Mention(m.start, m.start, "City", place, place, "place_prefix")
    return relation("LOCATED_IN", m, tail, view, method, conf)
