"""Quantities written in a sentence: amounts of money, counts, percentages and capacities.

A quantity is a number (Arabic or Chinese numerals, `loaders.extract.numbers`) followed by a unit
the language uses for one kind of measure:

- **money**: 元, 美元, 欧元, 港元 … after 万/亿 multipliers (4.5亿元 → 450000000 元, 三千万元);
- **count**: a measure word of countable things (家, 台, 台套, 套, 个, 项, 名, 位, 人, 户, 款, 座,
  条, 所, 辆, 件, 种): 企业1500家, 连接设备80万台;
- **percent**: 15%, 百分之十五, 20个百分点 (unit `%` or `个百分点`);
- **capacity**: physical scale: power and energy (300MW, 兆瓦, 万千瓦, 千瓦时), mass (10万吨),
  volume (立方米) and area (平方米, 亩, 公顷, 平方公里).

Not quantities: ordinals and ranks (第3家, 前10名, 500强), numbers glued to Latin letters or
digits (5G, Mate60), durations and dates (个月, 年), and a count written in Chinese numerals
below ten (两家企业, 一个平台: a determiner more than a figure).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from loaders.extract.numbers import NUMBER, fold_width, folded_value, tidy

MONEY_UNITS = ("美元", "欧元", "日元", "港元", "港币", "英镑", "韩元", "美金", "人民币", "元")
COUNT_UNITS = ("台套", "家", "台", "套", "个", "项", "名", "位", "人", "户", "款", "座", "条",
               "所", "辆", "件", "种")
# Capacity units as written → their canonical spelling.
CAPACITY_UNITS = {
    "gwh": "GWh", "mwh": "MWh", "kwh": "kWh", "gw": "GW", "mw": "MW", "kw": "kW",
    "千瓦时": "千瓦时", "兆瓦时": "兆瓦时", "兆瓦": "兆瓦", "千瓦": "千瓦", "吉瓦": "吉瓦",
    "吨": "吨", "立方米": "立方米", "平方公里": "平方公里", "平方米": "平方米", "亩": "亩",
    "公顷": "公顷", "度电": "度",
}
_CAPACITY_RE = "|".join(
    sorted((re.escape(u) for u in CAPACITY_UNITS), key=len, reverse=True)
)
_APPROX = r"(?P<approx>余|多)?"
_QUANTITY_RE = re.compile(
    rf"(?P<pct_cn>百分之(?P<pct_num>[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?))"
    rf"|(?P<num>{NUMBER}) ?{_APPROX}(?P<mult>[万亿]*) ?"
    rf"(?P<unit>%|个百分点|{'|'.join(MONEY_UNITS)}|(?i:{_CAPACITY_RE})|{'|'.join(COUNT_UNITS)})?"
)
# A bare amount (120亿, no currency written) is money when an amount word is this close to it:
# 投资120亿, 70亿的销售额.
_MONEY_WORDS = re.compile(r"投资|投入|资金|融资|销售额|销售收入|营收|产值|交易额|金额")
_BARE_WINDOW = 5
# After a count unit: a word that makes it something else (个月, 名单, 人民币, 项目 …).
_NOT_COUNT_AFTER = re.compile(
    r"(?:月|小时|工作日|季度|百分点|民|单|目|次方|强|周|星期)"
)
# Before a number (the character before it): an ordinal, a rank or a part of a code or name.
_NOT_BEFORE = re.compile(r"[第前A-Za-z\d.\-/_]")
_NOT_AFTER = re.compile(r"强|[A-Za-z\d]")  # (the character after it)


class Found(NamedTuple):
    """One quantity in a piece of text: offsets into that text. (A named tuple: made faster
    than a frozen dataclass.)"""

    start: int
    end: int
    text: str
    value: int | float
    unit: str
    kind: str


# Builds a named tuple from a tuple of its fields: the same object as calling the class, whose
# __new__ is a Python function (a frame per quantity).
_new = tuple.__new__

# The kind of a unit as kept (any other: a capacity).
_KIND_OF = {"%": "percent", "个百分点": "percent"} | dict.fromkeys(MONEY_UNITS, "money") | (
    dict.fromkeys(COUNT_UNITS, "count")
)


def _bare_money(text: str, start: int, end: int, number: str) -> bool:
    """A number with 万 or 亿 and no unit, an amount word right before or after it."""
    if not number.endswith(("万", "亿")) or _NOT_AFTER.match(text, end):
        return False
    before = text[max(0, start - _BARE_WINDOW):start]
    after = text[end:end + _BARE_WINDOW]
    return bool(_MONEY_WORDS.search(before) or _MONEY_WORDS.search(after))


# Where a quantity can open: a digit, a Chinese numeral or 百 (百分之). Every match of
# _QUANTITY_RE opens so, and none is empty: trying the expression only there finds the same
# matches as its finditer, faster. A Chinese numeral counts only before a character that can
# follow it in a match (a numeral, 点, a space, 余, 多, the first character of a unit): alone
# (一体化, 十分), its match is that one character, which no quantity keeps (no unit, no 万 or
# 亿), and the scan goes on after it all the same.
_GOES_ON = "".join(
    sorted({"点", " ", "余", "多", "%", *"零〇一二两三四五六七八九十百千万亿",
            *(unit[0] for unit in (*MONEY_UNITS, *COUNT_UNITS, *CAPACITY_UNITS, "个百分点"))})
)
# ([\d百]|[〇…十](?=…), spelt to open with one character class, the digit or 百 read again
# behind: a pattern that opens so scans fast)
_OPENING = re.compile(
    rf"[\d百〇一二两三四五六七八九十](?:(?<=[\d百])|(?=(?i:[{re.escape(_GOES_ON)}])))"
)
_DIGIT = re.compile(r"\d")


def _matches(text: str, pos: int = 0) -> Iterator[re.Match[str]]:
    """_QUANTITY_RE.finditer(text), tried only where a quantity can open (`pos`: none can
    before it)."""
    while (opening := _OPENING.search(text, pos)) is not None:
        m = _QUANTITY_RE.match(text, opening.start())
        if m is None:
            pos = opening.start() + 1
            continue
        yield m
        pos = m.end()


def next_opening(folded: str, pos: int) -> int:
    """Where a quantity can next open in a folded article, at or after `pos`; -1: nowhere.
    (The article is read whole: a numeral on a sentence's last character is read with the
    character after it, see opens_alone.)"""
    opening = _OPENING.search(folded, pos)
    return -1 if opening is None else opening.start()


def opens_alone(folded: str, at: int, end: int) -> bool:
    """Whether a quantity can open at folded[at] (a next_opening) in the piece of the article
    that ends at `end`, read alone."""
    return at < end - 1 or _OPENING.match(folded, at, end) is not None


# The groups find_quantities reads, by number (a name is looked up at each call).
_NUM, _MULT, _UNIT, _PCT_NUM = (
    _QUANTITY_RE.groupindex[name] for name in ("num", "mult", "unit", "pct_num")
)
_LARGE = ("万", "亿")


def find_quantities(text: str, folded: str | None = None, pos: int = 0) -> list[Found]:
    """The quantities of `text`, in text order (full-width digits read as ASCII). `folded`:
    fold_width(text) when the caller has it already; `pos`: no quantity can open before it
    (next_opening)."""
    folded = fold_width(text) if folded is None else folded
    found: list[Found] = []
    search, match = _OPENING.search, _QUANTITY_RE.match
    # the loop of _matches, inlined (a generator's frame resumed per match costs more)
    while (opening := search(folded, pos)) is not None:
        m = match(folded, opening.start())
        if m is None:
            pos = opening.start() + 1
            continue
        start, pos = m.span()
        number, mult, unit = m.group(_NUM, _MULT, _UNIT)  # (number None: 百分之…)
        if number and unit is None and not (mult or number.endswith(_LARGE)):
            continue  # a bare number without 万 or 亿 is no amount (_bare_money)
        if start and _NOT_BEFORE.match(folded, start - 1):
            continue
        end = pos
        if _NOT_AFTER.match(folded, end):
            continue
        if number is None:
            value = folded_value(m.group(_PCT_NUM))
            if value is not None:
                fields = (start, end, text[start:end], tidy(value), "%", "percent")
                found.append(_new(Found, fields))
            continue
        value = folded_value(number + mult)
        if value is None or value == 0:
            continue
        if unit is None:
            end = m.end(_MULT) if mult else m.end(_NUM)
            if not _bare_money(folded, start, end, number + mult):
                continue
            unit = "元"
        unit = CAPACITY_UNITS.get(unit.lower(), unit)
        kind = _KIND_OF.get(unit, "capacity")
        if kind == "count":
            if _NOT_COUNT_AFTER.match(folded, end, end + 3):
                continue
            if not _DIGIT.match(number) and value < 10:
                continue
        if unit == "人民币":
            unit = "元"
        found.append(_new(Found, (start, end, text[start:end], tidy(value), unit, kind)))
    return found
