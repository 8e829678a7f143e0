"""The spaCy pipeline: blank Chinese, jieba segmentation with a domain dictionary, sentences on
Chinese punctuation, and an entity ruler built from the gazetteer.

Everything heavy (jieba's dictionary, the gazetteer, the ruler's patterns) is built once, on first
use of `get_nlp()`, never at import. The tokenizer keeps every character of the input (whitespace
included) so token and sentence offsets are offsets into the normalized article text.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from loaders.extract.segment import Segmenter, build_segmenter

# Sentence ends: Chinese and ASCII terminal punctuation, the semicolon (it separates independent
# clauses in Chinese news) and line breaks (paragraphs, headings).
SENTENCE_END = frozenset("。！？；!?;\n")
# Closing marks that stay with the sentence they end: 。” belongs to the quote before it.
_CLOSERS = frozenset("”’」』)）")
# A sentence end: terminal marks (and the closing quotes after them), or a line break.
_SENTENCE_END_RE = re.compile(r"[。！？；!?;]+[”’」』)）]*|\n+")

# Domain words added to jieba besides gazetteer names, so common domain compounds are kept whole.
_DOMAIN_WORDS = (
    "工业互联网",
    "工业互联网平台",
    "股份有限公司",
    "有限公司",
    "有限责任公司",
    "数字化转型",
    "标识解析",
    "二级节点",
    "专项行动",
    "行动计划",
    "实施方案",
    "实施意见",
    "指导意见",
    "白皮书",
)

_lock = threading.Lock()
_nlp: Language | None = None


@dataclass(frozen=True)
class Sentence:
    """One sentence of the normalized text: `text == article_text[start:end]`."""

    text: str
    start: int
    end: int


class JiebaTokenizer:
    """spaCy tokenizer over a private jieba dictionary (the global one stays untouched), cut by
    loaders.extract.segment (jieba's words, computed by jieba-rs).

    jieba returns every character of the input, so the tokens concatenate back to the text and
    no whitespace bookkeeping is needed. The HMM guesser for unknown words is off: names are found
    by the gazetteer and by character patterns, and the HMM pass costs more than the whole rest.
    """

    def __init__(self, vocab: Any, segmenter: Segmenter) -> None:
        self.vocab = vocab
        self.segmenter = segmenter

    def __call__(self, text: str) -> Doc:
        words = self.segmenter.cut(text)
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        doc.user_data["iikg_text"] = text  # Doc.text re-joins every token on each access
        starts = list(itertools.accumulate(map(len, words), initial=0))[:-1]
        doc.user_data["iikg_tokens"] = (starts, words)  # what token_offsets() would compute
        return doc

    def pipe(self, texts: list[str]) -> Any:
        return (self(t) for t in texts)

    # spaCy calls these when a pipeline is serialized; this tokenizer is rebuilt from code instead.
    def to_bytes(self, **_: Any) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_: Any) -> JiebaTokenizer:
        return self


@Language.component("iikg_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    """Sentences end after Chinese terminal punctuation and line breaks.

    They are stored as the span group doc.spans["sentences"] (and their character offsets in
    doc.user_data): writing token.is_sent_start, or Doc.from_array, walks every token in Python
    several times, which costs as much as the segmentation itself.
    """
    # Sentence ends found on the text; token boundaries only where a sentence starts.
    token_starts, _ = token_offsets(doc)
    text = doc_text(doc)
    char_starts = [0] if text else []
    for end in _SENTENCE_END_RE.finditer(text):
        if end.end() < len(text):
            char_starts.append(end.end())
    starts: list[int] = []  # token indices
    kept: list[int] = []
    for pos in char_starts:
        i = bisect.bisect_left(token_starts, pos)
        if i < len(token_starts) and (not starts or i > starts[-1]):
            starts.append(i)
            kept.append(token_starts[i])
    char_starts = kept
    doc.user_data["iikg_sentence_starts"] = char_starts
    ends = [*starts[1:], len(doc)] if starts else []
    doc.spans["sentences"] = [doc[s:e] for s, e in zip(starts, ends, strict=True)]
    return doc


def token_offsets(doc: Doc) -> tuple[list[int], list[str]]:
    """(start offsets, texts) of the tokens, computed once per Doc and cached in user_data:
    reading them through Token objects costs more than segmentation itself."""
    cached = doc.user_data.get("iikg_tokens")
    if cached is None:
        from spacy.attrs import IDX, LENGTH

        text = doc_text(doc)
        spans = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        cached = ([i for i, _ in spans], [text[i : i + n] for i, n in spans])
        doc.user_data["iikg_tokens"] = cached
    return cached


def doc_text(doc: Doc) -> str:
    """The text of a Doc made by this pipeline's tokenizer (equal to doc.text, but free)."""
    text = doc.user_data.get("iikg_text")
    return doc.text if text is None else text


def token_texts(doc: Doc) -> list[str]:
    return token_offsets(doc)[1]


@Language.factory("iikg_gazetteer")
def make_gazetteer_matcher(nlp: Language, name: str) -> Any:
    # The patterns are read here rather than passed through the component config: spaCy
    # type-checks config values, which takes seconds for the gazetteer's thousands of entries.
    return GazetteerMatcher(nlp, ruler_patterns())


class GazetteerMatcher:
    """The entity ruler of the pipeline: a PhraseMatcher over gazetteer surfaces, longest
    non-overlapping matches kept, stored as the span group doc.spans["gazetteer"].

    It does what spaCy's entity_ruler does, without writing doc.ents: reading and writing
    doc.ents walks every token in Python and would cost as much as the segmentation.
    """

    def __init__(self, nlp: Language, patterns: list[dict[str, str]]) -> None:
        from spacy.matcher import PhraseMatcher

        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_label: dict[str, list[str]] = {}
        for p in patterns:
            by_label.setdefault(p["label"], []).append(p["pattern"])
        for label, texts in by_label.items():
            self.matcher.add(label, list(nlp.tokenizer.pipe(texts)))

    def __call__(self, doc: Doc) -> Doc:
        matches = sorted(self.matcher(doc), key=lambda m: (m[1] - m[2], m[1]))
        taken = bytearray(len(doc))
        spans = []
        for match_id, start, end in matches:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            spans.append(doc[start:end])
            spans[-1].label_ = doc.vocab.strings[match_id]
        doc.spans["gazetteer"] = sorted(spans, key=lambda s: s.start)
        return doc


def sentences(doc: Doc) -> Iterator[Sentence]:
    """Non-blank sentences of `doc`, stripped, with offsets into `doc.text`."""
    text = doc_text(doc)
    starts = doc.user_data.get("iikg_sentence_starts")
    if starts is None:
        bounds = [(span.start_char, span.end_char) for span in doc.spans.get("sentences", [])]
    else:
        bounds = list(zip(starts, [*starts[1:], len(text)][: len(starts)], strict=True))
    for start, end in bounds:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield Sentence(text[start:end], start, end)


def ruler_patterns() -> list[dict[str, str]]:
    """Entity-ruler phrase patterns from the gazetteer: one per surface form, labelled."""
    from loaders.extract.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    patterns: list[dict[str, str]] = []
    seen: set[str] = set()
    for surface, entry in gaz.surfaces():
        if surface in seen or len(surface) < 2:
            continue
        seen.add(surface)
        patterns.append({"label": entry.label, "pattern": surface})
    return patterns


def _load() -> Language:
    import jieba
    import spacy

    jieba.setLogLevel(logging.WARNING)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    words = [p["pattern"] for p in ruler_patterns()] + list(_DOMAIN_WORDS)
    nlp.tokenizer = JiebaTokenizer(nlp.vocab, build_segmenter(words))
    nlp.add_pipe("iikg_sentences")
    nlp.add_pipe("iikg_gazetteer")
    return nlp


def get_nlp() -> Language:
    """The shared pipeline, built on first call (a few seconds: jieba and the gazetteer)."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                _nlp = _load()
    return _nlp


def word_frequency(word: str) -> int:
    """jieba's corpus frequency of `word` (0 when unknown): a cheap test for common words."""
    nlp = get_nlp()
    segmenter = nlp.tokenizer.segmenter  # type: ignore[attr-defined]
    base = segmenter.base_freq.get(word)
    return int(segmenter.FREQ.get(word, 0) if base is None else base)



_tags: dict[str, str] | None = None


def word_tag(word: str) -> str | None:
    """jieba's part-of-speech tag of a dictionary word (v, n, ns, d, p …), None when unknown:
    tells a verb or adverb in front of a name from a word of the name. Read from jieba's own
    dictionary file on first use (jieba's global tokenizer is never initialised for it)."""
    global _tags
    if _tags is None:
        with _lock:
            if _tags is None:
                _tags = _read_tags()
    return _tags.get(word)


def _read_tags() -> dict[str, str]:
    import jieba

    tags: dict[str, str] = {}
    with jieba.get_dict_file() as stream:
        for raw in stream:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags
