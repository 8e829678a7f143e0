"""Where chains of quoted names (“甲”“乙”, “甲”、“乙”等…) may stand: read by `quoted`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from loaders.extract.entities.base import HAN
from loaders.extract.scan import finditer_near

# Two quoted names in a row: every junction of the chains of `quoted` is one. A chain opens at
# most 17 characters before its first junction and ends at most 30 after its last; its junctions
# are at most 17 apart: the chains are scanned only there (loaders.extract.scan).
_QUOTES_IN_A_ROW = re.compile(f"[”’](?:[、和及与][{HAN}]{{0,4}})?[“‘]")
_CHAIN_REACH = (17, 30)


def names_in_a_row(text: str, quotes: list[re.Match[str]]) -> bool:
    """Whether two of `quotes` (the matches of quoted._QUOTED_RE, in text order) stand in a row.
    Every quoted name of a chain is one of them (a quoted name holds no quote mark, so no match
    of _QUOTED_RE runs over its opening quote), and the first two are consecutive: a text
    without two in a row holds no chain."""
    return any(
        _QUOTES_IN_A_ROW.fullmatch(text, a.end() - 1, b.start() + 1)
        for a, b in pairwise(quotes)
    )


def chains(
    pattern: re.Pattern[str], text: str, quotes: list[re.Match[str]]
) -> Iterable[re.Match[str]]:
    """`pattern.finditer(text)` for a chain `pattern` whose quoted names are matches of
    quoted._QUOTED_RE (`quotes`) joined by junctions _QUOTES_IN_A_ROW matches."""
    if not names_in_a_row(text, quotes):
        return ()
    return finditer_near(pattern, text, _QUOTES_IN_A_ROW, *_CHAIN_REACH)
