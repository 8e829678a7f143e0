"""Firms the segmenter's dictionary knows as organisations (神华集团, 一汽集团)."""

from __future__ import annotations

import re

from loaders.extract.entities.base import Context, Mention
from loaders.extract.nlp import word_tag

# Names the segmenter's dictionary knows as organisations (神华集团, 一汽集团): a firm where the
# name ends in a firm word and its stem is no common word. Blocs and parties (七国集团) and kinds
# of firm (公交公司, 创投公司) are not firms.
_DICTIONARY_FIRM = re.compile(r"(集团|公司|银行|证券|控股)$")
_NOT_A_FIRM_STEM = re.compile(
    r"[一二三四五六七八九十百]+国$|党$|^(?:公交|创投|信托投资|商业保险|中资|百家)$"
)
_DICTIONARY_STEM_MAX_FREQ = 300


def dictionary_firm_mentions(ctx: Context) -> list[Mention]:
    """Words of the dictionary tagged as organisations that end in a firm word."""
    out = []
    for word, start in zip(ctx.tokens.words, ctx.tokens.starts, strict=True):
        firm = _DICTIONARY_FIRM.search(word) if len(word) >= 4 else None
        if firm is None or word_tag(word) != "nt" or ctx.gaz.lookup(word):
            continue
        stem = word[: firm.start()]
        if ctx.freq(stem) >= _DICTIONARY_STEM_MAX_FREQ or _NOT_A_FIRM_STEM.search(stem):
            continue
        out.append(Mention(start, start + len(word), "Company", word, word, "pattern:known_firm"))
    return out
