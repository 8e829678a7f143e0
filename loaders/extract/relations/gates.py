"""Gate words found in a sentence by one scan for the words of every rule set's gates, not by one
`in` test per word and rule (scan.holds_any): a sentence is tested against several gates, and
`in` reads the whole sentence for each word.

A rule set turns its `scan.gate_words` answer into a gate with `gate(words)` at import; then
`SentenceView.holds(gate)` answers as `holds_any(sentence text, words)` would."""

from __future__ import annotations

import re

_WORDS: dict[str, None] = {}  # every gate's words, in the order first given
# The scan for them, and the words a match of each may hide (see _may_hide); built when first
# needed, again after a new word joins.
_scanner: tuple[re.Pattern[str], dict[str, tuple[str, ...]]] | None = None
_NONE: frozenset[str] = frozenset()


def gate(words: tuple[str, ...]) -> frozenset[str]:
    """`words` (a gate_words answer) as a set for `SentenceView.holds`; they join the words
    every sentence is scanned for."""
    global _scanner
    for word in words:
        if not word:
            raise ValueError("an empty gate word")
        if word not in _WORDS:
            _WORDS[word] = None
            _scanner = None
    return frozenset(words)


def _may_hide(other: str, word: str) -> bool:
    """Whether a match of `other` may cover the place where `word` starts (they overlap, or
    start at the same place): the scan's matches do not overlap, so it may not report `word`."""
    return any(
        other[k:].startswith(word) or word.startswith(other[k:]) for k in range(len(other))
    )


def _build() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    words = sorted(_WORDS, key=len, reverse=True)
    hides = {
        other: tuple(w for w in words if w != other and _may_hide(other, w)) for other in words
    }
    return re.compile("|".join(map(re.escape, words))), {o: h for o, h in hides.items() if h}


def words_in(text: str) -> frozenset[str]:
    """The gate words that `text` holds. (A word written at some place that the scan does not
    report there lies under a match of a word that may hide it, which the scan reports: a
    search from where the last match ended finds the first place a word starts at or after
    it. So the words hidden are among those of `hides` of the words reported, tested alone.)"""
    global _scanner
    if not _WORDS:
        return _NONE
    if _scanner is None:
        _scanner = _build()
    pattern, hides = _scanner
    matched = pattern.findall(text)
    if not matched:
        return _NONE
    found = set(matched)
    for other in matched:
        for word in hides.get(other, ()):
            if word not in found and word in text:
                found.add(word)
    return frozenset(found)
