"""The fast scans of the entity finders find what the patterns they stand for find: str.find
loops for a literal and a test after it, and a pattern whose lookbehind moved behind its first
letter.

Texts are invented for these tests.
"""

from __future__ import annotations

import re

import pytest

from loaders.extract.entities.base import HAN
from loaders.extract.entities.companies import _COUNTED, _NOT_FIRM_WORD_AFTER_RE, _written_alone
from loaders.extract.entities.investees import _LATIN_BUYER
from loaders.extract.entities.slot_firms import _starts, _stem_and_two

TEXTS = [
    "星云集团星云宝通与星云集团、星云星云星河，星云",
    "星云星云星云甲乙星云A星云",
    "星河科技发布星河云平台，星河科技星河智能与星河合作。星河",
    "旗下旗下旗旗下的星云投资，旗下",
    "AB投资CD，.EF收购GH 入股1XY领投Zq跟投 a-b并购 eBay投资",
    "",
]
STEMS = ["星云", "星河", "星云星云", "旗下", "甲乙"]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("stem", STEMS)
def test_stem_and_two_equals_the_pattern(text: str, stem: str) -> None:
    pattern = re.compile(re.escape(stem) + f"[{HAN}]{{2}}")
    assert _stem_and_two(text, stem) == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("word", STEMS)
def test_starts_equals_finditer(text: str, word: str) -> None:
    assert _starts(text, word) == [m.start() for m in re.finditer(re.escape(word), text)]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("short", ["星云", "星河", "星云星云"])
@pytest.mark.parametrize("span", [(0, 4), (2, 8), (6, 12), (40, 50)])
def test_written_alone_equals_the_pattern(text: str, short: str, span: tuple[int, int]) -> None:
    start, end = span
    written = list(re.finditer(re.escape(short) + _NOT_FIRM_WORD_AFTER_RE.pattern, text))
    assert _written_alone(text, short, start, end, group=True) == bool(written)
    elsewhere = any(not (start <= k.start() < end) for k in written)
    assert _written_alone(text, short, start, end, group=False) == elsewhere


@pytest.mark.parametrize("text", TEXTS)
def test_latin_buyer_equals_the_lookbehind_first_pattern(text: str) -> None:
    name = r"[A-Za-z][A-Za-z0-9&\-]*[A-Za-z0-9]"
    before = re.compile(f"(?<![A-Za-z0-9.])({name})\\s?(?=投资|收购|并购|入股|领投|跟投)")
    expected = [m.span(1) for m in before.finditer(text)]
    assert [m.span(1) for m in _LATIN_BUYER.finditer(text)] == expected
    if "AB投资" in text:
        assert (0, 2) in expected  # the texts do hold buyers


COUNTED = ["这家星云公司", "一家\n星云公司", "12345家星云", "三大家", "每一家", "甲乙家\n", "家家"]


@pytest.mark.parametrize("text", COUNTED)
def test_counted_before_a_name_read_in_three_characters(text: str) -> None:
    """A count before a firm (这家, 12345家, 一家 and a newline) ends at `left`: the three
    characters before it hold the match the whole text before it holds."""
    for left in range(len(text) + 1):
        whole = _COUNTED.search(text, 0, left) is not None
        assert (_COUNTED.search(text, max(0, left - 3), left) is not None) == whole
    assert _COUNTED.search("一家\n", 0, 3) and _COUNTED.search("12345家", 0, 6)
