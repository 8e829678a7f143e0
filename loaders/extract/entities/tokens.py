"""Token boundaries of a segmented text, addressable by character offset."""

from __future__ import annotations

from bisect import bisect_right
from itertools import chain, repeat

from loaders.extract.entities.lexicon import STOP_TOKENS
from loaders.extract.nlp import TextDoc as Doc

QUOTES = "“”‘’\"'「」『』"
PUNCT = set("，。、；：！？,.;:!?()（）《》【】[]—…·/\\|　 \t\n") | set(QUOTES)


class TokenIndex:
    """Token boundaries of a Doc, addressable by character offset."""

    def __init__(self, doc: Doc) -> None:
        from loaders.extract.nlp import doc_text, token_offsets

        self.text = doc_text(doc)
        self.starts, self.words = token_offsets(doc)
        # The token of each character (a list index instead of a bisection of `starts`; the
        # tokens follow one another from offset 0) and the set of token starts.
        lengths = map(len, self.words)
        self.token_of = list(chain.from_iterable(map(repeat, range(len(self.words)), lengths)))
        self.start_set = frozenset(self.starts)

    def token_at(self, pos: int) -> int:
        """Index of the token that contains character `pos`."""
        if 0 <= pos < len(self.token_of):
            return self.token_of[pos]
        return bisect_right(self.starts, pos) - 1

    def is_boundary(self, pos: int) -> bool:
        """True when a token starts (or the text ends) at `pos`."""
        return pos <= 0 or pos >= len(self.text) or pos in self.start_set

    def left_edge(self, pos: int, max_chars: int = 14, stop_at_place: bool = False) -> int:
        """Start of the name that ends at `pos`: walk back over tokens until a stop word,
        punctuation or `max_chars`."""
        if pos <= 0:
            return 0
        starts, words, token_of = self.starts, self.words, self.token_of
        i = token_of[pos - 1] if pos <= len(token_of) else bisect_right(starts, pos - 1) - 1
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

    def token_words(self, start: int, end: int) -> list[str]:
        if start >= end:
            return []
        token_of, size = self.token_of, len(self.token_of)
        i = token_of[start] if 0 <= start < size else bisect_right(self.starts, start) - 1
        j = token_of[end - 1] if 0 < end <= size else bisect_right(self.starts, end - 1) - 1
        return self.words[i : j + 1]
