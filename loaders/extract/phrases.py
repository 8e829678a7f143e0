"""Gazetteer phrase matching: every gazetteer surface written in a text on token boundaries,
longest first, without overlaps.

    matcher = PhraseMatcher(patterns, cut)     # patterns: {"label", "pattern"}; cut: text -> words
    matcher(text, starts, words) -> [Match(start_char, end_char, label_), ...]   # by start

A pattern matches where the text's words are the pattern's own words (as `cut` splits the
pattern alone), as spaCy's PhraseMatcher on token texts does: the patterns are a trie over
words, walked from every token that opens one. Of overlapping matches the one of most tokens
wins, then the one that starts first. (A character automaton such as pyahocorasick finds the
same surfaces, but with thousands of Chinese patterns it scans slower than this walk, and every
hit must still be checked against the tokens.)
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, NamedTuple


class Match(NamedTuple):
    """A gazetteer surface in the text (the attribute names of a spaCy span)."""

    start_char: int
    end_char: int
    label_: str


_END = ""  # the trie key under which a pattern's label is kept (no word is empty)
# Builds a named tuple from a tuple of its fields: the same object as calling the class, whose
# __new__ is a Python function (a frame per tuple built; tuples are built by the dozen).
_new = tuple.__new__


class PhraseMatcher:
    """A trie of the patterns' words, built once."""

    def __init__(self, patterns: list[dict[str, str]], cut: Callable[[str], list[str]]) -> None:
        self._root: dict[str, Any] = {}
        for p in patterns:
            words = cut(p["pattern"])
            if not words:
                continue
            node = self._root
            for word in words:
                node = node.setdefault(word, {})
            node.setdefault(_END, p["label"])  # the first pattern of a surface keeps it

    def __call__(self, text: str, starts: list[int], words: list[str]) -> list[Match]:
        """Longest non-overlapping matches on token boundaries, in text order."""
        root = self._root
        found: list[tuple[int, int, int, str]] = []  # (-tokens, first token, end token, label)
        count = len(words)
        reach = 0  # the end token of the matches so far: a match before it overlaps one
        crossed = False
        for first in itertools.compress(range(count), map(root.__contains__, words)):
            node = root[words[first]]
            end = first + 1
            while True:
                label = node.get(_END)
                if label is not None:
                    found.append((first - end, first, end, label))
                    crossed = crossed or first < reach
                    reach = end
                if end == count:
                    break
                node = node.get(words[end])
                if node is None:
                    break
                end += 1
        size = len(text)
        if not crossed:  # (most texts: no two matches overlap, all are kept, in text order)
            return [
                _new(Match, (starts[first], starts[end] if end < count else size, label))
                for _, first, end, label in found
            ]
        found.sort()  # most tokens first, then by start (no two have both alike)
        taken = bytearray(count)
        kept: list[tuple[int, int, str]] = []
        for _, first, end, label in found:
            if any(taken[first:end]):
                continue
            taken[first:end] = b"\x01" * (end - first)
            kept.append((first, end, label))
        kept.sort()
        return [
            _new(Match, (starts[first], starts[end] if end < count else size, label))
            for first, end, label in kept
        ]
