"""Chains of quoted names are scanned only in texts with two quoted names in a row
(loaders.extract.entities.quote_chains): the same matches as a scan of the whole text
(invented texts: random strings over the marks and words the chain patterns read)."""

from __future__ import annotations

import random

from loaders.extract.entities import quoted
from loaders.extract.entities.quote_chains import chains, names_in_a_row
from loaders.extract.scan import finditer_from

_PIECES = [
    "“", "”", "‘", "’", "、", "和", "及", "与", "等", "星河", "甲乙", "丙", "App", "平台", "系统",
    "小程序", "活动", "行动", "项目", "，", "。", "\n", " ", "星" * 20,
    *["“星河”", "“甲乙丙”", "‘丙丁’", "“星云智造”"] * 4,
]


def _quotes(text: str) -> list:
    return list(finditer_from(quoted._QUOTED_RE, text, quoted._OPENING_QUOTES))


def test_chains_match_a_full_scan() -> None:
    rng = random.Random(7)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30)))
        quotes = _quotes(text)
        for pattern in (quoted._QUOTE_CHAIN, quoted._CAMPAIGN_CHAIN):
            full = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in chains(pattern, text, quotes)] == full, text
            if not names_in_a_row(text, quotes):
                assert full == [], text
            found += bool(full)
    assert found > 20  # the texts hold chains


def test_names_in_a_row() -> None:
    for text, expected in [
        ("“星河”“甲乙”等App", True),
        ("“星河”、“甲乙”", True),
        ("“星河”和甲乙“丙丁”", True),
        ("“星河”和甲乙丙丁戊“丙丁”", False),
        ("“星河”，“甲乙”", False),
        ("“星河”平台", False),
    ]:
        assert names_in_a_row(text, _quotes(text)) is expected, text
