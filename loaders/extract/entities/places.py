"""Places and other gazetteer entries: entity-ruler matches named by the gazetteer, district
short forms only inside the article's region, places written inside known names."""

from __future__ import annotations

import re
from functools import lru_cache, partial
from types import SimpleNamespace
from typing import Any

from loaders.extract.entities.base import (
    _DISTRICT_SHORT_MAX_FREQ,
    HAN,
    START,
    Context,
    Mention,
    _cached_gazetteer,
    _inside_latin_word,
)
from loaders.extract.entities.city_reading import (
    Reading,
    inside_another_place,
    province_city_pairs,
    reading_of,
)
from loaders.extract.entities.home import home_place, key_openings
from loaders.extract.entities.short_forms import (
    groups_of_short_forms,
    in_partner_slot,
    inside_longer_word,
    local_namesakes,
    not_a_place_here,
    unknown_name_opened,
)
from loaders.extract.nlp import opens_proper_word, word_frequency
from loaders.extract.scan import finditer_near


def _city_mention(ctx: Context, start: int, end: int, surface: str, entry: Any) -> Mention:
    aliases = {surface} if surface != entry.name else set()  # (given: faster than a default)
    return Mention(
        start, end, "City", entry.name, surface, "gazetteer", aliases, {"level": entry.level}
    )


_ORG_FINDER_LABELS = ("Company", "Agency", "Platform", "Organization")


def _places_opening(ctx: Context, m: Mention) -> list[Mention]:
    """Places at the head of a known organisation's written name (浙江中控技术股份有限公司):
    nested City mentions, and the organisation's written place prefix."""
    found: list[Mention] = []
    pos = m.start
    openings = key_openings()
    for _ in range(2):
        head = ctx.text[pos : pos + 2]
        han = "\u4e00" <= head[0] <= "\u9fff" and "\u4e00" <= head[-1] <= "\u9fff"
        if han and head not in openings:
            break  # no place's name opens here
        for length in (4, 3, 2):
            piece = ctx.text[pos : pos + length]
            if pos + length >= m.end or not ctx.gaz.names_a_division(piece):
                continue
            entry = ctx.gaz.division(piece, strict=True)
            if (
                entry is None
                or entry.level == "district"
                or (ctx.gaz.is_ambiguous(piece) and piece != entry.name)
                or (piece != entry.name and opens_proper_word(ctx.text, pos, pos + length))
            ):
                continue
            city = _city_mention(ctx, pos, pos + length, piece, entry)
            city.nested = True
            found.append(city)
            pos += length
            break
        else:
            break
    m.place_prefix = tuple([c.name for c in found]) if found else ()
    return found


_GOVERNMENT = re.compile(r"(?:人民)?政府(?!工作报告)")
_GOVERNMENT_WORD = re.compile("政府")  # scanned near it only (loaders.extract.scan)


def _places_glued_to_government(ctx: Context, found: list[Mention]) -> list[Mention]:
    """A division the segmenter keeps inside one word with its government (湖南省人民政府 is a
    single dictionary word, so the ruler never sees 湖南省): the full name written before it."""
    out = []
    ends = {m.end for m in found if m.label == "City"}
    for g in finditer_near(_GOVERNMENT, ctx.text, _GOVERNMENT_WORD, before=2, after=4):
        if g.start() in ends or ctx.tokens.is_boundary(g.start()):
            continue  # found by the ruler, or not glued into one word
        for length in (7, 6, 5, 4, 3):
            piece = ctx.text[max(0, g.start() - length) : g.start()]
            entry = ctx.gaz.division(piece, strict=True) if len(piece) == length else None
            if entry is not None and entry.name == piece:
                out.append(_city_mention(ctx, g.start() - length, g.start(), piece, entry))
                ends.add(g.start())
                break
    return out


def _short_forms_of_named_orgs(
    text: str, found: list[Mention], held: list[tuple[int, int, str, list[Any]]]
) -> list[Mention]:
    """An ambiguous short form (阿里, also a prefecture; 浪潮, also a word) names the firm or
    platform when the article also names it in full (one name, one reading per article), and
    names the firm where only an organisation can stand (与浪潮合作研发, 携手浪潮)."""
    if not held:
        return found
    named = {(m.label, m.name) for m in found if m.source == "gazetteer"}
    out = list(found)
    for start, end, surface, entries in held:
        entry = next((e for e in entries if (e.label, e.name) in named), None)
        if entry is None and in_partner_slot(text, start, end):
            entry = next((e for e in entries if e.label == "Company"), None)
        if entry is None:
            continue
        out = [m for m in out if not (m.start == start and m.end == end)]
        m = Mention(start, end, entry.label, entry.name, surface, "gazetteer")
        m.aliases.add(surface)
        out.append(m)
    return out


