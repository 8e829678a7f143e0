"""The entity finders' faster forms answer as the plain ones: the project suffixes written as
a trie match every suffix whole, and the per-article indexes of places and known organisations
find what a walk over all of them finds.

Texts are invented for these tests.
"""

from __future__ import annotations

import re

from loaders.extract.entities.base import (
    _HOLDING,
    _NAMED_AS,
    _PRONOUN_CHARS,
    Context,
    Mention,
    _reads_inside_name,
    name_left_edge,
)
from loaders.extract.entities.projects import _PROJECT_SUFFIX
from loaders.extract.nlp import get_nlp, word_frequency


def test_project_suffix_trie_matches_every_suffix_whole() -> None:
    words = ["化工园区", "产业园", "工程", "工程研究中心", "创新服务中心", "盐湖", "地铁3号线"]
    for word in words:
        match = _PROJECT_SUFFIX.match(word)
        assert match is not None and match.group(0) == word
    text = "星云工程研究中心与甲乙产业园区、丙丁地铁十二号线"
    flat = re.compile("工程研究中心|产业园区|产业园|工程|地铁[一二三四五六七八九十\\d]+号线")
    assert [m.span() for m in _PROJECT_SUFFIX.finditer(text)] == [
        m.span() for m in flat.finditer(text)
    ]


def _mention(start: int, end: int, label: str, name: str) -> Mention:
    return Mention(start, end, label, name, name, "test")


def test_indexes_by_position_answer_as_a_walk_and_follow_replaced_lists() -> None:
    text = "甲市乙区星云科技与星河集团"
    ctx = Context(get_nlp()(text), "", word_frequency)
    ctx.cities = [_mention(0, 2, "City", "甲市"), _mention(0, 4, "City", "甲市乙区")]
    ctx.known_orgs = [_mention(4, 8, "Company", "星云科技"), _mention(4, 6, "Brand", "星云")]
    for pos in range(len(text) + 1):
        walked = next((c for c in ctx.cities if c.end == pos), None)
        assert ctx.city_ending_at(pos) is walked
        assert ctx.known_orgs_at(pos) == [o for o in ctx.known_orgs if o.start == pos]
    ctx.cities = [_mention(2, 4, "City", "乙区")]
    ctx.known_orgs = [_mention(9, 13, "Company", "星河集团")]
    assert ctx.city_ending_at(2) is None and ctx.city_ending_at(4) is ctx.cities[0]
    assert ctx.known_orgs_at(4) == [] and ctx.known_orgs_at(9) == ctx.known_orgs


def _two_walks_edge(ctx: Context, pos: int, max_chars: int, verb_min_freq: int) -> int:
    """name_left_edge's walk as two: `left_edge`, then the name's stops inside it."""
    tokens = ctx.tokens
    start = tokens.left_edge(pos, max_chars=max_chars)
    i = tokens.token_at(pos - 1) if pos > 0 else -1
    edge = pos
    while i >= 0 and tokens.starts[i] >= start:
        word, at = tokens.words[i], tokens.starts[i]
        if len(word) > 1 and not _reads_inside_name.__wrapped__(word, verb_min_freq, ctx.freq):
            break
        if len(word) == 1 and (
            word in _PRONOUN_CHARS or _HOLDING.match(ctx.text[max(0, at - 1) : at + 1])
        ):
            break
        edge, i = at, i - 1
    named_as = _NAMED_AS.match(ctx.text, edge, pos)
    return named_as.end() if named_as else edge


def test_name_left_edge_walks_once_as_two_walks_do() -> None:
    texts = [
        "曾任星云科技总经理，他现任甲乙集团董事长。",
        "充分发挥青岛星河学院作用，由中国甲乙协会（以下简称甲乙）主办",
        "任职星云实业期间，曾在丙丁电子担任顾问 ABC 公司",
    ]
    for text in texts:
        ctx = Context(get_nlp()(text), "", word_frequency)
        for pos in range(len(text) + 1):
            for max_chars, verb_min_freq in ((16, 0), (6, 500)):
                assert name_left_edge(ctx, pos, max_chars, verb_min_freq) == _two_walks_edge(
                    ctx, pos, max_chars, verb_min_freq
                )
