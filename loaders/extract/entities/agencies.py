"""Government bodies and state research institutions, with the 市/省 prefix resolved."""

from __future__ import annotations

import re

from loaders.extract.entities.base import (
    _NAME_CHARS,
    HAN,
    Context,
    Mention,
    is_predicate,
)
from loaders.extract.entities.lexicon import (
    _DEPT_STEMS,
    _DEPT_SUFFIX,
    STOP_TOKENS,
)
from loaders.extract.entities.places import ZONE_KIND
from loaders.extract.entities.projects import _places_inside
from loaders.extract.entities.spans import overlaps
from loaders.extract.scan import finditer_near

# -- agencies ------------------------------------------------------------------------------------

_DEPT_RE = re.compile(f"(?:{_DEPT_STEMS})(?:{_DEPT_SUFFIX})")
# A department name ends with the last character of its suffix: scanned near those only, back
# as far as the longest stem and suffix reach (stems and suffixes are plain words).
_DEPT_END = re.compile("[" + "".join(sorted({w[-1] for w in _DEPT_SUFFIX.split("|")})) + "]")
_DEPT_REACH = (
    max(map(len, _DEPT_STEMS.split("|"))) + max(map(len, _DEPT_SUFFIX.split("|"))) - 1, 0
)
_INSTITUTE_RE = re.compile(
    f"(?:中国|国家)[{_NAME_CHARS}]{{2,16}}?(?:研究院|研究中心|研究所|科学院|信通院)"
    f"(?:[{HAN}]{{2,3}}(?:分院|分中心|分所))?"
)

# Every match opens with one of these words (国家 may be the second of 中国家): scanned near
# them only (loaders.extract.scan), as far on as the longest match reaches.
_NATION_WORD = re.compile("中国|国家")
_INSTITUTE_REACH = (0, 1 + 16 + len("研究中心") + 3 + len("分中心"))


def _expand_agency(ctx: Context, surface: str, place: str | None) -> str:
    try:
        name = ctx.gaz.expand_agency(surface, place)
    except (KeyError, ValueError):
        name = None
    return name or surface


_BODY_ENDINGS = (
    "管理委员会|管委会|党工委|委员会|办公室|局|政务服务中心|企业服务中心|合作服务中心|投资服务中心"
)
_BODY_AFTER_PLACE = re.compile(
    f"(?:[市省区县州]?(?:人民政府|政府)|[{HAN}]{{0,12}}?(?P<ending>{_BODY_ENDINGS}))(?![长内外部])"
)
# Every match holds 政府 or an ending whole within its first 12 + longest ending characters: a
# place with none of them there opens no body (a window test before the lazy match).
_BODY_WORD = re.compile(f"政府|{_BODY_ENDINGS}")
_BODY_REACH = 12 + max(map(len, _BODY_ENDINGS.split("|")))


def _place_led_bodies(ctx: Context, seen: set[tuple[int, int]]) -> list[Mention]:
    """Any body a written place opens: 顺德区经济促进局, 顺德区人民政府, 重庆两江新区管理委员会.
    The words between place and ending must be a department name, not a clause."""
    out = []
    text = ctx.text
    chain_start: dict[int, int] = {}  # end of a place chain → its start (重庆 + 两江新区)
    for c in ctx.cities:
        chain_start[c.end] = chain_start.get(c.start, c.start)
    city_starts = {c.start for c in ctx.cities}
    for end, start in chain_start.items():
        if end in city_starts:
            continue  # the chain goes on: 重庆 is followed by 两江新区
        if _BODY_WORD.search(text, end, end + _BODY_REACH) is None:
            continue  # (so _BODY_AFTER_PLACE cannot match at `end`)
        m = _BODY_AFTER_PLACE.match(text, end)
        if not m or any(a <= start and m.end() <= b for a, b in seen):
            continue
        words = ctx.tokens.token_words(end, m.start("ending") if m.group("ending") else m.end())
        # 和 joins the two fields of a department's name (经济和信息化委员会), never opens it
        inner = [w for i, w in enumerate(words) if not (w == "和" and 0 < i < len(words) - 1)]
        if any(w in STOP_TOKENS for w in inner) or "的" in m.group(0):
            continue
        places = ctx.leading_places(start, end)
        if text[start - 2 : start] == "政协" and m.group(0) == "委员会":
            start -= 2  # 政协甲市委员会: the CPPCC committee of the place, named as written
        surface = text[start : m.end()]
        if any(e.label == "Agency" for e in ctx.gaz.lookup(surface)):
            continue  # 香港生产力促进局: a body the gazetteer names as it is
        name = surface if surface.startswith("政协") else _expand_agency(ctx, surface, None)
        if places and places[0].start == start and ZONE_KIND.fullmatch(places[0].surface):
            name = places[0].name + name[len(places[0].surface) :]  # 高新区党工委 (N6)
        mention = Mention(start, m.end(), "Agency", name, surface, "pattern:agency")
        if surface != name:
            mention.aliases.add(surface)
        mention.place_prefix = tuple(p.name for p in places)
        mention.props["place"] = places[-1].name if places else None
        out.append(mention)
    return out


