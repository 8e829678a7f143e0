"""Numbers as written in Chinese text → their values.

Arabic numerals (half- or full-width, with thousands separators and a decimal point) and Chinese
numerals (三千, 一万二千, 两百, 十五, 〇 and 零 included), each optionally followed by the
multipliers 十, 百, 千, 万, 亿 (1.2万亿 = 1.2e12, 三千万 = 3e7).
"""

from __future__ import annotations

import re

_FULLWIDTH = str.maketrans({0xFF10 + i: chr(0x30 + i) for i in range(10)} | {
    0xFF0E: ".", 0xFF0C: ",", 0xFF05: "%",
})
_FOLDED = {chr(k): v for k, v in _FULLWIDTH.items()}
DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_LARGE = {"万": 10**4, "亿": 10**8}
MULTIPLIERS = "十百千万亿"

ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# A Chinese numeral opens with a digit word or 十 (a bare 百, 千 or 万 is an idiom:
# 百人会, 千家万户).
CHINESE = (r"[〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
           r"(?:点[零〇一二三四五六七八九]+)?")
# A number: Arabic digits with optional multipliers, or a Chinese numeral.
NUMBER = rf"(?:{ARABIC}(?:[十百千]?[万亿]+|[十百千](?=[万亿]))*|{CHINESE})"
_ARABIC_RE = re.compile(ARABIC)


def fold_width(text: str) -> str:
    """Full-width digits, point, comma and percent sign → ASCII (one character each, so offsets
    are kept). Most text has none (articles are folded when loaded): a test per character
    (`in`) finds that faster than a translation or a pattern's scan."""
    for ch, folded in _FOLDED.items():  # str.replace is faster than str.translate here
        if ch in text:
            text = text.replace(ch, folded)
    return text


def chinese_value(text: str) -> float | None:
    """The value of a Chinese numeral (三千万 → 30000000, 十五 → 15, 一点五 → 1.5), or None."""
    if "点" in text:
        whole, _, frac = text.partition("点")
        head = chinese_value(whole) if whole else 0
        if head is None or not frac or any(ch not in DIGITS for ch in frac):
            return None
        return head + float("0." + "".join(str(DIGITS[ch]) for ch in frac))
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in DIGITS:
            if digit is not None and digit != 0:  # 二三 is no numeral
                return None
            digit = DIGITS[ch]
        elif ch in _SMALL:
            section += (1 if digit is None else digit) * _SMALL[ch]
            digit = None
        elif ch in _LARGE:
            unit = _LARGE[ch]
            section += digit or 0
            if section == 0:
                if total == 0:
                    return None
                total *= unit  # 万亿: the 万 already applied, now 亿
            else:
                total = (total + section) * unit if unit > 10**4 else total + section * unit
            section, digit = 0, None
        else:
            return None
    return float(total + section + (digit or 0))


def number_value(text: str) -> float | None:
    """The value of a NUMBER match (4.5亿 → 450000000, 1,500 → 1500, 三千万 → 30000000)."""
    return folded_value(fold_width(text))


def folded_value(text: str) -> float | None:
    """number_value of a text already folded (fold_width)."""
    if text.isdecimal():  # (most numbers: digits alone, what \d+ matches whole)
        return float(text)
    match = _ARABIC_RE.match(text)
    if not match:
        return chinese_value(text)
    value = float(match.group().replace(",", ""))
    factor = 1
    pending = 1
    for ch in text[match.end():]:
        if ch in _SMALL:
            pending = _SMALL[ch]
        elif ch in _LARGE:
            factor *= pending * _LARGE[ch]
            pending = 1
        else:
            return None
    return value * factor * pending


def tidy(value: float) -> int | float:
    """An integral float as int (450000000.0 → 450000000), else rounded to 6 places."""
    whole = int(value)
    if whole == value:
        return whole  # (what rounding would give: a shortcut)
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded
