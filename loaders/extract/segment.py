"""jieba segmentation, compiled: the words of `jieba.Tokenizer.cut(text, HMM=False)`, computed by
jieba-rs (the `rjieba` wheel) over a copy of the same dictionary.

    segmenter = build_segmenter(words)   # jieba's dictionary plus `words`, boosted as before
    segmenter.cut(text)                  # list of words, equal to jieba's cut(text, HMM=False)
    segmenter.FREQ, segmenter.base_freq  # jieba's frequencies (the dictionary stays jieba's)

jieba stays the dictionary: every word of the jieba tokenizer's FREQ with a frequency is copied
into an empty jieba-rs instance, and the total frequency (which weighs each route) is made equal
to jieba's. Both run the same dynamic program (route by the largest summed log frequency, the
longer word on a tie; single Latin letters and digits joined), so the words are the same; the
test suite checks it token by token. Text is cut into blocks by jieba's own expression first:
jieba-rs reads a few rare ideograph ranges as part of a block where jieba does not, so a text
holding one of those goes block by block. Without rjieba installed, jieba's own cut is used.
"""

from __future__ import annotations

import logging
import re
from typing import Any

# jieba 0.42's blocks for the default (non cut_all) mode and its whitespace split inside others.
_RE_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_RE_SKIP = re.compile("(\r\n|\\s)")
# Characters jieba-rs takes into a block and jieba does not (CJK extensions, compatibility).
_RS_ONLY = re.compile("[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
# A word that never occurs inside a block: it carries the frequency jieba counts in its total
# beyond its words' (a word added twice counts twice there).
_PAD_WORD = "\x00"


class Segmenter:
    """jieba's dictionary and frequencies; `cut` by jieba-rs when it is installed."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self.FREQ: dict[str, int] = tokenizer.FREQ
        self.base_freq: dict[str, int] = {}
        self._compiled: Any = None

    def add_word(self, word: str, freq: int) -> None:
        if self._compiled is not None:
            raise RuntimeError("add words before compile()")
        self.tokenizer.add_word(word, freq=freq)

    def compile(self) -> None:
        """Copy the dictionary into jieba-rs (about half a second); no-op without rjieba."""
        try:
            import rjieba
        except ImportError:
            return
        compiled = rjieba.Jieba.empty()
        counted = 0
        for word, freq in self.FREQ.items():
            if freq > 0:
                compiled.add_word(word, freq, None)
                counted += freq
        if self.tokenizer.total > counted:
            compiled.add_word(_PAD_WORD, self.tokenizer.total - counted, None)
        self._compiled = compiled

    def cut(self, text: str) -> list[str]:
        """The words of `text` (every character kept), as jieba's cut(text, HMM=False)."""
        compiled = self._compiled
        if compiled is None:
            return [w for w in self.tokenizer.cut(text, HMM=False) if w]
        if not _RS_ONLY.search(text):
            return compiled.cut(text, False)
        words: list[str] = []
        for block in _RE_HAN.split(text):
            if not block:
                continue
            if _RE_HAN.match(block):
                words.extend(compiled.cut(block, False))
                continue
            for piece in _RE_SKIP.split(block):
                if _RE_SKIP.match(piece):
                    words.append(piece)
                else:
                    words.extend(piece)
        return words


def build_segmenter(words: list[str]) -> Segmenter:
    """jieba's dictionary with `words` added at a frequency that keeps each one whole."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    segmenter = Segmenter(tokenizer)
    # The dictionary's own frequencies, before the domain words are boosted: word_frequency()
    # answers "is this ordinary vocabulary?" and must not see the boost.
    segmenter.base_freq = {w: segmenter.FREQ.get(w, 0) for w in words}
    # A frequency above any competing split keeps each domain name as one token.
    for word in words:
        if len(word) > 1 and not word.isspace():
            freq = segmenter.FREQ.get(word, 0)
            segmenter.add_word(word, freq=max(freq, 10 ** min(4 + len(word), 9)))
    segmenter.compile()
    return segmenter