# 市政府, 省人民政府 not inside a longer name (the test of the character before 市 or 省 follows
# it: a pattern opening with 市 or 省 scans fast).
# 甲市委市政府: the pair of a place's party committee and government, the second bare.
_BARE_GOVERNMENT = re.compile(
    f"([市省])(?:(?<=[市省]委[市省])|(?<![{HAN}][市省]))(?:人民)?政府(?!办|工作报告)"
)
_GOVERNMENT_WORD = re.compile("政府")  # in every match: scanned near it only (scan.py)
_BARE_GOVERNMENT_REACH = (3, 4)
_BARE_COMMITTEE = re.compile(r"([市省区县])委(?![员会托屈婉])")
_COMMITTEE_CHAR = re.compile("委")  # in every match: scanned near it only (loaders.extract.scan)
_BARE_OFFICE = re.compile(r"[市省]?(?:委|办|局|厅)")
_UNIVERSITY = re.compile("大学|(?<![科程])学院")


def agency_mentions(ctx: Context) -> list[Mention]:
    """Government bodies: a department name after a place (淄博市工信局), a bare 市/省 (resolved to
    the article's city or province), or inherited along a list (淄博市工信局、发改委); and state
    research institutions (国家…研究中心, 中国…研究院…分院)."""
    out: list[Mention] = []
    text = ctx.text
    last: Mention | None = None
    expanded: dict[tuple[str, str | None], str] = {}  # (a body is named again and again)
    for m in finditer_near(_DEPT_RE, text, _DEPT_END, *_DEPT_REACH):
        start = m.start()
        prefix_place: str | None = None
        written = True
        written_parent: str | None = None
        city = ctx.city_ending_at(start)
        if city is not None:
            start, prefix_place = city.start, city.name
            written = not ZONE_KIND.fullmatch(city.surface)  # 高新区科技局: no place written
            # 常州市武进区工信局: the written parent belongs to the surface (an alias) too
            parent = next((c for c in ctx.cities_ending_at(start) if not c.nested), None)
            if parent is not None and parent.props.get("level") != "district":
                start = parent.start
                written_parent = parent.name
        elif text[max(0, start - 2) : start] in ("全市", "全省"):
            start -= 2
            written = False
            prefix_place = ctx.home_city if text[start + 1] == "市" else ctx.home_province
        elif text[start - 1 : start] in ("市", "省") and ctx.tokens.is_boundary(start - 1):
            start -= 1
            written = False
            prefix_place = ctx.home_city if text[start] == "市" else ctx.home_province
        elif text[start - 3 : start] == "自治区" and (ctx.home_province or "").endswith("自治区"):
            start -= 3  # 自治区国资委: the article's autonomous region, like a bare 省
            written = False
            prefix_place = ctx.home_province
        elif text[start - 2 : start] == "国家":
            start -= 2
        elif text[start - 1 : start] == "、" and last is not None and last.end == start - 1:
            # 淄博市工信局、发改委: the list shares its first member's place.
            prefix_place = last.props.get("place")
            written = bool(last.place_prefix)
        else:
            # An unprefixed local department is not named enough to be a node.
            if m.group(0) not in ("市委", "省委") and not ctx.gaz.lookup(m.group(0)):
                continue
        surface = text[start : m.end()]
        if _BARE_OFFICE.fullmatch(surface):
            continue
        local = text[m.start() : m.end()]
        if (local, prefix_place) not in expanded:
            expanded[local, prefix_place] = _expand_agency(ctx, local, prefix_place)
        name = expanded[local, prefix_place]
        if prefix_place and not name.startswith(prefix_place):
            name = prefix_place + name
        if len(name) < 3:
            continue
        mention = Mention(start, m.end(), "Agency", name, surface, "pattern:agency")
        if surface != name:
            mention.aliases.add(surface)
        mention.props["place"] = prefix_place
        if written and prefix_place:
            mention.place_prefix = tuple(p for p in (written_parent, prefix_place) if p)
        out.append(mention)
        last = mention
    out.extend(_place_led_bodies(ctx, {(m.start, m.end) for m in out}))
    for m in finditer_near(_INSTITUTE_RE, text, _NATION_WORD, *_INSTITUTE_REACH):
        surface = m.group(0)
        words = ctx.tokens.token_words(m.start(), m.end())
        if any(len(w) > 1 and is_predicate(w) for w in words):
            continue  # 中国电信携手星河研究院: two names and a verb, not one institute
        if _UNIVERSITY.search(surface):
            continue  # a university's institute is the university's (Organization, L28)
        mention = Mention(m.start(), m.end(), "Agency", surface, surface, "pattern:institute")
        mention.place_prefix = _places_inside(ctx, surface)
        out.append(mention)
    # Party committees: 市委, 省委, 青岛市委.
    for m in finditer_near(_BARE_COMMITTEE, text, _COMMITTEE_CHAR, before=1, after=1):
        start = m.start()
        city = next(
            (c for c in ctx.cities if c.end in (start, start + 1) and c.name.endswith(m.group(1))),
            None,
        )
        department = _COMMITTEE_DEPARTMENT.match(text, m.end())
        end, dept = (department.end(), department.group(0)) if department else (m.end(), "")
        if city is not None:  # 北仑区委 (the city may be read as 北仑 + 区委)
            out.append(
                Mention(
                    city.start,
                    end,
                    "Agency",
                    city.name + "委" + dept,  # 甲市委组织部: the committee's department (L20)
                    text[city.start : end],
                    "pattern:agency",
                    place_prefix=(city.name,),
                )
            )
        elif ctx.tokens.is_boundary(start):
            home = ctx.home_city if m.group(1) == "市" else ctx.home_province
            if home and home.endswith(m.group(1)):
                mention = Mention(
                    start, end, "Agency", home + "委" + dept, text[start:end], "pattern:agency"
                )
                mention.aliases.add(text[start:end])
                out.append(mention)
    # The article's own government written bare: 市政府 → 青岛市人民政府 (E2).
    for m in finditer_near(_BARE_GOVERNMENT, text, _GOVERNMENT_WORD, *_BARE_GOVERNMENT_REACH):
        home = ctx.home_city if m.group(1) == "市" else ctx.home_province
        if home and home.endswith(m.group(1)):
            mention = Mention(
                m.start(), m.end(), "Agency", home + "人民政府", m.group(0), "pattern:agency"
            )
            mention.aliases.update({m.group(0), home + "政府"})  # 市政府: 甲市政府 too
            out.append(mention)
    return out


