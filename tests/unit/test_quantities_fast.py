"""The fast spellings of the quantity readers (loaders.extract.numbers, quantities, qualifiers)
give what their plain spellings give, on invented strings of numerals, units, marks and words."""

from __future__ import annotations

import random

from loaders.extract.numbers import fold_width, tidy
from loaders.extract.qualifiers import _CLAUSE_MARK, _clause
from loaders.extract.quantities import _OPENING, find_quantities, next_opening, opens_alone

_POOL = ["星云", "洛阳市", "投资", "8", "亿元", "三", "十", "家", "百分之", "五", "１２", "．", "%",
         "，", "；", ":", "。", "\n", "一体化", "万", "台", "两", "第", "A", " "]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_POOL) for _ in range(rng.randint(0, 20))) for _ in range(n)]


def test_clause_starts_after_the_last_mark_before_the_number() -> None:
    for text in _texts(500, 1):
        for at in range(len(text) + 1):
            start = 0
            for m in _CLAUSE_MARK.finditer(text, 0, at):
                start = m.end()
            after = _CLAUSE_MARK.search(text, at)
            assert _clause(text, at, at) == (start, after.start() if after else len(text))


def test_a_whole_number_is_tidied_as_rounding_would() -> None:
    rng = random.Random(2)
    values = [0.0, -3.0, 1e20, 2.0**60, 4.5e8, 1.2e12, 0.1 + 0.2, 2.9999999999]
    values += [rng.uniform(-1e6, 1e6) for _ in range(200)]
    values += [float(rng.randint(-(10**12), 10**12)) for _ in range(200)]
    for value in values:
        rounded = round(value, 6)
        plain = int(rounded) if rounded == int(rounded) else rounded
        assert tidy(value) == plain and type(tidy(value)) is type(plain)


def test_the_article_read_whole_finds_the_first_opening_of_a_sentence_alone() -> None:
    """next_opening reads the article whole (the characters after a sentence are seen), and
    opens_alone tests its answer in the sentence alone: together they find where the sentence
    read alone first opens; a scan from there finds what a scan from the start finds."""
    for text in _texts(1000, 3):
        folded = fold_width(text)
        alone = _OPENING.search(folded)
        article = "十" + folded + "亿" + folded
        at, end = next_opening(article, 1), 1 + len(folded)
        first = at - 1 if 0 <= at < end and opens_alone(article, at, end) else -1
        assert first == (alone.start() if alone else -1)
        if first >= 0:
            assert find_quantities(text, folded, first) == find_quantities(text)
