"""The cached kind of a firm word answers as the patterns it stands for, for every suffix the
industry scan can hand it (one word of the list, or two firm words written as one token).

Texts are invented for these tests.
"""

from __future__ import annotations

from loaders.extract.entities.companies import _INDUSTRY_SUFFIX
from loaders.extract.entities.firm_stems import _FIRM_ONLY_SUFFIX, _GROUP_WORD, suffix_kind

_SUFFIXES = _INDUSTRY_SUFFIX.split("|")


def test_suffix_kind_agrees_with_the_patterns() -> None:
    pairs = [a + b for a in _SUFFIXES for b in ("集团", "控股", "股份")]
    for suffix in [*_SUFFIXES, *pairs, "投资", "甲乙", ""]:
        assert suffix_kind(suffix) == (
            bool(_GROUP_WORD.search(suffix)),
            bool(_GROUP_WORD.match(suffix)),
            bool(_FIRM_ONLY_SUFFIX.search(suffix)),
        )
