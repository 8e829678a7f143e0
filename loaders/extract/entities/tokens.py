"""Token boundaries of a segmented text, addressable by character offset."""

from __future__ import annotations

from bisect import bisect_right

from loaders.extract.entities.lexicon import STOP_TOKENS
from loaders.extract.nlp import TextDoc as Doc

QUOTES = "“”‘’\"'「」『』"
PUNCT = set("，。、；：！？,.;:!?()（）《》【】[]—…·/\\|　 \t\n") | set(QUOTES)


class TokenIndex:
    """Token boundaries of a Doc, addressable by character offset."""

    def __init__(self, doc: Doc) -> None:
        from loaders.extract.nlp import doc_text, token_offsets

        self.text = doc_text(doc)
        self._length = len(self.text)  # (read by is_boundary, called thousands of times)
        self.starts, self.words = token_offsets(doc)

    def token_at(self, pos: int) -> int:
        """Index of the token that contains character `pos`."""
        return bisect_right(self.starts, pos) - 1

    def is_boundary(self, pos: int) -> bool:
        """True when a token starts (or the text ends) at `pos`."""
        if pos <= 0 or pos >= self._length:
            return True
        return self.starts[bisect_right(self.starts, pos) - 1] == pos  # token_at(pos)

    def left_edge(self, pos: int, max_chars: int = 14, stop_at_place: bool = False) -> int:
        """Start of the name that ends at `pos`: walk back over tokens until a stop word,
        punctuation or `max_chars`."""
        if pos <= 0:
            return 0
        starts, words = self.starts, self.words
        i = bisect_right(starts, pos - 1) - 1  # token_at(pos - 1)
        start = pos
        limit = pos - max_chars  # a token starting before it is beyond `max_chars`
        while i >= 0:
            word = words[i]
            tok_start = starts[i]
            if word in STOP_TOKENS or word[-1] in PUNCT or word.isspace() or tok_start < limit:
                break
            start = tok_start
            i -= 1
        return start

    def stops_before(self, pos: int, max_chars: int = 14) -> bool:
        """Whether `left_edge(pos, max_chars)` is `pos`: its walk stops at the first token."""
        if pos <= 0:
            return pos == 0  # (left_edge gives 0)
        i = bisect_right(self.starts, pos - 1) - 1  # token_at(pos - 1)
        if i < 0:
            return True
        return stops_walk(self.words[i], self.starts[i], pos - max_chars)

    def token_words(self, start: int, end: int) -> list[str]:
        if start >= end:
            return []
        starts = self.starts  # token_at(start), token_at(end - 1):
        i, j = bisect_right(starts, start) - 1, bisect_right(starts, end - 1) - 1
        return self.words[i : j + 1]


def stops_walk(word: str, at: int, limit: int) -> bool:
    """Whether the `left_edge` walk stops at the token `word` written at `at` (a stop word,
    punctuation, or a token opening before `limit`)."""
    return word in STOP_TOKENS or word[-1] in PUNCT or word.isspace() or at < limit