def _looked_up(gaz: Any, surface: str) -> tuple[Any, bool, list[Any]]:
    """A match's entries, whether its surface is ambiguous, and then the firms and platforms
    it is a short form of (read once per surface and article)."""
    entries = gaz.lookup(surface)
    if not entries or not gaz.is_ambiguous(surface):
        return entries, False, []
    orgs = [e for e in entries if e.label in ("Company", "Platform") and e.name != surface]
    return entries, True, orgs


@lru_cache(maxsize=65536)
def _shared_look_up(surface: str) -> tuple[Any, bool, list[Any]]:
    """_looked_up in the shared gazetteer: the same in every article (its lists are only read)."""
    return _looked_up(_cached_gazetteer(), surface)


def gazetteer_mentions(ctx: Context) -> list[Mention]:
    """Entity-ruler matches, labelled and named by the gazetteer."""
    out: list[Mention] = []
    deferred: list[tuple[int, int, str]] = []
    held: list[tuple[int, int, str, list[Any]]] = []  # ambiguous short forms of organisations
    readings: dict[str, Reading] = {}  # City surface → what it names (city_reading)
    looked: dict[str, tuple[Any, bool, list[Any]]] = {}  # surface → _looked_up
    text, gaz = ctx.text, ctx.gaz
    pairs = province_city_pairs()
    look_up = _shared_look_up if ctx.reads_dictionary else partial(_looked_up, gaz)
    read = reading_of(ctx)
    for start, end, label in ctx.doc.spans.get("gazetteer", []):  # (Match: start, end, label)
        surface = text[start:end]
        latin = text[start] < "\x80" or text[end - 1] < "\x80"  # (ASCII; else it is none)
        if latin and _inside_latin_word(text, start, end):
            continue  # IMO in MIMO, EU in EUV: Latin letters go on around the match
        known = looked.get(surface)
        if known is None:
            known = looked[surface] = look_up(surface)
        entries, ambiguous, orgs = known
        if not entries:
            continue
        if orgs:
            held.append((start, end, surface, orgs))
        if label == "City":
            pair = text[start - 1 : start + 1] if start else ""
            before = inside_another_place(ctx, start) if pair in pairs else None
            if before is not None:  # 上海城市…: 海城市 read across the end of 上海
                out.append(_city_mention(ctx, start - 1, start + 1, pair, before))
                continue
            reading = readings.get(surface)
            if reading is None:
                reading = readings[surface] = read(surface)  # (city_reading of its entries)
            entry, everyday, parent = reading
            short = entry is not None and surface != entry.name
            if short and opens_proper_word(text, start, end):
                continue  # 阿里 in 阿里巴巴: a short form inside a name the dictionary knows
            if short and not_a_place_here(ctx, start, end):
                continue  # 股|东源|渡, 9|成都|是, 甲省晨报: a word cut in two, a paper's name
            if everyday:
                entry = None  # 矿区, 城区: a district only where its city is named
            if entry is None:
                deferred.append((start, end, surface))
                continue
            out.append(_city_mention(ctx, start, end, surface, entry))
            if parent is not None:
                form, parent_entry = parent
                glued = _city_mention(ctx, start, start + len(form), form, parent_entry)
                glued.nested = True
                out.append(glued)
            continue
        for entry in entries:  # the entry of the match's label, else the first
            if entry.label == label:
                break
        else:
            entry = entries[0]
        short = surface != entry.name
        if short and ambiguous:
            continue  # 浪潮 is also an everyday word: only its full name counts
        if short and inside_longer_word(ctx, start, end):
            continue  # 云从 in 马云|从…, 中信 in 中信证劵: a short form read inside other words
        longer = unknown_name_opened(ctx, end) if short else None
        if longer is not None and entry.label == "Company":
            name = text[start:longer]  # 甲核|苏|阀、: another firm's name
            out.append(Mention(start, longer, "Company", name, name, "pattern:opened"))
            continue
        if entry.label == "Company" and short and _province_char(ctx, start):
            name = text[start - 1 : end]  # 陕|重汽: the province's own firm, not the national one
            out.append(Mention(start - 1, end, "Company", name, name, "pattern:regional_firm"))
            continue
        aliases = {surface} if short else set()
        m = Mention(start, end, entry.label, entry.name, surface, "gazetteer", aliases)
        out.append(m)
        out.extend(_places_opening(ctx, m))
    out.extend(groups_of_short_forms(ctx))
    out = local_namesakes(out)
    out = _short_forms_of_named_orgs(ctx.text, out, held)
    out.extend(_places_glued_to_government(ctx, out))
    ctx.cities = sorted([m for m in out if m.label == "City"], key=START)
    found_before = len(out)
    ctx.home_city, ctx.home_province = home_place(ctx.title, ctx.text, ctx.cities)
    # Homonyms and district short forms: only a division inside a city or province the article
    # names (即墨 in an article about 青岛, 垦利 after 东营).
    named = {m.name for m in ctx.cities if m.props.get("level") in ("city", "province")}
    placed: dict[str, Any] = {}  # deferred surface → its division in a named place, or None
    for start, end, surface in deferred:
        if surface not in placed:
            placed[surface] = _division_within(ctx, surface, named)
        if placed[surface] is not None:
            out.append(_city_mention(ctx, start, end, surface, placed[surface]))
    # (the places found after the first sort were appended last: they follow the others)
    ctx.cities = sorted([*ctx.cities, *out[found_before:]], key=START)
    ctx.known_orgs = [m for m in out if m.label in _ORG_FINDER_LABELS]
    return out


