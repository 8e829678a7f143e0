"""Fast paths of the document build, the place helpers and resolution answer as the plain
walks they shortcut.

Texts are invented for these tests.
"""

from __future__ import annotations

from loaders.extract.entities.base import Context, Mention
from loaders.extract.nlp import get_nlp, word_frequency
from loaders.extract.phrases import Match, PhraseMatcher


def _cut(text: str) -> list[str]:
    return get_nlp().segmenter.cut(text)


def _plain_matches(matcher: PhraseMatcher, text: str, words: list[str]) -> list[Match]:
    """Every pattern at every token, then longest first without overlaps, in text order."""
    starts = [sum(map(len, words[:i])) for i in range(len(words))]
    found = []
    for first in range(len(words)):
        node = matcher._root
        for end in range(first, len(words)):
            node = node.get(words[end])
            if node is None:
                break
            if "" in node:
                found.append((first - end - 1, first, end + 1, node[""]))
    found.sort()
    taken = [False] * len(words)
    kept = []
    for _, first, end, label in found:
        if not any(taken[first:end]):
            taken[first:end] = [True] * (end - first)
            kept.append((first, end, label))
    ends = [*starts[1:], len(text)]
    return [Match(starts[f], ends[e - 1], label) for f, e, label in sorted(kept)]


def test_phrase_matches_with_and_without_overlaps_equal_the_plain_walk() -> None:
    patterns = [
        {"label": "City", "pattern": "星河市"},
        {"label": "Company", "pattern": "星河市甲乙公司"},
        {"label": "Company", "pattern": "甲乙公司"},
        {"label": "Company", "pattern": "丙丁科技"},
        {"label": "City", "pattern": "云海县"},
    ]
    matcher = PhraseMatcher(patterns, _cut)
    for text in (
        "丙丁科技落户云海县，云海县与丙丁科技签约。",  # no two matches overlap
        "星河市甲乙公司与甲乙公司在星河市合作，丙丁科技参与。",  # a match inside a longer one
        "甲乙公司甲乙公司星河市",
        "",
        "没有任何名字的句子。",
    ):
        words = _cut(text)
        starts = [sum(map(len, words[:i])) for i in range(len(words))]
        assert matcher(text, starts, words) == _plain_matches(matcher, text, words), text


def _walked_places(ctx: Context, start: int, end: int) -> list[Mention]:
    """leading_places without its shortcut: the walk from `start` whatever opens there."""
    out: list[Mention] = []
    pos = start
    while pos < end:
        here = sorted(
            [m for m in ctx.cities if m.start == pos and m.end <= end], key=lambda m: m.end
        )
        if not here or (out and not ctx._inside_of(here, out[-1])):
            break
        out.extend(here)
        pos = here[-1].end
    return out


def test_leading_places_where_no_place_opens_equal_the_walk() -> None:
    text = "星河市云海县甲乙公司在星河市"
    ctx = Context(get_nlp()(text), "", word_frequency)
    ctx.cities = [
        Mention(0, 3, "City", "星河市", "星河市", "test"),
        Mention(3, 6, "City", "云海县", "云海县", "test"),
        Mention(11, 14, "City", "星河市", "星河市", "test"),
    ]
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert ctx.leading_places(start, end) == _walked_places(ctx, start, end)
