"""Cheap tests in the entity finders: the gates before short scans (scan.finditer_holding)
hold a word of every match of the pattern they guard and find what the scan alone finds;
stops_before says what left_edge would. Texts are invented."""

from __future__ import annotations

import re
from itertools import product

import pytest

from loaders.extract.entities.projects import (
    _CLASS_BEFORE_NAME,
    _INVEST_VERB,
    _INVEST_WORDS,
    _ZONE_WORD,
)
from loaders.extract.scan import finditer_holding

# Each pattern with its gate words and the strings it matches (its alternatives multiplied out).
_CLASSES = (["重大", "重点", "骨干", "标志性"], ["", "建设", "基础设施", "民生"], ["项目", "工程"])
_GATED = [
    (_INVEST_VERB, ("投", "建"), list(product(["拟", "计划", "将", ""], _INVEST_WORDS.split("|")))),
    (_CLASS_BEFORE_NAME, ("项目", "工程"), list(product(*_CLASSES))),
    (_ZONE_WORD, ("区",), [("开发区",), ("高新区",), ("经开区",), ("园区",)]),
]


@pytest.mark.parametrize(("pattern", "gate", "language"), _GATED)
def test_every_match_holds_a_gate_word(
    pattern: re.Pattern[str], gate: tuple[str, ...], language: list[tuple[str, ...]]
) -> None:
    for parts in language:
        word = "".join(parts)
        assert pattern.fullmatch(word) and any(g in word for g in gate), word


@pytest.mark.parametrize(("pattern", "gate", "language"), _GATED)
def test_a_guarded_scan_finds_what_the_scan_finds(
    pattern: re.Pattern[str], gate: tuple[str, ...], language: list[tuple[str, ...]]
) -> None:
    text = "洛阳市拟投资建设星云重大工程，伊川县高新区新建天衡产业园区项目，另有甲乙兴建的丙丁"
    for start in range(0, len(text), 3):
        for end in range(start, len(text) + 1, 4):
            found = [m.span() for m in finditer_holding(pattern, text, start, end, gate)]
            assert found == [m.span() for m in pattern.finditer(text, start, end)]


def test_stops_before_tells_where_left_edge_stays() -> None:
    from loaders.extract.entities.tokens import TokenIndex
    from loaders.extract.nlp import get_nlp

    doc = get_nlp()("洛阳市星云科技与天衡电机，在伊川县共建 Acme 产业园。")
    tokens = TokenIndex(doc)
    for pos in range(-1, len(doc.text) + 2):
        for reach in (1, 3, 8, 14):
            assert tokens.stops_before(pos, reach) == (tokens.left_edge(pos, reach) == pos)


def test_each_slot_word_holds_its_anchor_within_the_reach() -> None:
    from loaders.extract.entities import slot_firms

    anchors = (slot_firms._SLOT_WORDS, slot_firms._ORG_SLOT_WORDS, slot_firms._ORG_SLOT_REACH)
    for words, anchor, (before, after) in zip(*anchors, strict=True):
        for word in words.split("|"):
            found = anchor.search(word)  # a slot holds 9 characters at most before its word
            assert found and 9 + found.start() <= before and len(word) - found.end() <= after


def test_fold_leaves_a_name_with_nothing_to_fold_as_it_is() -> None:
    from loaders.extract.entities.base import _QUOTE_RE, fold

    def slow(text: str) -> str:  # fold without its shortcut
        text = _QUOTE_RE.sub("", text).strip().replace("《", "").replace("》", "")
        return text.replace("（", "(").replace("）", ")").strip()

    texts = ["星云科技", " 星云 ", "“星云”平台", "《甲乙规划》", "甲（乙）", "", " ", "“ 甲”"]
    for text in [*texts, "乙\n"]:
        assert fold(text) == slow(text), text


def test_latin_firms_found_at_capitals_are_those_of_the_whole_scan() -> None:
    import random

    from loaders.extract.entities.slot_firms import _CAPITALS, _LATIN_FIRM
    from loaders.extract.scan import finditer_from

    pieces = ["Acme", "Potash", "Corp", "Ltd.", "Co.,", "Group", "and", "of", "&", " ", "  ",
              "\n", "a", "X9", "星云", "公司", "Mag", "Industries", "-", "'s", "5G"]
    rng = random.Random(11)
    total = 0
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        found = [m.span() for m in finditer_from(_LATIN_FIRM, text, _CAPITALS)]
        assert found == [m.span() for m in _LATIN_FIRM.finditer(text)], text
        total += len(found)
    assert total > 50  # (the texts do hold firms)
