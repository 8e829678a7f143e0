"""Gates and helpers of the speed round (fnd3) agree with the slow paths they stand for."""

from __future__ import annotations

import re

import pytest

from loaders.extract.entities.events import _EDITION_LED
from loaders.extract.entities.firm_lists import _NUMERAL, _is_numeral


def test_is_numeral_equals_the_pattern_on_every_character() -> None:
    for code in [*range(0x10000), 0x1D7CE, 0x1D7D8, 0x1FBF0, 0x104A0]:
        ch = chr(code)
        assert _is_numeral(ch) == bool(_NUMERAL.fullmatch(ch)), hex(code)


@pytest.mark.parametrize(
    "text",
    [
        "第三届星河论坛",
        "首届甲乙大赛",
        "第12届甲乙峰会",
        "星河年度论坛",
        "第三次甲乙会议",
        "三届甲乙会",
    ],
)
def test_edition_led_holds_its_edition_character(text: str) -> None:
    # event_mentions searches for _EDITION_LED only where 届 is written
    for end in range(len(text) + 1):
        if _EDITION_LED.search(text, 0, end):
            assert "届" in text[:end]


def test_edition_led_alternatives_all_hold_the_edition_character() -> None:
    head = _EDITION_LED.pattern.split(")")[0]  # (?:第[...]+届|首届
    assert all("届" in branch for branch in re.sub(r"\[[^\]]*\]", "", head).split("|"))


def test_people_named_before_a_title_after_an_office() -> None:
    from loaders.extract.entities.base import Context
    from loaders.extract.entities.people import person_mentions
    from loaders.extract.nlp import get_nlp, word_frequency

    text = "星河市工业和信息化局卢阳副局长、李青处长出席，甲乙处周林处长说。张三主任讲话。"
    ctx = Context(get_nlp()(text), "", word_frequency)
    names = {m.name for m in person_mentions(ctx)}
    assert {"卢阳", "李青", "周林"} <= names


def test_list_members_covered_by_a_known_mention_are_skipped() -> None:
    from loaders.extract.entities.base import Context, Mention
    from loaders.extract.entities.firm_lists import listed_firm_mentions
    from loaders.extract.nlp import get_nlp, word_frequency

    text = "星河科技、甲乙丙、丁戊己等企业参与。"
    ctx = Context(get_nlp()(text), "", word_frequency)
    bare = {m.name for m in listed_firm_mentions(ctx, [])}
    assert {"甲乙丙", "丁戊己"} <= bare
    known = [Mention(4, 8, "Company", "甲乙丙", "甲乙丙", "test")]  # (a character beyond it)
    names = {m.name for m in listed_firm_mentions(ctx, known)}
    assert "甲乙丙" not in names and "丁戊己" in names


def test_overlaps_equals_the_generator_form() -> None:
    import random

    from loaders.extract.entities.spans import overlaps

    rng = random.Random(7)
    for _ in range(2000):
        spans = [(a, a + rng.randint(0, 5)) for a in rng.sample(range(40), rng.randint(0, 6))]
        start = rng.randint(0, 40)
        end = start + rng.randint(0, 6)
        expected = any(a < end and start < b for a, b in spans)
        assert overlaps(spans, start, end) == expected
