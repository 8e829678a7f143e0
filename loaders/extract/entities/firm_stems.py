"""What a short firm name (a stem, then an industry or firm word: 星云科技, 甲乙集团) is made of:
the kind of its suffix, and whether its stem's words can be a name's."""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.extract.entities.base import HAN, is_predicate
from loaders.extract.nlp import word_tag

_HAN_CHAR = re.compile(f"[{HAN}]")
_FIRM_ONLY_SUFFIX = re.compile(
    r"(?:科技|集团|控股|实业|药业|制药|锂业|铜业|铝业|矿业|煤业|智家|精工|股份|资本|投资|证券|银行)$"
)
# Firm words that close a place-led name of ordinary words (甲省信用担保集团); 科技 does not:
# 甲省坚持科技自立 is a phrase.
_GROUP_WORD = re.compile(r"集团|控股|股份|资本|银行|证券")


@lru_cache(maxsize=512)  # (suffixes come from a fixed word list, or two of its words joined)
def suffix_kind(suffix: str) -> tuple[bool, bool, bool]:
    """For a firm word (科技, 集团, 实业集团): whether it holds a group word, whether it opens
    with one, and whether it names only firms (_FIRM_ONLY_SUFFIX), not also a field."""
    return (
        _GROUP_WORD.search(suffix) is not None,
        _GROUP_WORD.match(suffix) is not None,
        _FIRM_ONLY_SUFFIX.search(suffix) is not None,
    )


_PROPER_TAGS = ("nr", "ns", "nt", "nz", "j")
# 7家, 三类, and the counted "big ones" (五大发电集团): a category, never a name
_CLASSIFIED_NUMBER = re.compile(
    r"\d|[一二三四五六七八九十百千万亿两几多]+[个家座项类种批]|[两三四五六七八九十]大"
)


@lru_cache(maxsize=16384)  # (a pure function of the words: the dictionary's tags alone)
def _short_name_stem(words: tuple[str, ...], proper_needed: bool) -> bool:
    """A short firm name's stem (the words before 科技, 材料 …): no verb or adverb among its
    words, no counted number; before a word that also names a field, a proper word (a name,
    a place, a word the dictionary does not know, or the single characters of one)."""
    stem = "".join(words)
    if _CLASSIFIED_NUMBER.search(stem):
        return False
    if any(len(w) > 1 and is_predicate(w) for w in words):
        return False
    if (
        len(words) > 1
        and len(words[-1]) == 1
        and (word_tag(words[-1]) or "") == "v"
        and all(len(w) > 1 and (word_tag(w) or "") in ("n", "vn", "v", "a") for w in words[:-1])
    ):
        return False  # 党员干部懂(科技): common words and a verb, a clause and not a name
    return not proper_needed or any(_proper_word(w) for w in words)


def _proper_word(word: str) -> bool:
    """A name, a place, a word the dictionary does not know, or a character of such a word."""
    tag = word_tag(word) or ""
    if len(word) == 1:
        return not tag.startswith(("v", "p", "c", "u", "d", "r", "m", "q"))
    return tag.startswith(_PROPER_TAGS) or (not tag and bool(_HAN_CHAR.match(word)))
