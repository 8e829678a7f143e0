"""Shortcuts in the company and person finders answer as the plain forms they replace.

Texts are invented for these tests.
"""

from __future__ import annotations

from loaders.extract.entities import people
from loaders.extract.entities.base import _RARE_FREQ, Context
from loaders.extract.nlp import get_nlp, word_frequency

_TEXTS = [
    "星河市董事长王明表示，甲乙公司总经理欧阳青松出席会议并讲话。",
    "市长李国强赴星河市调研，副总裁张三说，主任为赵丽。",
    "首席执行官甲乙丙介绍，创始人的目标是董事长。总经理",
]


def _names_after_plain(ctx: Context, text: str, pos: int) -> list[str]:
    """people._names_after before its surname gate."""
    out = []
    for length in (3, 2, 4):
        name = text[pos : pos + length]
        if (length > 2 and name[-1] in people.GLUED_AFTER_NAME) or not people._is_name(
            ctx, name, _RARE_FREQ
        ):
            continue
        if (
            length == 3
            and people._word_follows(ctx, text, pos + 2)
            and not people._strong_end(text, pos + 3)
        ):
            continue
        if (
            length == 3
            and name[-1] in people._VERB_AFTER_NAME
            and people._word_follows(ctx, text, pos + 3)
        ):
            continue
        out.append(name)
    return out


def test_names_after_a_title_with_the_surname_gate_are_the_plain_ones() -> None:
    found = 0
    for text in _TEXTS:
        ctx = Context(get_nlp()(text), "", word_frequency)
        for pos in range(len(text)):
            expected = _names_after_plain(ctx, text, pos)
            assert people._names_after(ctx, text, pos) == expected
            found += len(expected)
        # (at the end of the text the plain form raised IndexError: a text ending with a title)
        assert people._names_after(ctx, text, len(text)) == []
    assert found >= 4


def test_the_last_list_mark_is_found_as_by_one_rfind_per_mark() -> None:
    from loaders.extract.entities.firm_lists import _LIST_MARKS, _after_last_mark

    text = "星河市甲乙、丙丁和戊己及庚辛，壬癸与子丑；寅卯：辰巳。午未\n申酉,戌亥甲乙丙丁戊己"
    for end in range(len(text) + 1):
        for lo in range(max(0, end - 12), end + 1):
            plain = max(text.rfind(c, lo, end) for c in _LIST_MARKS) + 1
            assert _after_last_mark(text, lo, end) == plain


def test_lists_after_a_head_are_found_near_their_closing_deng_as_by_a_full_scan() -> None:
    import random

    from loaders.extract.entities import firm_lists
    from loaders.extract.scan import finditer_near

    pieces = ["企业", "公司", "供应商", "包括", "如", "有", "：", "甲乙", "丙丁科技", "、", "等，",
              "等", "，", "。", "的", "\n", "星河市" * 7, "戊己" * 40]
    rng = random.Random(5)
    found = 0
    for _ in range(10000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        near = finditer_near(
            firm_lists._FIRM_LIST_AFTER, text, firm_lists._LIST_CLOSE,
            *firm_lists._FIRM_LIST_AFTER_REACH,
        )
        expected = [m.span("list") for m in firm_lists._FIRM_LIST_AFTER.finditer(text)]
        assert [m.span("list") for m in near] == expected
        found += len(expected)
    assert found > 150


def test_kinds_before_quotes_one_scan_per_word_match_as_the_alternation() -> None:
    import random

    from loaders.extract.entities import slot_firms

    pieces = ["公司", "集团", "有限", "股份", "「", "“", "甲乙", "」", "”", "星河", "司", "集"]
    rng = random.Random(7)
    found = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        expected = [m.span() for m in slot_firms._KIND_BEFORE_QUOTES.finditer(text)]
        assert [m.span() for m in slot_firms.kinds_before_quotes(text)] == expected
        found += len(expected)
    assert found > 500
