"""Fast scans (loaders.extract.scan) give what the plain scans give: `finditer_from` the matches
of `finditer`, anchors found by `str.find` the spans `re` finds, stretches kept for a text the
stretches computed anew. Texts are invented: random strings over the characters each pattern
reads."""

from __future__ import annotations

import random
import re

import pytest

from loaders.extract.entities import quoted
from loaders.extract.scan import (
    _class_openers,
    _plain_words,
    _word_spans,
    finditer_from,
    finditer_near,
    stretches,
)


def _texts(pool: list[str], n: int = 2000, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pool) for _ in range(rng.randint(0, 16))) for _ in range(n)]


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


OPENED = [
    (quoted._QUOTED_RE, quoted._OPENING_QUOTES,
     ["“", "”", "‘", "’", "星云", "洛阳市", "\n", "甲", "乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未"]),
    (re.compile(r"[（(](?P<in>[^（）()]{1,6})[)）]"), "（(",
     ["（", "(", "）", ")", "星云", "科技", "洛阳"]),
    (re.compile(r"[甲乙](?<=乙)丙?"), "甲乙", ["甲", "乙", "丙", "丁"]),  # a lookbehind
]


@pytest.mark.parametrize(("pattern", "openers", "pool"), OPENED)
def test_finditer_from_finds_what_finditer_finds(pattern, openers, pool) -> None:
    for text in _texts(pool):
        assert _spans(finditer_from(pattern, text, openers)) == _spans(pattern.finditer(text))


def test_plain_words_of_anchors() -> None:
    assert _plain_words(re.compile("[（(]")) == ("（", "(")
    assert _plain_words(re.compile("携手|联手|牵手")) == ("携手", "联手", "牵手")
    assert _plain_words(re.compile("(?:收购|并购)")) == ("收购", "并购")
    assert _plain_words(re.compile("政府")) is None  # one word: `re` finds it fast itself
    assert _plain_words(re.compile("[会办厅委室局组]")) == tuple("会办厅委室局组")
    many = re.compile("甲|乙|丙|丁|戊|己|庚|辛|壬")
    assert _plain_words(many) is None  # many words: one scan by `re`
    assert _plain_words(re.compile("[^（]")) is None
    assert _plain_words(re.compile("[a-z]")) is None
    assert _plain_words(re.compile("等(?:\\d+[名位])?")) is None
    assert _plain_words(re.compile("ab|cd", re.IGNORECASE)) is None


@pytest.mark.parametrize(
    "anchor",
    ["[（(]", "携手|联手|牵手", "甲乙|乙甲|甲", "乙甲|甲乙", "是一家|作为一家|是一个|为一家",
     "甲|甲乙|乙", "[甲乙（]", "乙|甲乙丙|甲乙|甲"],
)
def test_word_spans_are_the_spans_of_finditer(anchor: str) -> None:
    pattern = re.compile(anchor)
    words = _plain_words(pattern)
    assert words is not None
    pool = ["甲", "乙", "（", "(", "携手", "联", "牵手", "是一", "家", "作为", "个", "为一家"]
    for text in _texts(pool):
        assert _word_spans(text, words) == [m.span() for m in pattern.finditer(text)]


def test_stretches_kept_for_the_same_text_only() -> None:
    anchor = re.compile("携手|联手")
    text = "星云科技携手洛阳市，联手甲乙"
    first = stretches(text, anchor, 2, 3)
    assert first == [[2, 14]]
    assert stretches(text, anchor, 2, 3) is first  # kept
    other = "甲乙" + text  # another text: computed anew
    assert stretches(other, anchor, 2, 3) == [[4, 16]]
    assert stretches(text, anchor, 0, 0) == [[4, 6], [10, 12]]  # another reach: anew


def test_near_scan_with_a_plain_word_anchor_finds_what_the_full_scan_finds() -> None:
    pattern = re.compile(r"[\u4e00-\u9fff]{0,3}(?:携手|联手)[\u4e00-\u9fff]{0,2}")
    anchor = re.compile("携手|联手")
    pool = ["星云", "携手", "联手", "洛阳", "，", "携", "手", "联"]
    for text in _texts(pool):
        near = finditer_near(pattern, text, anchor, before=3, after=2)
        assert _spans(near) == _spans(pattern.finditer(text))


def test_near_scan_with_an_anchor_opening_with_a_class_finds_what_the_full_scan_finds() -> None:
    """An anchor that opens with a class of plain characters is found where they are written."""
    assert _class_openers(re.compile("[”’](?:和[甲乙]?)?[“‘]")) == "”’"
    assert _class_openers(re.compile("[^”](?:和)?")) == ""
    pattern = re.compile("[甲乙]{0,2}[”’](?:和[甲乙]{0,2})?[“‘][甲乙]?")
    anchor = re.compile("[”’](?:和[甲乙]{0,2})?[“‘]")
    pool = ["甲", "乙", "”", "’", "“", "‘", "和", "，"]
    for text in _texts(pool):
        near = finditer_near(pattern, text, anchor, before=2, after=1)
        assert _spans(near) == _spans(pattern.finditer(text))


def test_opening_chars_lists_the_first_characters_of_every_match() -> None:
    from loaders.extract.scan import opening_chars

    assert opening_chars(re.compile(r"^(?:曾|现任|担任)")) == frozenset("曾现担")
    # an optional opening adds its characters to those of what follows it
    assert opening_chars(re.compile(r"(?:以下)?(?:简称|下称)为?")) == frozenset("以简下")
    assert opening_chars(re.compile(r"[”’](?=\S)|日报")) == frozenset("”’日")
    assert opening_chars(re.compile(r"(?<!新)a+b")) == frozenset("a")


@pytest.mark.parametrize("pattern", [r"[一-龥]{2}省", r".省", r"(?:市)?", r"X", r"a*"])
def test_opening_chars_refuses_what_it_cannot_list(pattern: str) -> None:
    from loaders.extract.scan import opening_chars

    flags = re.IGNORECASE if pattern == "X" else 0
    with pytest.raises(ValueError):
        opening_chars(re.compile(pattern, flags))


def test_required_words_are_held_by_every_match() -> None:
    from loaders.extract.scan import gate_words, holds_any, required_words

    assert required_words(re.compile(r"帮助|助力|协助")) == ("帮助", "助力", "协助")
    # the most telling part of a sequence: the part whose shortest word is longest
    via = re.compile(r"(?:通过|在)[^，。]{1,9}?的(?:赋能|助力)下?")
    assert required_words(via) == ("赋能", "助力")
    settle = re.compile(r"^[^，。]{0,6}?(?:落地|落户)")
    assert required_words(settle) == ("落地", "落户")
    assert holds_any("甲乙科技项目正式落户洛阳", gate_words(settle))
    assert not holds_any("甲乙科技签约洛阳", gate_words(settle))
    rng = random.Random(7)
    for _ in range(300):  # a text none of whose words appear is one the pattern cannot match
        text = "".join(rng.choice("通过在的赋能助力下甲乙，。") for _ in range(rng.randint(0, 14)))
        if via.search(text):
            assert holds_any(text, gate_words(via))


@pytest.mark.parametrize("pattern", [r"[一-龥]{2}", r"(?:甲|[一-龥])乙?", r"a*", r"(?:科技)?"])
def test_required_words_refuses_patterns_without_a_word_in_every_match(pattern: str) -> None:
    from loaders.extract.scan import required_words

    with pytest.raises(ValueError):
        required_words(re.compile(pattern))