# A party committee's departments: 甲市委组织部 is an Agency of its own (L20).
_COMMITTEE_DEPARTMENT = re.compile(r"组织部|宣传部|统战部|政法委|网信办|政策研究室|编办|办公室")
# A party committee named by its place: 甲省委, 乙市委, 丙区委, 丁自治区党委 (L20, L21).
_COMMITTEE_WORDS = "省委|市委|区委|县委|州委|自治区党委"
_PARTY_COMMITTEE = re.compile(f"([{HAN}]{{2,8}}?)({_COMMITTEE_WORDS})(?![员会])")
# Every match ends its committee word with 委 (found by a literal scan, faster than one for the
# words): scanned near it only (loaders.extract.scan), back over the name and the longest word.
_PARTY_COMMITTEE_REACH = (8 + max(map(len, _COMMITTEE_WORDS.split("|"))) - 1, 1)
_COMMITTEE_LEVEL = {"省委": "province", "市委": "city", "区委": "district", "县委": "district"}


def party_committee_mentions(ctx: Context, known: list[Mention]) -> list[Mention]:
    """甲省委 → the Agency 甲省委 and, nested, the City 甲省 it belongs to; the place may be
    hidden inside one segmenter word (四川省委), so it is read from the characters."""
    out: list[Mention] = []
    taken: list[tuple[int, int]] | None = None  # (listed at the first match: most texts have none)
    for m in finditer_near(_PARTY_COMMITTEE, ctx.text, _COMMITTEE_CHAR, *_PARTY_COMMITTEE_REACH):
        start, end, suffix = m.start(), m.end(), m.group(2)
        if taken is None:
            taken = [(k.start, k.end) for k in known if not k.nested and k.label != "City"]
        if overlaps(taken, start, end) or not ctx.tokens.is_boundary(start):
            continue
        # the place is written bare or with its own suffix (四川 + 省委, 青岛 + 市委)
        form = ctx.text[start : m.end(1) + 1]
        entry = ctx.gaz.division(form) or ctx.gaz.division(m.group(1))
        if entry is None or entry.level not in (_COMMITTEE_LEVEL.get(suffix), None, "city"):
            continue
        if not ctx.text.startswith(entry.name, start):
            form = m.group(1)
        name = entry.name + ("党委" if suffix == "自治区党委" else "委")
        surface = ctx.text[start:end]
        mention = Mention(start, end, "Agency", name, surface, "pattern:party_committee")
        if surface != name:
            mention.aliases.add(surface)
        mention.place_prefix = (entry.name,)
        mention.props["place"] = entry.name
        city = Mention(start, start + len(form), "City", entry.name, form, "gazetteer")
        city.props["level"] = entry.level
        city.nested = True
        out.extend([mention, city])
    return out
