"""The faster forms of the quoted, project and platform finders answer as the plain ones.

Texts are invented for these tests.
"""

from __future__ import annotations

import random

from loaders.extract.entities import platforms, projects, quoted
from loaders.extract.entities.anchor_scan import finditer_around
from loaders.extract.entities.base import Context, _word_tag, inside_name_reader
from loaders.extract.entities.projects import (
    _CODE_OR_EDITION,
    _INVEST_VERB,
    _NEVER_IN_NAME,
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
        if not frozenset("()（）").isdisjoint(word):
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


def _plain_type_of(name: str) -> tuple[str, str] | None:
    for length in range(min(len(name), 8), 0, -1):
        label = quoted._TYPE_LABEL.get(name[-length:])
        if label:
            return name[-length:], label
    return None


def test_type_of_by_ending_reads_the_longest_type_word_as_every_length_does() -> None:
    assert max(map(len, quoted._TYPE_LABEL)) <= 8  # (the plain walk reads 8 at most)
    pieces = ["甲乙", "星河", "三年", *quoted._TYPE_LABEL, "计", "划", "台", "A", "P", ""]
    rng = random.Random(5)
    names = set(quoted._TYPE_LABEL) | {""}
    names |= {"".join(rng.choice(pieces) for _ in range(rng.randint(1, 4))) for _ in range(4000)}
    for name in names:
        assert quoted._type_of(name) == _plain_type_of(name)


def test_carried_out_quotes_scanned_near_quoted_names_match_as_a_full_scan() -> None:
    words = ["建设", "打造", "深化", "举办", "甲乙", "星河市", "“", "‘", "”", "’", "、", "和",
             "丙丁走廊", "戊己庚辛壬癸子丑寅卯辰巳", "，", "\n", "等", "活动"]
    rng = random.Random(7)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(words) for _ in range(rng.randint(0, 30)))
        plain = [(m.span(), m.groups()) for m in quoted._CARRIED_OUT.finditer(text)]
        openings = [(m.start(), m.start() + 1) for m in quoted._QUOTED_RE.finditer(text)]
        near = finditer_around(quoted._CARRIED_OUT, text, openings, *quoted._CARRIED_OUT_REACH)
        assert [(m.span(), m.groups()) for m in near] == plain
        found += len(plain)
    assert found > 200


def _plain_product_latin(word: str) -> bool:
    if word in platforms._TECH_WORDS or len(word) < 3 or platforms._RANKING.fullmatch(word):
        return False
    if " " in word:
        return all(w[:1].isupper() for w in word.split())
    mixed = any(c.islower() for c in word) and any(c.isupper() for c in word)
    upper = word.isupper()
    return mixed or bool(platforms._DIGIT_OR_HYPHEN.search(word, 1)) or (upper and len(word) >= 6)


def test_product_latin_reads_mixed_case_as_the_walk_over_letters_does() -> None:
    letters = ["a", "B", "x", "Q", "OS", "sup", "1", "-", ".", "³", "ǅ", "ß", "É", "é", "甲"]
    rng = random.Random(3)
    words = {"".join(rng.choice(letters) for _ in range(rng.randint(1, 8))) for _ in range(6000)}
    words |= {"supOS", "TrustOS", "INDICS", "AI", "SaaS", "Top3", "i-OMC", "123", "ǅabc"}
    for word in words:
        assert platforms._product_latin(word) == _plain_product_latin(word), word


def test_suffix_kinds_read_once_are_what_the_suffix_patterns_say() -> None:
    text = "甲乙产业园区、星河科技园与地铁3号线、丙丁运河、戊己资助计划、庚辛创新中心、壬癸项目"
    kinds = (projects._PARK_END, projects._FACILITY_WORDS, projects._INFRASTRUCTURE)
    for m in projects._PROJECT_SUFFIX.finditer(text):
        suffix = m.group(0)
        plain = (*(bool(k.search(suffix)) for k in kinds), bool(projects._SCHEME.search(suffix)))
        assert projects._suffix_kinds(suffix) == plain
