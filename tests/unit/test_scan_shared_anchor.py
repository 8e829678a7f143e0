"""Anchor spans shared by the finders that scan near one anchor (loaders.extract.scan), and a
group's stem read once by slot_firm_mentions: the same answers as the slow paths."""

from __future__ import annotations

import re

from loaders.extract.entities.base import Context, Mention
from loaders.extract.entities.slot_firms import (
    _RARE_FREQ,
    STOP_TOKENS,
    _stem_and_two,
    overlaps,
    slot_firm_mentions,
)
from loaders.extract.nlp import get_nlp, word_frequency
from loaders.extract.scan import join_stretches, stretches

_TEXTS = (
    "星河市政府与甲乙市政府签约，星河市人民政府表示",
    "政府政府，政府",
    "甲乙公司",
    "",
)


def _slow(text: str, anchor: re.Pattern[str], before: int, after: int) -> list[list[int]]:
    spans = [m.span() for m in anchor.finditer(text)]
    return join_stretches(spans, before, after, len(text))


def test_one_anchor_at_two_reaches_and_compiled_twice() -> None:
    first, second = re.compile("政府"), re.compile("政府")
    for text in _TEXTS:
        for anchor, before, after in ((first, 2, 4), (second, 3, 4), (first, 0, 0)):
            assert stretches(text, anchor, before, after) == _slow(text, anchor, before, after)


def test_flags_keep_anchors_apart() -> None:
    plain, folded = re.compile("ab"), re.compile("ab", re.IGNORECASE)
    text = "xxAB yy ab"
    assert stretches(text, plain, 1, 1) == _slow(text, plain, 1, 1) == [[7, 10]]
    assert stretches(text, folded, 1, 1) == _slow(text, folded, 1, 1) == [[1, 5], [7, 10]]


def test_another_text_of_equal_characters_is_scanned_anew() -> None:
    anchor = re.compile("政府")
    for text in _TEXTS:
        copy = "".join(list(text))  # equal, another object
        assert stretches(copy, anchor, 2, 4) == _slow(copy, anchor, 2, 4)


def _group_members_slow(ctx: Context, known: list[Mention], spans: list) -> list[tuple]:
    """The group loop as it was: every group mention's stem scanned again."""
    text, out = ctx.text, []
    for group in known:
        if group.label != "Company" or not group.name.endswith("集团") or len(group.name) < 4:
            continue
        for start, end in _stem_and_two(text, group.name[:-2]):
            words = ctx.tokens.token_words(end - 2, end)
            tail = text[end - 2 : end]
            if tail.startswith("集团") or overlaps(spans, start, end):
                continue
            if any(w in STOP_TOKENS for w in words) or ctx.freq(tail) >= _RARE_FREQ:
                continue
            if not ctx.tokens.is_boundary(end):
                continue
            out.append((start, end))
            spans.append((start, end))
    return out


def test_group_named_twice_gives_what_each_mention_scanned_gives() -> None:
    text = "星河集团发布新品。星河宝通与星河集团签署协议，星河宝通、星河集团和星河智联表示"
    ctx = Context(get_nlp()(text), "", word_frequency)
    known = []
    at = text.find("星河集团")
    while at >= 0:
        known.append(Mention(at, at + 4, "Company", "星河集团", "星河集团", "gazetteer"))
        at = text.find("星河集团", at + 1)
    assert len(known) == 3
    found = slot_firm_mentions(ctx, known)
    slots = [(m.start, m.end) for m in found if m.source != "pattern:group_member"]
    members = [(m.start, m.end) for m in found if m.source == "pattern:group_member"]
    spans = [(k.start, k.end) for k in known] + slots
    assert members == _group_members_slow(ctx, known, spans)
    assert members  # the test reads a group's member


def _sentences_slow(doc) -> list[tuple[str, int, int]]:
    """nlp.sentences as it was: each sentence stripped left, then right."""
    text, starts, out = doc.text, doc.sentence_starts, []
    for start, end in zip(starts, [*starts[1:], len(text)][: len(starts)], strict=True):
        span = text[start:end]
        body = span.lstrip()
        start += len(span) - len(body)
        body = body.rstrip()
        if body:
            out.append((body, start, start + len(body)))
    return out


def test_sentences_stripped_only_where_blank_equal_the_slow_path() -> None:
    from loaders.extract.nlp import sentences

    for text in (
        "星河市甲乙公司发布新品。丙丁公司表示欢迎！\n\n  星河市政府：\t支持。  \n",
        "  甲乙。 \n",
        "\n\n",
        "",
        "甲乙公司",
        "“甲乙。”丙丁；\n戊己？",
    ):
        doc = get_nlp()(text)
        assert [tuple(s) for s in sentences(doc)] == _sentences_slow(doc)
