"""The faster forms of the quoted, project and platform finders answer as the plain ones.

Texts are invented for these tests.
"""

from __future__ import annotations

from loaders.extract.entities.base import Context, _word_tag, inside_name_reader
from loaders.extract.entities.projects import (
    _CODE_OR_EDITION,
    _INVEST_VERB,
    _NEVER_IN_NAME,
    _PARENS,
    _cut_at_verbs,
)
from loaders.extract.nlp import get_nlp, word_frequency

_TEXTS = [
    "星河市推行甲乙计划，经开区全面实施星云（丙丁）人才工程，甲公司副董事长是乙中心主任。",
    "宁海县某地投资建设甲乙光伏项目，星河区由丙丁集团(甲市)新设第三届创新中心",
    "2024年首届星云大会在甲市召开，拟投资兴建星河科技产业园区和甲乙（丙丁、戊己）工程",
]


def _plain_cut_at_verbs(ctx: Context, left: int, pos: int) -> int:
    """`_cut_at_verbs` as a walk that classifies every word anew."""
    tokens, text = ctx.tokens, ctx.text
    if left >= pos:
        return left
    i, depth, cut = tokens.token_at(left), 0, left
    inside, freq = inside_name_reader(ctx), ctx.freq
    while i < len(tokens.words) and tokens.starts[i] < pos:
        word, start = tokens.words[i], tokens.starts[i]
        if not _PARENS.isdisjoint(word):
            depth += word.count("(") + word.count("（") - word.count(")") - word.count("）")
        end = start + len(word)
        if (
            depth <= 0
            and end <= pos
            and (
                word in _NEVER_IN_NAME
                or (
                    end < pos
                    and len(word) > 1
                    and not _CODE_OR_EDITION.fullmatch(word)
                    and (not inside(word, 0, freq) or _word_tag(word) == "t")
                )
            )
        ):
            cut = end
        i += 1
    if cut > left and text[cut : cut + 1] in ("的", "了", "着"):
        cut += 1
    invest = list(_INVEST_VERB.finditer(text, cut, pos))
    if invest and pos - invest[-1].end() >= 4 and ctx.cities_in(cut, invest[-1].start()):
        cut = invest[-1].end()
    return cut


def test_cut_at_verbs_with_cached_word_kinds_cuts_as_the_plain_walk() -> None:
    for text in _TEXTS:
        for freq in (word_frequency, lambda w: word_frequency(w) // 2):
            ctx = Context(get_nlp()(text), "", freq)
            for pos in range(len(text) + 1):
                for left in range(max(0, pos - 24), pos + 1):
                    assert _cut_at_verbs(ctx, left, pos) == _plain_cut_at_verbs(ctx, left, pos)
