"""A rule set that passes over a whole sentence at one gate test gives what it gives when it reads
every sentence: the gate holds wherever one of its rules could match."""

from __future__ import annotations

import random

import pytest

import loaders.extract.relations  # noqa: F401 (every rule set registers its gates)
from loaders.extract.entities import Mention
from loaders.extract.nlp import Sentence
from loaders.extract.relations import empowers, located_in
from loaders.extract.relations.base import SentenceView, build_views

_NAMES = [("甲乙公司", "Company"), ("丙丁平台", "Platform"), ("星河市", "City"),
          ("戊己项目", "Project"), ("庚辛研究院", "Organization"), ("星河市工信局", "Agency"),
          ("甲某某", "Person"), ("星河计划", "Policy")]
_WORDS = ["通过", "的赋能", "赋能", "服务", "借助", "依托", "利用", "完成", "实现", "为", "提供",
          "打造", "解决方案", "引进", "升级", "改造", "数字化", "配套", "供货", "客户包括",
          "进入", "供应链", "帮助", "助力", "采用", "系统", "是", "的客户", "在", "进行", "试点",
          "等", "项目中", "企业", "，", "与", "了", "推动", "下"]


def _sentences(n: int) -> list[tuple[str, list[tuple[str, str]]]]:
    rng = random.Random(13)
    out = []
    for _ in range(n):
        # names and words in turn, a word sometimes doubled (为甲乙公司提供…解决方案)
        parts = [
            rng.choice(_WORDS) if i % 2 or rng.random() < 0.3 else rng.choice(_NAMES)[0]
            for i in range(rng.randint(1, 9))
        ]
        if rng.random() < 0.5:  # two sentences: the second may go on about the first's subject
            parts[rng.randint(0, len(parts) - 1)] += "。"
        text = "".join(parts)
        out.append((text, [(name, label) for name, label in _NAMES if name in text]))
    # a sentence naming a place only, its source named in the sentence before
    out.append(("丙丁平台上线。该平台为星河市企业提供服务。", _NAMES[1:3]))
    return out


def _views(text: str, spans: list[tuple[str, str]]):
    mentions = []
    for surface, label in spans:
        at = 0
        while (at := text.find(surface, at)) >= 0:
            mentions.append(Mention(at, at + len(surface), label, surface, surface, "pattern"))
            at += len(surface)
    mentions.sort(key=lambda m: (m.start, -m.end))
    top, end = [], -1
    for m in mentions:  # (星河市 inside 星河市工信局: the longer one only)
        if m.start >= end:
            top.append(m)
            end = m.end
    cut = text.find("。") + 1 or len(text)
    sentences = [Sentence(text[a:b], a, b) for a, b in ((0, cut), (cut, len(text))) if b > a]
    return build_views(text, sentences, top)


@pytest.mark.parametrize("rule_set, gate, labels", [(empowers, "_ANY_GATE", "_ANY_LABELS")])
def test_a_sentence_gate_changes_nothing(monkeypatch, rule_set, gate, labels):
    sentences = _sentences(3000)
    gated = [rule_set.find(_views(text, spans)) for text, spans in sentences]
    # again with the gate always holding and every label let through
    holds = SentenceView.holds
    whole = getattr(rule_set, gate)
    monkeypatch.setattr(SentenceView, "holds", lambda v, g: g is whole or holds(v, g))
    monkeypatch.setattr(rule_set, labels, frozenset(label for _, label in _NAMES))
    assert [rule_set.find(_views(text, spans)) for text, spans in sentences] == gated
    assert sum(map(bool, gated)) > 50  # (the sentences do give relations)


def test_the_empowers_gate_holds_wherever_a_pattern_it_stands_for_matches():
    patterns = (empowers._VIA, empowers._SERVES, empowers._RELYING_DOES, empowers._RELYING,
                empowers._CITY_RELIES, empowers._FOR_SERVICE, empowers._BRINGS_IN,
                empowers._UPGRADE, empowers._SUPPLY_WORD, empowers._CUSTOMERS, empowers._HELPS,
                empowers._ADOPTS, empowers._CUSTOMER_OF, empowers._SITE_WORK)
    for text, _ in _sentences(3000):
        view = SentenceView(Sentence(text, 0, len(text)), [], text, 0, True)
        if not view.holds(empowers._ANY_GATE):
            assert not any(p.search(text) for p in patterns), text


def _levels_slow(place: Mention) -> list[str]:
    gaz = located_in._gazetteer()
    out = []
    for name in gaz.ancestor_names(place.name)[:2]:
        entry = gaz.division(name)
        forms = {name, entry.short} if entry is not None and entry.short else {name}
        if any(f and place.surface.startswith(f) and f != place.surface for f in forms):
            out.append(name)
    return out


def test_the_levels_written_in_a_place_name_are_read_as_before():
    places = [
        ("张店区", "淄博张店区"), ("张店区", "张店区"), ("张店区", "张店"), ("淄博市", "淄博"),
        ("崂山区", "山东青岛崂山区"), ("崂山区", "青岛崂山"), ("星河市", "星河市"),
        ("黄岛区", "青岛市黄岛区"), ("历下区", "济南历下"), ("历下区", "山东历下区"),
    ]
    for name, surface in places:
        place = Mention(3, 3 + len(surface), "City", name, surface, "gazetteer")
        levels = located_in._written_levels(place)
        assert levels[0] is place
        assert [(m.name, m.start, m.end) for m in levels[1:]] == [
            (n, 3, 3) for n in _levels_slow(place)
        ], (name, surface)
    assert located_in._levels_written("张店区", "淄博张店区")  # (some level is read)
