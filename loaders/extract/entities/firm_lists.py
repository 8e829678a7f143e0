"""Firms named only as members of a list: 甲、乙等上百家配套企业, 企业…包括甲、乙等, 甲、乙两家药企,
and the investors of a funding round (甲领投，乙、丙跟投)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from loaders.extract.entities.base import (
    _FUNCTION_CHARS,
    Context,
    Mention,
    _strip_places,
    name_left_edge,
)
from loaders.extract.entities.lexicon import _GENERIC_MODIFIERS, STOP_TOKENS
from loaders.extract.entities.projects import _PROJECT_SUFFIX
from loaders.extract.nlp import word_tag
from loaders.extract.scan import finditer_near, positions

# How many firms a list closes on: 上百家, 两家, 13个, 80余家.
_NUMERALS = r"\d一二三四五六七八九十两几数上百千余多"
_COUNT = f"(?:[{_NUMERALS}]+(?:家|个))"
_FIRM_HEAD = (
    r"(?:企业|公司|服务商|厂商|厂家|供应商|集团|合作伙伴|伙伴|品牌|投资机构|药企|车企|"
    r"龙头|科技企业|平台企业)"
)
# Words that may stand between 等 and the firm word when no count is written: 等一批头部服务商.
_DESCRIPTOR = (
    r"(?:一批|多家|众多|知名|重量级|头部|龙头|科技|互联网|工业互联网|产业|行业|国际|国内|海外|"
    r"能源|制造|配套|零部件|汽车|医药|生物|新能源|信息|软件|电子|金融|投资|创新|骨干|重点|优质)"
)
# 等 + descriptors + a word for firms (等一批服务商); after a count of firms any few words may
# describe them (等上百家汽车零部件生产企业); a list closed by its count alone needs two members
# at least (甲、乙两家创新药企).
_FIRM_LIST_END = re.compile(
    # (?:(?P<etc>等){_COUNT}?|{_COUNT}), spelt to open with one character class (等 or a
    # numeral, read again behind): a pattern that opens so scans fast
    f"[等{_NUMERALS}](?:(?<=(?P<etc>等)){_COUNT}?|(?<=[{_NUMERALS}])[{_NUMERALS}]*(?:家|个))"
    f"(?:(?<=家)(?:(?!领域|行业|方面|地区|城市|国家)[^的和与及、，,。；\\s\\d]){{0,8}}?|{_DESCRIPTOR}*)"
    f"{_FIRM_HEAD}"
)
_NUMERAL = re.compile(f"[{_NUMERALS}]")
# _NUMERAL's characters: \d (a decimal digit, str.isdecimal), then these.
_NUMERAL_CHARS = frozenset(_NUMERALS.removeprefix(r"\d"))


def _is_numeral(ch: str) -> bool:
    """Whether the character `ch` matches _NUMERAL (a test without `re`)."""
    return ch in _NUMERAL_CHARS or ch.isdecimal()


def firm_list_ends(text: str) -> Iterator[re.Match[str]]:
    """`_FIRM_LIST_END.finditer(text)`, tried only where a match can open: at 等, or at the first
    of the numerals before 家 or 个 (from a later numeral of the run a match reads on the same
    way, and a match never ends with a numeral, so none opens inside a run the one before
    ended in). str.find skips to those places faster than `re` tries every character."""
    opens = set(positions(text, "等"))
    for unit in ("家", "个"):
        for at in positions(text, unit):
            first = at
            while first > 0 and _is_numeral(text[first - 1]):
                first -= 1
            if first < at:
                opens.add(first)
    end = 0
    for pos in sorted(opens):
        if pos >= end and (m := _FIRM_LIST_END.match(text, pos)) is not None:
            end = m.end()
            yield m


# A head noun, then 包括/如 and a list closed by 等: 企业达150余家，包括甲、乙、丙等，…
_LIST_HEADS, _LIST_OPENERS = "企业|公司|厂商|厂家|供应商", "包括|涵盖|比如|如|有"
_FIRM_LIST_AFTER = re.compile(
    f"(?:{_LIST_HEADS})[^的。；\\n]{{0,16}}?(?:{_LIST_OPENERS})[:：]?"
    r"(?P<list>[^。；，,\n]{2,160}?)等(?=[，,。；])"
)
# Every match closes with 等 before a clause mark: scanned near those only (loaders.extract.scan),
# back over the longest head, gap, opener, colon and list, on over the mark the lookahead reads.
_LIST_CLOSE = re.compile("等(?=[，,。；])")
_FIRM_LIST_AFTER_REACH = (
    max(map(len, _LIST_HEADS.split("|"))) + 16 + max(map(len, _LIST_OPENERS.split("|"))) + 161,
    1,
)
# Investors of a funding round: 由甲资本领投，乙、丙跟投，丁担任独家财务顾问.
_INVESTOR_VERBS = "领投|跟投|参投|领头"
_INVESTOR_END = re.compile(f"(?:联合|共同)?(?:{_INVESTOR_VERBS})|担任(?:独家)?财务顾问")
_INVESTOR_VERB_END = re.compile(f"(?:联合|共同)?(?:{_INVESTOR_VERBS})$")
# In every match of _INVESTOR_END: a cheap test before it.
_INVESTOR_WORDS = (*_INVESTOR_VERBS.split("|"), "财务顾问")
_INVESTOR_ROLE = re.compile(r"^(?:老股东|原股东|股东|机构|投资方|本轮)")


def _leading_verb(ctx: Context, word: str) -> bool:
    """A common verb (走访, 投资) before the first member of a list, not a word of its name."""
    return len(word) >= 2 and (word_tag(word) or "").startswith("v") and ctx.freq(word) >= 300


def _all_predicates(ctx: Context, start: int, end: int) -> bool:
    """Whether text[start:end] is made of verbs and adverbs only (大力招引)."""
    words = ctx.tokens.token_words(start, end)
    return bool(words) and all((word_tag(w) or "").startswith(("v", "d")) for w in words)


_LIST_MARKS = "、，,。；：\n和及与"


def _after_last_mark(text: str, lo: int, end: int) -> int:
    """The position after the last of _LIST_MARKS in text[lo:end], 0 if none there:
    max(text.rfind(c, lo, end) for c in _LIST_MARKS) + 1, with one slice and no generator."""
    at = max(map(text[lo:end].rfind, _LIST_MARKS))
    return lo + at + 1 if at >= 0 else 0


def _list_members(
    ctx: Context, end: int, known: list[Mention], source: str, joiners: str = "、"
) -> list[Mention]:
    """The members of a list ending at `end`, last first: unknown members that read as names."""
    out = []
    text = ctx.text
    for _ in range(30):
        # (a mark more than 9 characters back gives way to name_left_edge, as none does)
        start = _after_last_mark(text, max(0, end - 9), end)
        if start == 0 or text[start - 1] not in joiners or end - start > 8:
            # the first member: the words before it (a verb, a subject) are not its name
            start = max(start, name_left_edge(ctx, end, max_chars=8, verb_min_freq=1000))
        role = _INVESTOR_ROLE.match(text[start:end])
        if role and source == "pattern:investor":
            start += role.end()
        first = ctx.tokens.token_words(start, end)[:1]
        leftmost = start == 0 or text[start - 1] not in joiners
        if leftmost and first and _leading_verb(ctx, first[0]) and end - start - len(first[0]) >= 2:
            start += len(first[0])  # the verb that opens the list: 走访甲、乙两家企业
        role_end = _INVESTOR_VERB_END.search(text, start, end)
        if role_end is not None and role_end.start() - start >= 2:
            end = role_end.start()  # 乙跟投、丙担任财务顾问: 乙's own verb closes its item
        item = text[start:end].strip()
        if "等" in item:
            break  # 济南、东营等地多家企业: places closed by 等地, not firms
        mention = _member(ctx, start, end, item, known, source) if 2 <= len(item) <= 8 else None
        if mention is not None:
            out.append(mention)
        if start == 0 or text[start - 1] not in joiners:
            break
        end = start - 1
    return out


def _member(
    ctx: Context, start: int, end: int, item: str, known: list[Mention], source: str
) -> Mention | None:
    """The unknown member text[start:end] of a list, if it reads as a firm's name (the cheap
    tests first)."""
    words = ctx.tokens.token_words(start, end)
    # In such a list even a dictionary word names a firm (网易), unless it is common.
    plausible = (
        ctx.freq(item) < 1000
        and item[0] not in _FUNCTION_CHARS
        and not any(w in STOP_TOKENS for w in words if len(w) > 1)
        and not _GENERIC_MODIFIERS.fullmatch(item)
        and not _COUNTED_BIG.search(item)
    )
    if not plausible or _PROJECT_SUFFIX.search(item):
        return None
    for k in known:  # (one walk for the two tests)
        if k.start <= start + 1 and end <= k.end + 1:
            return None
        if k.end == end and start < k.start and _all_predicates(ctx, start, k.start):
            return None  # 招引|星河科技: a known firm after a verb the list walk took in
    core_start, places = _strip_places(ctx, start, end)
    # A member may carry its city (甲市星河): the name keeps it, the city locates the firm.
    placed = bool(places) and end - core_start >= 2 and len(ctx.cities_in(start, end)) == len(
        places
    )
    if not (placed or not ctx.cities_in(start, end)):
        return None
    if _GENERIC_MODIFIERS.fullmatch(ctx.text[core_start:end]):
        return None
    mention = Mention(start, end, "Company", item, item, source)
    mention.place_prefix = places
    return mention


# 五大发电集团, 三大运营商: the counted big ones of a trade, a category
_COUNTED_BIG = re.compile(r"[两三四五六七八九十]大")


def listed_firm_mentions(ctx: Context, known: list[Mention]) -> list[Mention]:
    """Members of a list of firms: closed by 等企业, 等上百家…企业 or 两家…药企,
    opened by 企业…包括 and closed by 等, or the investors of a funding round (甲、乙跟投):
    unknown members that read as names are companies."""
    out = []
    text = ctx.text
    for m in firm_list_ends(text):
        end = m.start()
        if not m.group("etc") and not (text.rfind("、", max(0, end - 12), end) >= 0):
            continue  # a bare count (三家企业) closes a list only after one 、 at least
        out.extend(_list_members(ctx, end, known, "pattern:firm_list"))
    for m in finditer_near(_FIRM_LIST_AFTER, text, _LIST_CLOSE, *_FIRM_LIST_AFTER_REACH):
        if "、" in m.group("list"):
            out.extend(_list_members(ctx, m.end("list"), known, "pattern:firm_list"))
    investors = any(w in text for w in _INVESTOR_WORDS)  # (a cheap test before the pattern)
    for m in _INVESTOR_END.finditer(text) if investors else ():
        out.extend(_list_members(ctx, m.start(), known, "pattern:investor", joiners="、和及"))
    return out
