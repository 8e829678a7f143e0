"""The company finders' shortcuts answer as the plain forms: the last-character gates before
the `$`-anchored patterns, the one-token test for an empty walk leftwards, the place test
before stripping leading places, and the token lookup inlined in name_left_edge.

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
)
from loaders.extract.entities.tokens import stops_walk
from loaders.extract.nlp import get_nlp, word_frequency

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