def _division_within(ctx: Context, surface: str, named: set[str]) -> Any:
    """The division `surface` names inside one of the `named` places, or None."""
    inside = _shared_division_in if ctx.reads_dictionary else partial(_division_in, ctx)
    for scope in named:
        entry = inside(surface, scope)
        if entry is not None:
            return entry
    return None


def _division_in(ctx: Any, surface: str, scope: str) -> Any:
    """The division `surface` names inside the place `scope`, or None."""
    entry = ctx.gaz.division(surface, within=scope, strict=True)
    if entry is None or scope not in ctx.gaz.ancestor_names(entry):
        return None
    if (
        surface != entry.name
        and entry.level == "district"
        and ctx.freq(surface) >= _DISTRICT_SHORT_MAX_FREQ
    ):
        return None
    return entry


@lru_cache(maxsize=16384)
def _shared_division_in(surface: str, scope: str) -> Any:
    """_division_in with the shared gazetteer and the dictionary's frequencies (the same in
    every article; hashing the entry for `ancestor_names` costs more than this memo)."""
    shared = SimpleNamespace(gaz=_cached_gazetteer(), freq=word_frequency)
    return _division_in(shared, surface, scope)


# One-character names of provinces that open a regional firm's short name (陕重汽, 鲁商).
_PROVINCE_CHARS = frozenset("陕晋冀鲁豫皖苏浙闽赣湘鄂粤桂琼川黔滇藏甘陇青蒙辽吉黑京沪津渝")


def _province_char(ctx: Context, pos: int) -> bool:
    """A lone province character right before `pos`, not after a verb of going (在沪, 赴京)."""
    if pos < 1 or ctx.text[pos - 1] not in _PROVINCE_CHARS:
        return False
    i = ctx.tokens.token_at(pos - 1)
    lone = len(ctx.tokens.words[i]) == 1 and ctx.tokens.starts[i] == pos - 1
    return lone and ctx.text[pos - 2 : pos - 1] not in set("在赴来返驻抵离留回进入到")


# Zones with their own administration, named after their city (L7, L8): 甲市高新区,
# 乙经济技术开发区, 丙综合保税区. Industrial parks and bases are Projects, not zones (L9).
_ZONE_KINDS = {
    "经济技术开发区": None,
    "高新技术产业开发区": None,
    "经济开发区": None,
    "自由贸易试验区": None,
    "综合保税区": None,
    "保税港区": None,
    "保税区": None,
    "经开区": "经济技术开发区",
    "高新区": "高新技术产业开发区",
    "自贸试验区": "自由贸易试验区",
    "自贸区": "自由贸易试验区",
    "综保区": "综合保税区",
}
ZONE_KIND = re.compile("|".join(sorted(_ZONE_KINDS, key=len, reverse=True)))
_ZONE_END, _ZONE_REACH = re.compile("区"), (max(map(len, _ZONE_KINDS)) - 1, 0)  # 区 ends each


