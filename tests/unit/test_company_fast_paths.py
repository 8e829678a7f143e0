"""The company finders' shortcuts answer as the plain forms: the last-character gates before
the `$`-anchored patterns, the one-token test for an empty walk leftwards, the place test
before stripping leading places, the token lookup inlined in name_left_edge, one X公司 scan per
article, the memoised group short-form test, and the known firms listed late.

Texts are invented for these tests.
"""

from __future__ import annotations

import pytest

from loaders.extract.entities.base import Context, Mention, _last_char, _strip_places
from loaders.extract.entities.companies import (
    _BRACKETED_KIND,
    _INDUSTRY_LAST_CHARS,
    _INDUSTRY_TAIL,
    _LEGAL_LAST_CHARS,
    _ORG_TAIL,
    X_COMPANY,
    _short_name_stem,
    _suffix_then_verb,
)
from loaders.extract.entities.known_firms import _reads_group_short_form, group_short_form
from loaders.extract.entities.tokens import stops_walk
from loaders.extract.entities.trade_firms import described_x_company_mentions
from loaders.extract.nlp import get_nlp, word_frequency, word_tag

SURFACES = [
    "甲乙科技股份有限公司",
    "甲乙科技股份有限公司\n",
    "甲乙科技股份有限公司\n\n",
    "甲乙（集团）",
    "甲乙（集团）\n",
    "甲乙(控股)有限公司",
    "星河耐火材料",
    "星河材料\n",
    "星河重工集团",
    "甲乙公司",
    "甲乙",
    "\n",
    "",
]


@pytest.mark.parametrize("surface", SURFACES)
def test_last_character_gates_skip_only_what_the_patterns_leave(surface: str) -> None:
    for pattern, lasts in (
        (_ORG_TAIL, _LEGAL_LAST_CHARS),
        (_BRACKETED_KIND, ")）"),
        (_INDUSTRY_TAIL, _INDUSTRY_LAST_CHARS),
    ):
        if _last_char(surface) not in lasts:
            assert pattern.search(surface) is None


TEXT = "星河市甲乙科技与星云集团，在丙丁材料公司工作。"


def _context() -> Context:
    ctx = Context(get_nlp()(TEXT), "", word_frequency)
    ctx.cities = [Mention(0, 3, "City", "星河市", "星河市", "test")]
    return ctx


def test_one_token_stop_test_answers_as_stops_before() -> None:
    tokens = _context().tokens
    starts, words = tokens.starts, tokens.words
    for i, start in enumerate(starts):
        for reach in (2, 8, 14):
            quick = i == 0 or stops_walk(words[i - 1], starts[i - 1], start - reach)
            assert quick == tokens.stops_before(start, max_chars=reach)


def test_strip_places_answers_as_leading_places() -> None:
    ctx = _context()
    for start in range(len(TEXT)):
        for end in range(start, len(TEXT) + 1):
            places = ctx.leading_places(start, end)
            expected = (places[-1].end, tuple(p.name for p in places)) if places else (start, ())
            assert _strip_places(ctx, start, end) == expected


def test_matches_scans_once_and_answers_as_finditer() -> None:
    ctx = _context()
    first = ctx.matches(X_COMPANY)
    assert [m.span() for m in first] == [m.span() for m in X_COMPANY.finditer(TEXT)]
    assert ctx.matches(X_COMPANY) is first


@pytest.mark.parametrize("stem", ["星云", "甲乙", "宝钢", "中国"])
@pytest.mark.parametrize("suffix", ["集团", "科技", "材料", "重工"])
def test_memoised_group_short_form_answers_as_the_plain_one(stem: str, suffix: str) -> None:
    ctx = _context()
    plain = _reads_group_short_form.__wrapped__(stem, suffix, ctx.gaz)
    assert group_short_form(ctx, stem, suffix) == plain
    assert _reads_group_short_form.__wrapped__(stem, suffix, ctx.gaz._gaz) == plain


def test_described_x_company_skips_only_stems_inside_known_firms() -> None:
    text = "据加拿大北岭勘探咨询公司出具的报告，矿区南部是俄罗斯阿蓝肥料公司的区块。"
    ctx = Context(get_nlp()(text), "", word_frequency)
    found = described_x_company_mentions(ctx, [])
    assert len(found) == 2
    first = found[0]
    known = [Mention(first.start, first.end, "Company", "x", "x", "test")]
    again = described_x_company_mentions(ctx, known)
    assert [(m.start, m.end) for m in again] == [(m.start, m.end) for m in found[1:]]


@pytest.mark.parametrize(
    "words",
    [("星云",), ("新", "能源"), ("党员", "干部", "懂"), ("7", "家"), ("甲", "乙"), ("发展",)],
)
@pytest.mark.parametrize("proper_needed", [True, False])
def test_memoised_short_name_stem_answers_as_the_plain_one(
    words: tuple[str, ...], proper_needed: bool
) -> None:
    plain = _short_name_stem.__wrapped__(words, proper_needed)
    assert _short_name_stem(words, proper_needed) == plain
    assert _short_name_stem(words, proper_needed) == plain  # (from the memo)


@pytest.mark.parametrize("word", ["科技开发", "科技", "科技园", "科技发展", "集团"])
def test_suffix_then_verb_reads_the_rest_of_the_word(word: str) -> None:
    rest = word[2:]
    expected = len(rest) >= 2 and (word_tag(rest) or "").startswith("v")
    assert _suffix_then_verb(word, 2) == expected
