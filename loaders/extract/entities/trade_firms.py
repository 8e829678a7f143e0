"""Firms named by a proper name, the words for their trade or region, then 公司: 甲乙勘探咨询公司,
俄罗斯甲乙肥料公司, 甲乙新疆公司."""

from __future__ import annotations

import re

from loaders.extract.entities.base import (
    _FUNCTION_CHARS,
    _RARE_FREQ,
    HAN,
    Context,
    Mention,
    name_left_edge,
)
from loaders.extract.entities.companies import X_COMPANY
from loaders.extract.entities.firm_stems import _proper_word
from loaders.extract.entities.lexicon import _GENERIC_MODIFIERS, STOP_TOKENS
from loaders.extract.entities.spans import overlaps

# Countries written before a foreign firm's name (加拿大甲乙矿业公司): not part of the name (X2).
_COUNTRY = re.compile(
    r"(?:美国|加拿大|俄罗斯|日本|韩国|德国|法国|英国|意大利|荷兰|瑞士|瑞典|芬兰|挪威|丹麦|比利时|"
    r"西班牙|葡萄牙|澳大利亚|新西兰|新加坡|马来西亚|印度尼西亚|印度|巴西|阿根廷|智利|墨西哥|南非|"
    r"以色列|沙特|阿联酋|土耳其|泰国|越南|菲律宾|哈萨克斯坦|蒙古|波兰|奥地利|卢森堡|爱尔兰)"
)


def described_x_company_mentions(ctx: Context, known: list[Mention]) -> list[Mention]:
    """甲乙勘探咨询公司, 俄罗斯甲乙肥料公司, 甲乙新疆公司: a proper name, then words for the trade
    or the region it serves, then 公司. The proper name opens the stem; a stem of ordinary words
    (晶片设计公司, 锂业公司) describes a firm without naming it."""
    taken: set[tuple[int, int]] | None = None  # (listed when first needed: few stems get there)
    out = []
    text, tokens = ctx.text, ctx.tokens
    for m in ctx.matches(X_COMPANY):
        left = name_left_edge(ctx, m.start(), max_chars=10, verb_min_freq=1000)
        country = _COUNTRY.match(text, left, m.start())
        if country:
            left = country.end()
        words = tokens.token_words(left, m.start())
        stem = text[left : m.start()]
        if not (3 <= len(stem) <= 8) or len(words) < 2 or not tokens.is_boundary(left):
            continue
        cities = ctx.cities_in(left, m.start())
        place_first = bool(cities) and cities[0].start - left < 2
        lone = len(words[0]) == 1 and len(words[1]) == 1  # an unknown name cut into characters
        rare = lone or ctx.freq(words[0]) < _RARE_FREQ
        if not place_first and not (_proper_word(words[0]) and rare):
            continue
        if words[0] in STOP_TOKENS or stem[0] in _FUNCTION_CHARS:
            continue
        if any(w in STOP_TOKENS for w in words if len(w) > 1) or _GENERIC_MODIFIERS.fullmatch(stem):
            continue
        places: tuple[str, ...] = ()
        if place_first:
            if not _placed_brand(ctx, text[cities[0].end : m.start()]):
                continue  # 甲市公司, 甲省投资公司: a place and a trade name no firm
            places = (cities[0].name,)  # 甲省乙丙公司: a rare word after the place is a name
        elif cities and cities[-1].end == m.start():
            places = (cities[-1].name,)  # 甲乙新疆公司: the firm's company for that region
        if taken is None:
            taken = {(k.start, k.end) for k in known if k.label == "Company"}
        if any(a <= left and m.end() <= b for a, b in taken):
            continue  # inside a firm already found
        name = stem + "公司"
        mention = Mention(left, m.end(), "Company", name, name, "pattern:x_company")
        mention.aliases.add(stem)
        mention.place_prefix = places
        out.append(mention)
    return out


def _placed_brand(ctx: Context, rest: str) -> bool:
    """Whether the words between a place and 公司 are a brand: two or three characters the
    dictionary hardly knows (天业, not 投资 or 电力)."""
    return (
        2 <= len(rest) <= 3
        and rest not in STOP_TOKENS
        and not _GENERIC_MODIFIERS.fullmatch(rest)
        and ctx.freq(rest) < _RARE_FREQ
        and all(ctx.freq(rest[i : i + 2]) < _RARE_FREQ for i in range(len(rest) - 1))
    )


# A works named by its place and trade (甲市机床厂, 乙县纺织厂): an enterprise (L13).
_WORKS = re.compile(f"([{HAN}]{{2,4}}?)厂(?![长区房家商内外址])")


def place_works_mentions(ctx: Context, known: list[Mention]) -> list[Mention]:
    """甲市机床厂: a place, a trade word of the dictionary and 厂."""
    out = []
    taken: list[tuple[int, int]] | None = None  # (listed at the first works: most texts have none)
    text = ctx.text
    if "厂" not in text:
        return out  # (every _WORKS match holds 厂: most texts hold none)
    for city in ctx.cities:
        m = _WORKS.match(text, city.end)
        if m is None:
            continue
        if taken is None:
            taken = [(k.start, k.end) for k in known if k.label != "City"]
        if overlaps(taken, city.start, m.end()):
            continue
        words = ctx.tokens.token_words(m.start(1), m.end(1))
        if not all(len(w) >= 2 and ctx.freq(w) > 0 for w in words):
            continue  # 甲市的工厂, 甲市工厂: no trade written before 厂
        surface = text[city.start : m.end()]
        mention = Mention(city.start, m.end(), "Company", surface, surface, "pattern:works")
        mention.place_prefix = (city.name,)
        out.append(mention)
    return out