def _bare_zone_words(
    ctx: Context, zones: list[Mention], kinds: list[re.Match[str]]
) -> list[Mention]:
    """A bare 经开区 or 高新区 (one of `kinds`, the zone words written) is the article's one zone
    of that kind (L8), like a bare 市."""
    out: list[Mention] = []
    if not kinds:
        return out
    # inside a written zone, or a listed one (东湖高新区), 高新区 is no bare word
    listed = [c for c in ctx.cities if c.props.get("level") == "zone"]
    spans = [(z.start, z.end) for z in [*zones, *listed]]
    for m in kinds:
        if any(a <= m.start() < b for a, b in spans):
            continue
        kind = _ZONE_KINDS[m.group(0)] or m.group(0)
        # one zone may be written in its short and its long form: a zone is its city and kind
        same = {
            (z.place_prefix, kind): z
            for z in zones
            if z.name.endswith((m.group(0), kind)) or any(a.endswith(kind) for a in z.aliases)
        }
        if len(same) != 1 or ctx.text[m.start() - 1 : m.start()] in ("各", "等", "个", "级"):
            continue
        zone = next(iter(same.values()))
        mention = Mention(m.start(), m.end(), "City", zone.name, m.group(0), "pattern:zone")
        mention.props["level"] = "zone"
        mention.place_prefix = zone.place_prefix
        mention.aliases.add(m.group(0))
        out.append(mention)
    return out


def _city_fused_with_zone(ctx: Context, pos: int) -> Mention | None:
    """The city of a zone the segmenter reads as one word (甲市高新区 as a single token): the
    place's short form opening that word, as a City mention."""
    start = ctx.tokens.starts[ctx.tokens.token_at(pos - 1)] if pos > 0 else pos
    if not 2 <= pos - start <= 4:
        return None
    entry = ctx.gaz.division(ctx.text[start:pos], strict=True)
    if entry is None or entry.level == "district":
        return None
    return Mention(start, pos, "City", entry.name, ctx.text[start:pos], "gazetteer")


_TOWN_ZONE = re.compile(f"([{HAN}]{{2}})(经济技术开发区|经济开发区|开发区)")
_ZONE_WORD, _TOWN_ZONE_REACH = re.compile("开发区"), (6, 0)  # ends every match (scan.py)


def _town_zones(ctx: Context, found: list[Mention]) -> list[Mention]:
    """A zone named after a town the gazetteer does not hold (甲乙开发区): a City of level zone."""
    out = []
    taken = [(c.start, c.end) for c in [*ctx.cities, *found]]
    for m in finditer_near(_TOWN_ZONE, ctx.text, _ZONE_WORD, *_TOWN_ZONE_REACH):
        start, end = m.span()
        town = m.group(1)
        if any(a < end and start < b for a, b in taken):
            continue
        if ctx.freq(town) > 0 or not ctx.tokens.is_boundary(start):
            continue  # 工业开发区, 该开发区: a word of the language, not a town's name
        mention = Mention(start, end, "City", m.group(0), m.group(0), "pattern:zone")
        mention.props["level"] = "zone"
        out.append(mention)
    return out


def zone_mentions(ctx: Context) -> list[Mention]:
    """A zone written right after its city (晋城经开区): a City of level zone named as written,
    with the official long form as an alias; it joins the article's places, so the bodies
    named after it (…经开区管委会) are placed in it."""
    out: list[Mention] = []
    kinds = list(finditer_near(ZONE_KIND, ctx.text, _ZONE_END, *_ZONE_REACH))
    # (the places by end are read for a zone word only: most articles write none)
    ends = {c.end: c for c in ctx.cities if c.props.get("level") != "zone"} if kinds else {}
    for m in kinds:
        state = ctx.text[m.start() - 3 : m.start()]
        lead = 3 if state == "国家级" else 2 if state.endswith("国家") else 0
        city = ends.get(m.start() - lead)
        if city is None:
            city = _city_fused_with_zone(ctx, m.start())
        if city is None or ctx.gaz.division(ctx.text[city.start : m.end()]) is not None:
            continue  # a zone the gazetteer knows is already a place
        surface = ctx.text[city.start : m.end()]
        kind = ctx.text[city.end : m.end()]  # 高新区, or 国家高新技术产业开发区
        name = city.surface + kind
        mention = Mention(city.start, m.end(), "City", name, surface, "pattern:zone")
        mention.props["level"] = "zone"
        long_kind = _ZONE_KINDS[m.group(0)]
        if long_kind:
            mention.aliases.add(city.surface + kind.replace(m.group(0), long_kind))
        if city.surface != city.name:
            mention.aliases.add(city.name + kind)
        mention.place_prefix = (city.name,)
        out.append(mention)
    out.extend(_town_zones(ctx, out))
    out.extend(_bare_zone_words(ctx, out, kinds))
    if out:
        ctx.cities = sorted([*ctx.cities, *out], key=START)
    return out
