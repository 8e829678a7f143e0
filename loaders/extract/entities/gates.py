"""Cheap tests before scanning a short stretch of an article with a pattern."""

from __future__ import annotations

import re


def finditer_holding(
    pattern: re.Pattern[str], text: str, start: int, end: int, words: tuple[str, ...]
) -> list[re.Match[str]]:
    """`list(pattern.finditer(text, start, end))`, when every match of `pattern` holds one of
    `words`: no scan at all when text[start:end] holds none of them (`str.find` costs less than
    setting up a scan)."""
    for word in words:
        if text.find(word, start, end) >= 0:
            return list(pattern.finditer(text, start, end))
    return []
