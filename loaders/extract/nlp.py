"""The text pipeline: jieba segmentation with a domain dictionary, sentences on Chinese
punctuation, and the gazetteer's surfaces matched on token boundaries.

    nlp = get_nlp()                  # built once: jieba's dictionary, the gazetteer's patterns
    doc = nlp(text)                  # TextDoc: tokens, sentences, gazetteer matches
    token_offsets(doc), sentences(doc), doc.spans["gazetteer"]

Everything heavy (jieba's dictionary, the gazetteer, the matcher's patterns) is built once, on
first use of `get_nlp()`, never at import. The tokens keep every character of the input
(whitespace included) so token and sentence offsets are offsets into the normalized article text.
A document is plain Python lists: the extraction reads tokens by character offset, which a spaCy
Doc (its vocabulary lookups, span groups) made cost as much as the segmentation itself.
"""

from __future__ import annotations

import bisect
import itertools
import re
import sys
import threading
from collections.abc import Iterator
from typing import NamedTuple

from loaders.extract.phrases import Match, PhraseMatcher
from loaders.extract.segment import Segmenter, build_segmenter

# Sentence ends: Chinese and ASCII terminal punctuation, the semicolon (it separates independent
# clauses in Chinese news) and line breaks (paragraphs, headings).
SENTENCE_END = frozenset("。！？；!?;\n")
# Closing marks that stay with the sentence they end: 。” belongs to the quote before it.
_CLOSERS = frozenset("”’」』)）")
# A sentence end: terminal marks (and the closing quotes after them), or line breaks. (Written
# to open with one character class, so that the scan skips fast to the next end:
# [。！？；!?;]+[”’」』)）]*|\n+ is the same pattern.)
_SENTENCE_END_RE = re.compile(
    r"[。！？；!?;\n](?:(?<=\n)\n*|(?<=[。！？；!?;])[。！？；!?;]*[”’」』)）]*)"
)

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

# Terms of technology and industry newer than jieba's dictionary: vocabulary, never a name's
# stem (区块链网络, 具身智能 are fields, not firms). Kept whole and read as common nouns.
FIELD_TERMS = frozenset(
    """区块链 具身智能 元宇宙 大模型 算力 钙钛矿 永磁 人形机器人 低空经济
    数字孪生 边缘计算 物联网 云计算 大数据 人工智能 智能网联 新能源汽车
    动力电池 氢能 储能 集成电路 量子计算 量子通信 量子科技 生物医药 商业航天
    基因治疗 细胞治疗 脑机接口 合成生物 卫星互联网 智能制造 先进制造 工业软件
    数字经济 机器视觉 机器学习 深度学习 自动驾驶 无人驾驶 车联网 硬核科技
    黑科技 高新技术 新材料 超导材料 新型能源 前沿科技 未来产业 战略性新兴产业
    数据要素 数据中心 智算中心 算力中心 信创 生成式人工智能 多模态 云原生
    微服务 低代码 数字化车间 智能工厂 灯塔工厂 工业母机 高端装备 新型储能
    光储充 充电桩 换电 固态电池 锂电池 燃料电池 碳纤维 第三代半导体 碳化硅
    氮化镓 赋能 数智化""".split()  # noqa: SIM905
)
FIELD_TERM_FREQ = 1000  # read as a common word of the language (see word_frequency)

_lock = threading.Lock()
_nlp: Pipeline | None = None


class Sentence(NamedTuple):
    """One sentence of the normalized text: `text == article_text[start:end]` (a named tuple:
    immutable, and cheaper to build than a frozen dataclass)."""

    text: str
    start: int
    end: int


# Builds a named tuple from a tuple of its fields: the same object as calling the class, whose
# __new__ is a Python function (a frame per sentence).
_new = tuple.__new__


class TextDoc:
    """One segmented text: its tokens (start offsets and words), the start offsets of its
    sentences and its gazetteer matches (`spans["gazetteer"]`, by start)."""

    __slots__ = ("sentence_starts", "spans", "starts", "text", "words")

    def __init__(self, text: str, words: list[str], gazetteer: PhraseMatcher) -> None:
        self.text = text
        self.words = words
        self.starts: list[int] = list(itertools.accumulate(map(len, words), initial=0))
        self.starts.pop()  # the end of the text
        self.sentence_starts = _sentence_starts(text, self.starts)
        self.spans: dict[str, list[Match]] = {"gazetteer": gazetteer(text, self.starts, words)}


class Pipeline:
    """Text → TextDoc with one segmenter and one gazetteer matcher."""

    def __init__(self, segmenter: Segmenter, matcher: PhraseMatcher) -> None:
        self.segmenter = segmenter
        self.matcher = matcher

    def __call__(self, text: str) -> TextDoc:
        return TextDoc(text, self.segmenter.cut(text), self.matcher)


