"""One scan of a text for the anchors of several finders (see loaders.extract.scan): the
anchors' words joined in one pattern, each match kept for the anchor whose word it is. The
spans are those of each anchor's own `finditer` when no word of one anchor can overlap a word
of another (a match of one is then never skipped for a match of another)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from loaders.extract.scan import join_stretches


def joint_anchor(*anchors: re.Pattern[str]) -> tuple[re.Pattern[str], dict[str, int]]:
    """One alternation of the words of `anchors` (each an alternation of plain words, without
    groups: a pattern that opens with plain words scans fast), and each word's anchor."""
    index = {word: i for i, anchor in enumerate(anchors) for word in anchor.pattern.split("|")}
    return re.compile("|".join(anchor.pattern for anchor in anchors)), index


def anchor_spans(
    joint: tuple[re.Pattern[str], dict[str, int]], text: str
) -> list[list[tuple[int, int]]]:
    """The spans of each anchor's matches in `text` (`joint`: a joint_anchor)."""
    pattern, index = joint
    out: list[list[tuple[int, int]]] = [[] for _ in range(max(index.values()) + 1)]
    for m in pattern.finditer(text):
        out[index[m.group()]].append(m.span())
    return out


def finditer_around(
    pattern: re.Pattern[str], text: str, spans: list[tuple[int, int]], before: int, after: int
) -> Iterator[re.Match[str]]:
    """loaders.extract.scan.finditer_near with its anchor's spans given: `pattern` scanned in
    the stretches from `before` characters before each span to `after` after it, overlapping
    stretches joined."""
    for start, end in join_stretches(spans, before, after, len(text)):
        yield from pattern.finditer(text, start, end)
