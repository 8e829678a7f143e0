"""The cheap tests a rule set makes before its pattern (a word every match holds) skip only
sentences where the pattern finds nothing. Sentences are invented: random strings over the
words each pattern reads, and over the words with the gate's word left out."""

from __future__ import annotations

import random

from loaders.extract.relations.events import _HOSTED_BY_KIND
from loaders.extract.relations.signed_with import _SIGN


def _texts(pool: list[str], n: int = 3000, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pool) for _ in range(rng.randint(0, 14))) for _ in range(n)]


def test_every_signing_holds_sign_or_agreement() -> None:
    pool = ["签署", "签订", "签约", "签下", "签了", "签单", "达成", "协议", "合作", "星云科技",
            "与", "洛阳市", "，", "签", "达", "成", "订", "约"]
    found = 0
    for text in _texts(pool):
        matches = list(_SIGN.finditer(text))
        found += len(matches)
        if "签" not in text and "达成" not in text:
            assert matches == [], text
    assert found > 100  # the texts do hold signings


def test_every_event_named_again_with_its_hosts_holds_by() -> None:
    pool = ["本次", "此次", "该", "推介会", "论坛", "由", "星云科技", "、", "洛阳市", "联合",
            "主办", "举办", "承办", "，", "甲乙", "此次论坛由", "联合举办", "该推介会"]
    found = 0
    for text in _texts(pool):
        matches = list(_HOSTED_BY_KIND.finditer(text))
        found += len(matches)
        if "由" not in text:
            assert matches == [], text
    assert found > 30
