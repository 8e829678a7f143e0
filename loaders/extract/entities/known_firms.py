"""Firms the segmenter's dictionary knows as organisations (神华集团, 一汽集团)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from loaders.extract.entities.base import Context, Mention, _CachedGazetteer
from loaders.extract.entities.lexicon import NAME_GOES_ON
from loaders.extract.entities.short_forms import words_ending
from loaders.extract.nlp import word_tag

# A firm where the word ends in a firm word and its stem is no common word. Blocs and parties
# (七国集团) and kinds of firm (公交公司, 创投公司) are not firms.
_FIRM_WORDS = ("集团", "公司", "银行", "证券", "控股")
_NOT_A_FIRM_STEM = re.compile(
    r"[一二三四五六七八九十百]+国$|党$|^(?:公交|创投|信托投资|商业保险|中资|百家)$"
)
_DICTIONARY_STEM_MAX_FREQ = 300


def dictionary_firm_mentions(ctx: Context) -> list[Mention]:
    """Words of the dictionary tagged as organisations that end in a firm word."""
    out = []
    for suffix in _FIRM_WORDS:
        for word, start in words_ending(ctx, suffix):
            if len(word) < 4 or word_tag(word) != "nt" or ctx.gaz.lookup(word):
                continue
            stem = word[: -len(suffix)]
            if ctx.freq(stem) >= _DICTIONARY_STEM_MAX_FREQ or _NOT_A_FIRM_STEM.search(stem):
                continue
            out.append(
                Mention(start, start + len(word), "Company", word, word, "pattern:known_firm")
            )
    return out


def group_short_form(ctx: Context, stem: str, suffix: str) -> bool:
    """Whether `stem` is a group's short form the gazetteer does not read before `suffix`
    (NAME_GOES_ON), and stem + suffix a name it does not know."""
    if type(ctx.gaz) is _CachedGazetteer:  # (its lookups are memoised: so may this be)
        return _reads_group_short_form(stem, suffix, ctx.gaz)
    return _reads_group_short_form.__wrapped__(stem, suffix, ctx.gaz)


@lru_cache(maxsize=16384)
def _reads_group_short_form(stem: str, suffix: str, gaz: Any) -> bool:
    if not NAME_GOES_ON.match(suffix) or gaz.lookup(stem + suffix):
        return False
    return any(e.label == "Company" and e.name != stem for e in gaz.lookup(stem))
