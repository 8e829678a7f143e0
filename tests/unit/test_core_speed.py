"""The faster spellings of the core readers (loaders.extract.numbers, quantities, nlp, scan)
give what their plain spellings give, on invented strings."""

from __future__ import annotations

import bisect
import random

from loaders.extract import nlp, numbers
from loaders.extract.numbers import _ARABIC_RE, fold_width, folded_value, tidy
from loaders.extract.quantities import (
    _DIGIT,
    _KIND_OF,
    _NOT_AFTER,
    _NOT_BEFORE,
    _NOT_COUNT_AFTER,
    CAPACITY_UNITS,
    Found,
    _bare_money,
    _matches,
    find_quantities,
)

_POOL = ["星云", "洛阳市", "投资", "8", "亿元", "三", "十", "家", "百分之", "五", "１２", "．", "%",
         "，", "；", "。", "\n", "一体化", "万", "台", "两", "第", "A", " ", "1,500", "0", "4.5",
         "个月", "人民币", "兆瓦", "MW", "余", "多", "强", "资金", "亿", "名", "个百分点", "٣"]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_POOL) for _ in range(rng.randint(0, 16))) for _ in range(n)]


def _plain_value(text: str) -> float | None:
    """folded_value without its digits-only shortcut."""
    match = _ARABIC_RE.match(text)
    if not match:
        return numbers.chinese_value(text)
    value = float(match.group().replace(",", ""))
    factor = pending = 1
    for ch in text[match.end():]:
        if ch in numbers._SMALL:
            pending = numbers._SMALL[ch]
        elif ch in numbers._LARGE:
            factor *= pending * numbers._LARGE[ch]
            pending = 1
        else:
            return None
    return value * factor * pending


def test_folded_value_of_digits_alone_is_the_plain_value() -> None:
    words = ["0", "7", "0012", "1500", "٣٤", "1,500", "4.5", "12万", "三千万", "", "1.2万亿", "5十"]
    words += [w for text in _texts(300, 3) for w in text.split("，")]
    for word in words:
        assert folded_value(word) == _plain_value(word), word


def _plain_quantities(text: str) -> list[Found]:
    """find_quantities as a loop over _matches."""
    folded = fold_width(text)
    found: list[Found] = []
    for m in _matches(folded):
        number, mult, unit = m.group("num", "mult", "unit")
        if number and unit is None and not (number + mult).endswith(("万", "亿")):
            continue
        start, end = m.span()
        if (start and _NOT_BEFORE.match(folded, start - 1)) or _NOT_AFTER.match(folded, end):
            continue
        if number is None:
            value = folded_value(m.group("pct_num"))
            if value is not None:
                found.append(Found(start, end, text[start:end], tidy(value), "%", "percent"))
            continue
        value = folded_value(number + mult)
        if value is None or value == 0:
            continue
        if unit is None:
            end = m.end("mult") if mult else m.end("num")
            if not _bare_money(folded, start, end, number + mult):
                continue
            unit = "元"
        unit = CAPACITY_UNITS.get(unit.lower(), unit)
        kind = _KIND_OF.get(unit, "capacity")
        if kind == "count" and (
            _NOT_COUNT_AFTER.match(folded, end, end + 3)
            or (not _DIGIT.match(number) and value < 10)
        ):
            continue
        found.append(Found(start, end, text[start:end], tidy(value), "元" if unit == "人民币"
                           else unit, kind))
    return found


def test_find_quantities_finds_what_the_loop_over_matches_finds() -> None:
    texts = ["甲乙公司投资4.5亿元建设星河市项目，带动企业1500家，增长百分之十五。",
             "总投资120亿，第3家，前10名，5G，三个月，两家企业，20个百分点"]
    for text in texts + _texts(2000, 4):
        assert find_quantities(text) == _plain_quantities(text), text


def _plain_sentence_starts(text: str, token_starts: list[int]) -> list[int]:
    """_sentence_starts as a bisect over every token at each end."""
    kept: list[int] = []
    last = -1
    ends = [0] + [m.end() for m in nlp._SENTENCE_END_RE.finditer(text)] if text else []
    for pos in ends:
        i = bisect.bisect_left(token_starts, pos)
        if i < len(token_starts) and i > last and pos < len(text):
            last = i
            kept.append(token_starts[i])
    return kept


def test_sentence_starts_are_those_of_the_plain_bisect() -> None:
    rng = random.Random(5)
    pool = ["甲乙公司", "星河市", "。", "！", "？", "；", "!", "?", ";", "\n", "\n\n", "”", "）",
            " ", "签约", "。”", "…", "a"]
    for _ in range(2000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
        cuts = sorted({0, *(rng.randint(0, len(text)) for _ in range(rng.randint(0, 8)))})
        starts = [c for c in cuts if c < len(text)] if rng.random() < 0.9 else []
        assert nlp._sentence_starts(text, starts) == _plain_sentence_starts(text, starts), text
