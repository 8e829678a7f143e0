"""The gate words of the relation rules, found by one scan of a sentence (relations/gates.py),
are those an `in` test per word finds; a gate tested on a sentence view answers as holds_any on
its text; the label tests put before the word tests skip only sentences no rule can use."""

from __future__ import annotations

import random

import pytest

import loaders.extract.relations  # noqa: F401 (every rule set registers its gates)
from loaders.extract.entities import Mention
from loaders.extract.nlp import Sentence
from loaders.extract.relations import (
    developed_by,
    empowers,
    gates,
    located_in,
    partners_with,
    subsidiary_of,
)
from loaders.extract.relations.base import SentenceView, build_views
from loaders.extract.scan import holds_any

# Words that overlap gate words (进入驻, 帮助力, 提供货, 完成员企业, 旗下属) and filler.
_FRAGMENTS = ["进", "入", "驻", "助", "力", "供", "货", "成员", "企业", "下", "属", "能", "公司",
              "甲乙公司", "星河市", "，", "。", "与", "在", "为", "的", "平", "台", "统", " "]


def _texts(n: int = 4000) -> list[str]:
    rng = random.Random(11)
    pool = [*gates._WORDS, *_FRAGMENTS]
    return ["".join(rng.choice(pool) for _ in range(rng.randint(0, 12))) for _ in range(n)]


def test_one_scan_finds_every_gate_word_an_in_test_finds():
    assert len(gates._WORDS) > 30
    for text in [*_texts(), "进入驻", "帮助力", "提供货", "完成员企业", "旗下属", "打入驻"]:
        assert gates.words_in(text) == {w for w in gates._WORDS if w in text}, text


def test_a_word_a_match_may_hide_is_listed_under_it():
    assert gates._may_hide("进入", "入驻") and gates._may_hide("帮助", "助力")
    assert gates._may_hide("附属公司", "公司") and gates._may_hide("公司", "公司集团")
    assert not gates._may_hide("入驻", "进入") and gates._may_hide("赋能", "能力")
    assert not gates._may_hide("能力", "赋能") and not gates._may_hide("平台", "系统")


def test_a_gate_holds_where_holds_any_does():
    words_of_gates = [
        developed_by.gate_words(developed_by._ANAPHOR),
        developed_by.gate_words(developed_by._BASED_ON),
        empowers._SUPPLY_WORDS + empowers._CUSTOMERS_WORDS,
        empowers._CUSTOMERS_WORDS,
        *(empowers.gate_words(p) for p in (empowers._VIA, empowers._SERVES, empowers._HELPS)),
        subsidiary_of._STATING_WORDS,
        located_in.gate_words(located_in._TO_SETTLE),
    ]
    for text in _texts(1500):
        view = SentenceView(Sentence(text, 0, len(text)), [], text, 0, True)
        for words in words_of_gates:
            assert view.holds(gates.gate(words)) == holds_any(text, words), (text, words)


def test_gate_words_are_not_empty():
    with pytest.raises(ValueError):
        gates.gate(("",))


def _views(text: str, spans: list[tuple[str, str]]):
    mentions = []
    for surface, label in spans:
        at = text.index(surface)
        mentions.append(Mention(at, at + len(surface), label, surface, surface, "pattern"))
    return build_views(text, [Sentence(text, 0, len(text))], mentions)


def test_a_sentence_with_no_target_or_base_gives_no_development():
    # the based-on rule needs a base (Platform, Company) named here; the rest a target
    for text, spans in (
        ("星河市以该平台为基础搭建新系统。", [("星河市", "City")]),
        ("星河市工信局基于这一平台建设大脑。", [("星河市工信局", "Agency")]),
    ):
        assert developed_by.find(_views(text, spans)) == []
    based = _views("依托甲乙公司，该平台基于甲乙公司搭建。", [("甲乙公司", "Company")])
    assert based[0].holds(developed_by._ANAPHOR_GATE)


def test_serving_needs_a_target_named_in_the_sentence():
    # 赋能/服务 governs a named target (_TARGETS): a sentence naming only platforms gives none
    text = "丙丁平台赋能戊己平台，服务星云平台。"
    views = _views(text, [(name, "Platform") for name in ("丙丁平台", "戊己平台", "星云平台")])
    assert empowers.find(views) == []
    served = _views("丙丁平台赋能甲乙公司。", [("丙丁平台", "Platform"), ("甲乙公司", "Company")])
    assert [(r.head, r.tail) for r in empowers.find(served)] == [("丙丁平台", "甲乙公司")]


def test_a_word_gate_holds_where_its_pattern_is_found():
    # patterns that are alternatives of words: found exactly where their gate holds
    pool = [*located_in.gate_words(located_in._SETTLES), *partners_with.gate_words(
        partners_with._VERB_AFTER_PARTNER), "牵手", "协同", "总部设在", "战略合作", "坐落", "于",
        "设", "总部", "共", "同", "甲乙公司", "星河市", "，"]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 8)))
        view = SentenceView(Sentence(text, 0, len(text)), [], text, 0, True)
        for pattern, words in (
            (located_in._SETTLES, located_in._SETTLES_GATE),
            (partners_with._VERB_BEFORE_PARTNER, partners_with._BEFORE_GATE),
            (partners_with._VERB_AFTER_PARTNER, partners_with._AFTER_GATE),
        ):
            assert view.holds(words) == (pattern.search(text) is not None), (text, words)


def test_the_platform_and_adoption_gates_hold_wherever_their_patterns_match():
    pool = ["借助", "依托", "利用", "基于", "通过", "丙丁平台", "平台", "完成", "实现", "打造",
            "引入", "采用", "部署", "使用", "举行", "开幕", "启动", "开展", "星河市", "推动", "借",
            "依", "用", "举", "，"]
    rng = random.Random(7)
    exact = (
        (empowers._ADOPTS, empowers._ADOPTS_GATE),
        (located_in._HELD, located_in._HELD_GATE),
    )
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 8)))
        view = SentenceView(Sentence(text, 0, len(text)), [], text, 0, True)
        for pattern, words in exact:
            assert view.holds(words) == (pattern.search(text) is not None), (text, words)
        for pattern in (empowers._RELYING_DOES, empowers._RELYING, empowers._CITY_RELIES):
            match = pattern.search(text) is not None
            found += match
            assert view.holds(empowers._RELYING_GATE) or not match, text
    assert found > 100
