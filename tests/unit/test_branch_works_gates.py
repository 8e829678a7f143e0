"""The text-wide gates of the operator-branch and works finders skip only texts their patterns
find nothing in: every match holds one of the gate words.

Texts are invented for these tests.
"""

from __future__ import annotations

from loaders.extract.entities import branches, trade_firms
from loaders.extract.entities.base import Context, Mention
from loaders.extract.nlp import get_nlp, word_frequency

TEXTS = [
    "星河市移动与星河市电信、星河市联通签约，星河市广电也来了。",
    "星河市机床厂和星河市纺织厂停产，星河市的工厂复工。",
    "星河市今天天气很好，星河市政府开会。",
]


def _context(text: str) -> Context:
    ctx = Context(get_nlp()(text), "", word_frequency)
    at, cities = text.find("星河市"), []
    while at >= 0:
        cities.append(Mention(at, at + 3, "City", "星河市", "星河市", "test"))
        at = text.find("星河市", at + 3)
    ctx.cities = cities
    return ctx


def test_every_operator_match_is_a_gate_word() -> None:
    for text in TEXTS:
        for m in branches.OPERATOR.finditer(text):
            assert m.group(0) in branches._OPERATOR_GROUPS


def test_every_works_match_holds_the_gate_word() -> None:
    for text in TEXTS:
        for pos in range(len(text)):
            m = trade_firms._WORKS.match(text, pos)
            assert m is None or "厂" in m.group(0)


def test_gated_finders_find_what_they_found() -> None:
    found = {}
    for text in TEXTS:
        ctx = _context(text)
        operators = branches.operator_branch_mentions(ctx)
        works = trade_firms.place_works_mentions(ctx, [])
        found[text] = ([m.surface for m in operators], [m.surface for m in works])
    assert found[TEXTS[0]][0] == ["星河市移动", "星河市电信", "星河市联通", "星河市广电"]
    assert found[TEXTS[1]][1] == ["星河市机床厂", "星河市纺织厂"]
    assert found[TEXTS[2]] == ([], [])
