"""Gazetteer phrase matching: every gazetteer surface written in a text on token boundaries,
longest first, without overlaps.

    matcher = PhraseMatcher(patterns, cut)     # patterns: {"label", "pattern"}; cut: text -> words
    matcher(text, starts, words) -> [Match(start_char, end_char, label_), ...]   # by start

A pattern matches where its words (as `cut` splits the pattern alone) are the text's words
there, as spaCy's PhraseMatcher on token texts would: the surfaces are found in the text by one
Aho-Corasick automaton (`pyahocorasick`), and each hit is kept only when it starts on a token
and the tokens from there are the pattern's own. Of overlapping matches the one of most tokens
wins, then the one that starts first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer surface in the text (the attribute names of a spaCy span)."""

    start_char: int
    end_char: int
    label_: str


class PhraseMatcher:
    """One automaton over all surfaces, built once."""

    def __init__(self, patterns: list[dict[str, str]], cut: Callable[[str], list[str]]) -> None:
        import ahocorasick

        self._automaton: Any = ahocorasick.Automaton()
        for p in patterns:
            surface = p["pattern"]
            if surface and self._automaton.get(surface, None) is None:
                self._automaton.add_word(surface, (len(surface), p["label"], cut(surface)))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def __call__(self, text: str, starts: list[int], words: list[str]) -> list[Match]:
        """Longest non-overlapping matches on token boundaries, in text order."""
        if self._empty or not text:
            return []
        token_at = {pos: i for i, pos in enumerate(starts)}
        found: list[tuple[int, int, str]] = []  # (first token, end token, label)
        for last, (length, label, pattern) in self._automaton.iter(text):
            first = token_at.get(last + 1 - length)
            if first is None:
                continue
            end = first + len(pattern)
            if words[first:end] == pattern:
                found.append((first, end, label))
        found.sort(key=lambda m: (m[0] - m[1], m[0]))
        taken = bytearray(len(words))
        kept: list[tuple[int, int, str]] = []
        for first, end, label in found:
            if any(taken[first:end]):
                continue
            taken[first:end] = b"\x01" * (end - first)
            kept.append((first, end, label))
        kept.sort()
        bounds = [*starts, len(text)]
        return [Match(bounds[first], bounds[end], label) for first, end, label in kept]
