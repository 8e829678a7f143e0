"""Respellings of finder patterns match as the plain patterns do, on invented strings of the
words and characters each pattern reads."""

from __future__ import annotations

import random
import re

from loaders.extract.entities import policies


def _texts(words: list[str], n: int = 3000, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(n)]


def test_the_issuing_adverb_as_an_empty_alternative_matches_as_an_optional_group() -> None:
    plain = re.compile(policies._LIST_AFTER_VERB.pattern.replace("共同|)", "共同)?", 1))
    assert plain.pattern != policies._LIST_AFTER_VERB.pattern
    words = ["先后", "已", "正式", "出台", "印发", "发布", "制定出台", "新编制", "了", "甲乙丙丁",
             "实施方案", "等文件", "等", "、", "，", "。", "联合", "共同"]
    found = 0
    for text in _texts(words):
        expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
        spelled = policies._LIST_AFTER_VERB.finditer(text)
        assert [(m.span(), m.groups()) for m in spelled] == expected
        found += len(expected)
    assert found > 100
