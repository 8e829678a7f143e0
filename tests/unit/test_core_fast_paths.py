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


def _gazetteer_surfaces(label: str, count: int) -> list[str]:
    """Surfaces of the gazetteer's own entries (names, short forms, aliases) of one label."""
    from loaders.extract.entities.base import _gazetteer

    found = [s for s, e in _gazetteer().surfaces() if e.label == label and len(s) >= 2]
    return list(dict.fromkeys(found))[:count]


def test_memoised_readings_and_lookups_equal_the_article_ones() -> None:
    from loaders.extract.entities.city_reading import _memo_reading, city_reading, reading_of
    from loaders.extract.entities.places import _looked_up, _shared_look_up

    ctx = Context(get_nlp()("星河市甲乙公司"), "", word_frequency)
    assert reading_of(ctx) is _memo_reading
    surfaces = _gazetteer_surfaces("City", 400)
    for surface in surfaces:
        entries = ctx.gaz.lookup(surface)
        if entries:
            assert _memo_reading(surface) == city_reading(ctx, surface, entries), surface
    for surface in [*surfaces, *_gazetteer_surfaces("Company", 200), "星河市甲乙公司"]:
        assert _shared_look_up(surface) == _looked_up(ctx.gaz, surface), surface
    # another frequency table: the reading is not memoised, and is the article's own
    rare = Context(get_nlp()("星河市"), "", lambda word: 0)
    reader = reading_of(rare)
    assert reader is not _memo_reading
    for surface in surfaces[:50]:
        if rare.gaz.lookup(surface):
            assert reader(surface) == city_reading(rare, surface, rare.gaz.lookup(surface))
