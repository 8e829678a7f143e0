"""One scan of a text for the anchors of two finders (see loaders.extract.scan): the anchors'
words joined in one pattern, each match kept for the anchor whose word it is. The spans are
those of each anchor's own `finditer` when no word of one anchor can overlap a word of the
other (a match of one is then never skipped for a match of the other)."""

from __future__ import annotations

import re
from collections.abc import Iterator


def anchor_spans(
    joint: re.Pattern[str], text: str, second: frozenset[str]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans of the matches of `joint` (two anchors' words in one alternation, without
    groups: a pattern that opens with plain words scans fast) whose words are not in `second`,
    then of those whose words are."""
    first_spans: list[tuple[int, int]] = []
    second_spans: list[tuple[int, int]] = []
    for m in joint.finditer(text):
        (second_spans if m.group() in second else first_spans).append(m.span())
    return first_spans, second_spans


def finditer_around(
    pattern: re.Pattern[str], text: str, spans: list[tuple[int, int]], before: int, after: int
) -> Iterator[re.Match[str]]:
    """loaders.extract.scan.finditer_near with its anchor's spans given: `pattern` scanned in
    the stretches from `before` characters before each span to `after` after it, overlapping
    stretches joined."""
    size = len(text)
    stretches: list[list[int]] = []
    last_end = 0
    for start, end in spans:
        start -= before
        end = min(end + after, size)
        if stretches and start <= last_end:
            if end > last_end:
                last_end = stretches[-1][1] = end
        else:
            last_end = end
            stretches.append([max(start, 0), end])
    for start, end in stretches:
        yield from pattern.finditer(text, start, end)
