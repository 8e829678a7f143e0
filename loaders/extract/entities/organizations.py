"""Organizations: non-governmental, non-commercial bodies recognised by the kind word that ends
their name — associations, societies, federations, alliances, chambers of commerce, foundations,
clubs, universities, colleges and schools (and the institutes and departments written with a
university), international organisations."""

from __future__ import annotations

import re

from loaders.extract.entities.base import (
    HAN,
    Context,
    Mention,
    _strip_places,
    name_left_edge,
    stop_inside,
)
from loaders.extract.entities.lexicon import (
    _GENERIC_MODIFIERS,
)
from loaders.extract.scan import finditer_near

# The kind word closing an organisation's name, longest first.
ORGANIZATION_SUFFIXES = (
    "产业技术创新战略联盟|创新联合体|联谊会|宗亲会|同乡会|校友会|促进会|研究会|联合会|百人会|商会|"
    "协会|学会|总会|联会|基金会|联盟|共同体|俱乐部|大学|学院|中学|小学|职业学校|学校|"
    # …组织 written out: a pattern of literals only scans fast
    "合作组织|贸易组织|卫生组织|气象组织|海事组织|劳工组织|粮农组织|知识产权组织|国际组织|"
    "民间组织|非政府组织|公益组织"
)
# A name that ends as an organisation's does (also read by the company and tagger finders).
ORGANIZATION_END = re.compile(f"(?:{ORGANIZATION_SUFFIXES})$")
_SUFFIX_RE = re.compile(f"(?:{ORGANIZATION_SUFFIXES})(?![{HAN}]{{0,1}}(?:长|员|章|费|局|厅))")
# An institute, school or department is an Organization when written with its university.
_ACADEMIC_UNIT = re.compile(
    # (学院 not after 科 or 程, tested after the word: a pattern opening with words scans fast)
    f"(?:大学|学院(?<![科程]..))[{HAN}A-Za-z0-9]{{2,14}}?(?:研究院|研究所|研究中心|实验室|学院|书院|系(?!统|列))"
)
# Every match opens with one of these words (学院 may be the second of 大学院): scanned near
# them only (loaders.extract.scan), as far on as a match and its lookahead reach.
_UNIVERSITY_WORD = re.compile("大学|学院")
_ACADEMIC_REACH = (0, 1 + 14 + len("研究中心") + 1)
# Endings that look like ours but name something else: state academies (中国科学院, Agency),
# party and government schools, generic mentions.
_NOT_ORGANIZATION = re.compile(
    r"(?:科学院|工程院|社会科学院|党校|行政学院|干部学院|监狱|[一二三四五六七八九十两多几各]所(?:大学|学院|中学|小学|学校))$"
)
# Words before the kind word that make the phrase generic (行业协会, 产业联盟, 知名大学).
_GENERIC_STEM = re.compile(
    r"^(?:本港|本市|本省|本区|本地区|甚至|以及|包括|还有|其中|行业|产业|有关|相关|各类|各级|地方|全国性|国际性|知名|重点|一流|高水平|双一流|本地|当地|"
    r"海外|国外|国内|境外|社会|民间|群众|学生|企业|创新|战略|技术|科技|标准|生态|合作|青年|"
    r"该|此|这|那|其|每|本|多|几|两|各|一|某|[0-9]+|[一二三四五六七八九十百千]+[个家所])+$"
)
_LETTER = re.compile(f"[{HAN}A-Za-z]")


def _usable(ctx: Context, start: int, end: int, suffix_start: int) -> bool:
    stem = ctx.text[start:suffix_start]
    core_start, _ = _strip_places(ctx, start, suffix_start)
    core = ctx.text[core_start:suffix_start]
    if len(stem) < 2 or not _LETTER.search(stem):
        return False
    if _GENERIC_STEM.fullmatch(stem) or _GENERIC_MODIFIERS.fullmatch(stem):
        return False
    one_char = len(core) == 1 and not ctx.cities_in(start, end)
    if core and (_GENERIC_STEM.fullmatch(core) or one_char):
        return False
    return not _NOT_ORGANIZATION.search(ctx.text[start:end])


def organization_mentions(ctx: Context) -> list[Mention]:
    """Names ending in an organisation's kind word (中国甲乙协会, 星河大学经济管理学院)."""
    text = ctx.text
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in finditer_near(_ACADEMIC_UNIT, text, _UNIVERSITY_WORD, *_ACADEMIC_REACH):
        start = name_left_edge(ctx, m.start(), cut_at_place=True)
        if m.start() - start < 1 or not ctx.tokens.is_boundary(m.end()):
            continue
        if stop_inside(ctx.tokens.token_words(m.start() + 2, m.end())):
            continue  # (工业与系统工程系: 与 joins two fields inside a department's name)
        if _usable(ctx, start, m.end(), m.start()):
            out.append(organization_mention(ctx, start, m.end()))
            taken.append((start, m.end()))
    for m in _SUFFIX_RE.finditer(text):
        if any(a <= m.start() and m.end() <= b for a, b in taken):
            continue
        if not ctx.tokens.is_boundary(m.start()) and not ctx.tokens.is_boundary(m.end()):
            continue
        start = name_left_edge(ctx, m.start(), cut_at_place=True)
        if _usable(ctx, start, m.end(), m.start()):
            out.append(_registered(ctx, organization_mention(ctx, start, m.end())))
    return out


def _registered(ctx: Context, mention: Mention) -> Mention:
    """甲乙联会有限公司: a body registered as a company limited by guarantee is still the body,
    its registered name an alias."""
    if not ctx.text.startswith("有限公司", mention.end):
        return mention
    mention.end += len("有限公司")
    mention.surface = ctx.text[mention.start : mention.end]
    mention.aliases.add(mention.surface)
    return mention


def organization_mention(ctx: Context, start: int, end: int) -> Mention:
    surface = ctx.text[start:end]
    mention = Mention(start, end, "Organization", surface, surface, "pattern:organization")
    mention.place_prefix = _strip_places(ctx, start, end)[1]
    return mention


def checked_organization(ctx: Context, start: int, end: int) -> Mention | None:
    """An Organization for text[start:end] (a name found by other means) if it passes the
    tests of the suffix rule: a specific name, not a generic phrase."""
    m = ORGANIZATION_END.search(ctx.text[start:end])
    if m is None or not _usable(ctx, start, end, start + m.start()):
        return None
    return organization_mention(ctx, start, end)
