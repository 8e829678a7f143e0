"""Gates and respellings of finder patterns answer as the plain patterns do, on invented
strings of the words and characters each pattern reads."""

from __future__ import annotations

import random
import re

from loaders.extract.entities import agencies, policies


def _texts(words: list[str], n: int = 3000, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(n)]


def test_a_place_opens_a_body_only_with_one_of_its_last_characters_near() -> None:
    words = [*agencies._BODY_ENDINGS.split("|"), "人民政府", "政府", "市", "区", "甲乙", "丙",
             "经济促进", "长", "，", "星" * 10]
    found = 0
    for text in _texts(words):
        m = agencies._BODY_AFTER_PLACE.match(text)
        if m is not None:
            found += 1
            assert m.end() <= agencies._BODY_REACH
            assert not agencies._BODY_LAST_CHARS.isdisjoint(text[: agencies._BODY_REACH])
    assert found > 100


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
