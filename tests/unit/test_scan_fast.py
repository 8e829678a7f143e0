"""Fast scans (loaders.extract.scan) give what the plain scans give: `finditer_from` the matches
of `finditer`, anchors found by `str.find` the spans `re` finds, stretches kept for a text the
stretches computed anew. Texts are invented: random strings over the characters each pattern
reads."""

from __future__ import annotations

import random
import re

import pytest

from loaders.extract.entities import quoted
from loaders.extract.scan import finditer_from


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
