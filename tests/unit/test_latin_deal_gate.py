"""The verb test before the Latin-deal patterns: it passes every text either pattern matches."""

from __future__ import annotations

import pytest

from loaders.extract.entities.investees import (
    _LATIN_BOUGHT,
    _LATIN_BUYER,
    _latin_beside_verb,
    latin_deal_firms,
)

TEXTS = [
    "星云科技投资AB公司。",
    "星云科技投资 AB、CD。",
    "XY投资星河科技。",
    "XY 收购星河科技。",
    "X2领投，星河跟投。",
    "星云资本领投资XY的一轮。",
    "星云资本跟投资 XY。",
    "AB-投资星河。",
    "5G投资带动洛阳市发展。",
    "洛阳市投资\tAB项目。",
    "\n投资AB",
    " 投资",
    "投资",
    "星云科技投资洛阳市的工厂，AB公司入股。",
    "星云科技控股AB公司。",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_gate_passes_every_match(text: str) -> None:
    if _LATIN_BUYER.search(text) or _LATIN_BOUGHT.search(text):
        assert _latin_beside_verb(text)


def test_a_deal_behind_an_overlapping_verb_is_read() -> None:
    assert [m.name for m in latin_deal_firms("星云资本领投资XY的一轮。")] == ["XY"]
    assert latin_deal_firms("星云科技投资洛阳市的工厂。") == []
