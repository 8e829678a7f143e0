"""The cheap tests a rule set makes before its pattern (a word every match holds) skip only
sentences where the pattern finds nothing. Sentences are invented: random strings over the
words each pattern reads, and over the words with the gate's word left out."""

from __future__ import annotations

import random
import re

from loaders.extract.relations.events import _HOSTED_BY_KIND
from loaders.extract.relations.signed_with import _SIGN


def _gate_holds(pattern: re.Pattern[str], pool: list[str], gate: tuple[str, ...]) -> int:
    """Every match of `pattern` over random texts from `pool` lies in a text holding one of the
    `gate` words; the number of matches found (the texts must hold some)."""
    rng = random.Random(3)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 14)))
        matches = list(pattern.finditer(text))
        found += len(matches)
        if not any(word in text for word in gate):
            assert matches == [], text
    return found


def test_every_signing_holds_sign_or_agreement() -> None:
    pool = ["签署", "签订", "签约", "签下", "签了", "签单", "达成", "协议", "合作", "星云科技",
            "与", "洛阳市", "，", "签", "达", "成", "订", "约"]
    assert _gate_holds(_SIGN, pool, ("签", "达成")) > 100  # the texts do hold signings


def test_every_event_named_again_with_its_hosts_holds_by() -> None:
    pool = ["本次", "此次", "该", "推介会", "论坛", "由", "星云科技", "、", "洛阳市", "联合",
            "主办", "举办", "承办", "，", "甲乙", "此次论坛由", "联合举办", "该推介会"]
    assert _gate_holds(_HOSTED_BY_KIND, pool, ("由",)) > 30


def test_the_gate_of_several_patterns_passes_where_the_gate_of_one_does() -> None:
    from loaders.extract.relations.subsidiary_of import _STATING, _STATING_WORDS
    from loaders.extract.scan import gate_words, holds_any

    pool = ["子公司", "孙公司", "分公司", "附属公司", "旗下", "下属", "企业", "成员", "子", "公司",
            "星云科技", "的", "，"]
    rng = random.Random(4)
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 8)))
        held = any(holds_any(text, gate_words(p)) for p in _STATING)
        assert holds_any(text, _STATING_WORDS) == held, text
