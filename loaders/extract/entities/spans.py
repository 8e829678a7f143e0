"""Tests on lists of (start, end) spans, written as plain loops: in the finders' hot loops a
generator resumed for each span (`any(... for a, b in spans)`) costs about twice as much."""

from __future__ import annotations


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """`any(a < end and start < b for a, b in spans)`: a span shares a character with
    [start, end)."""
    for a, b in spans:  # noqa: SIM110 (the plain loop is the point)
        if a < end and start < b:
            return True
    return False