def _sentence_starts(text: str, token_starts: list[int]) -> list[int]:
    """Sentences end after Chinese terminal punctuation and line breaks; a sentence starts on
    the first token at or after each end."""
    if not text or not token_starts:
        return []
    size, count = len(text), len(token_starts)
    kept = [token_starts[0]]  # (the text's start: its first token)
    last = 0  # token index of the last sentence start
    bisect_left = bisect.bisect_left
    for m in _SENTENCE_END_RE.finditer(text):
        pos = m.end()
        # (searched from `last` on: an index at or before it is skipped all the same)
        i = bisect_left(token_starts, pos, last)
        if i > last and i < count and pos < size:
            last = i
            kept.append(token_starts[i])
    return kept


def token_offsets(doc: TextDoc) -> tuple[list[int], list[str]]:
    """(start offsets, texts) of the tokens."""
    return doc.starts, doc.words


def doc_text(doc: TextDoc) -> str:
    """The text of a document."""
    return doc.text


def token_texts(doc: TextDoc) -> list[str]:
    return doc.words


def sentences(doc: TextDoc) -> Iterator[Sentence]:
    """Non-blank sentences of `doc`, stripped, with offsets into its text."""
    text = doc.text
    starts = doc.sentence_starts
    ends = starts[1:]
    ends.append(len(text))  # (with no sentence start, zip stops at once)
    for start, end in zip(starts, ends, strict=False):
        span = text[start:end]
        body = span.strip()  # (strip drops exactly the characters for which isspace() holds)
        if body is span:  # most sentences: nothing stripped (strip returns the string itself)
            yield _new(Sentence, (span, start, end))
        elif body:
            start += len(span) - len(span.lstrip())
            yield _new(Sentence, (body, start, start + len(body)))


def ruler_patterns() -> list[dict[str, str]]:
    """Phrase patterns from the gazetteer: one per surface form, labelled."""
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


def _load() -> Pipeline:
    patterns = ruler_patterns()
    words = [p["pattern"] for p in patterns] + list(_DOMAIN_WORDS) + sorted(FIELD_TERMS)
    segmenter = build_segmenter(words)
    return Pipeline(segmenter, PhraseMatcher(patterns, segmenter.cut))


def get_nlp() -> Pipeline:
    """The shared pipeline, built on first call (a few seconds: jieba and the gazetteer)."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                _nlp = _load()
    return _nlp


_frequencies: dict[str, int] | None = None


def word_frequency(word: str) -> int:
    """jieba's corpus frequency of `word` (0 when unknown): a cheap test for common words."""
    return (_frequencies or _merged_frequencies()).get(word, 0)


def _merged_frequencies() -> dict[str, int]:
    """One dict for `word_frequency`: the segmenter's frequencies, the base frequencies of the
    words it was given (before their boost), field terms at least FIELD_TERM_FREQ."""
    global _frequencies
    segmenter = get_nlp().segmenter
    with _lock:
        if _frequencies is None:
            merged = {**segmenter.FREQ, **segmenter.base_freq}  # (int frequencies both)
            for term in FIELD_TERMS:
                merged[term] = max(merged.get(term, 0), FIELD_TERM_FREQ)
            _frequencies = merged
    return _frequencies



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


def opens_proper_word(text: str, start: int, end: int) -> bool:
    """A proper word of the dictionary (nz, nrt) longer than text[start:end] opens at `start`:
    阿里 in 阿里巴巴 is the opening of a name, not a place's short form."""
    proper, sizes = _proper or _proper_words()
    if end <= start:
        return any(text[start:k] in proper for k in range(min(len(text), start + 8), end, -1))
    # only the lengths of the proper words with these two first characters are read
    lengths = sizes.get(text[start : start + 2])
    if lengths is None:  # (most places: no proper word opens with them)
        return False
    longest = min(len(text) - start, 8)
    for n in lengths:  # noqa: SIM110 (a loop: cheaper than any() over a generator)
        if end - start < n <= longest and text[start : start + n] in proper:
            return True
    return False


_proper: tuple[frozenset[str], dict[str, tuple[int, ...]]] | None = None


def _proper_words() -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """The dictionary's proper words (tagged nz or nrt), and by their first two characters the
    lengths they come in."""
    global _proper
    if _proper is None:
        word_tag("")  # the tags, read once
        assert _tags is not None
        words = frozenset(w for w, tag in _tags.items() if tag in ("nz", "nrt"))
        sizes: dict[str, set[int]] = {}
        for w in words:
            if len(w) >= 2:
                sizes.setdefault(w[:2], set()).add(len(w))
        _proper = words, {k: tuple(sorted(v)) for k, v in sizes.items()}
    return _proper


def _read_tags() -> dict[str, str]:
    import jieba

    tags: dict[str, str] = {}
    with jieba.get_dict_file() as stream:
        for raw in stream:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3:
                tags[parts[0]] = sys.intern(parts[2])  # one object per tag: fewer cache misses
    for term in FIELD_TERMS:
        tags.setdefault(term, "n")  # a field term jieba does not know reads as a noun
    return tags
