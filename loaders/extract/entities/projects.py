"""Projects (parks, factories, centres, nodes, campaigns), named events and programmes.
Named platforms are found in `platforms`."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from loaders.extract.entities.base import (
    HAN,
    HAN_WORD,
    Context,
    Mention,
    _drop_lists_in_parens,
    _left_with_parens,
    _reads_inside_name,
    _strip_places,
    _word_tag,
    fold,
    inside_name_reader,
    is_predicate,
    is_vocabulary,
)
from loaders.extract.entities.lexicon import _GENERIC_MODIFIERS, STOP_TOKENS, TITLES
from loaders.extract.entities.project_places import _place_after_owner, _places_inside
from loaders.extract.entities.quoted import _ANAPHOR_RE
from loaders.extract.nlp import word_frequency
from loaders.extract.scan import finditer_holding, word_alternation

# -- projects -------------------------------------------------------------------------------

# The plain words as a trie (scans faster), its branches at the top level (`re` then skips to
# their first characters), and 地铁…号线, the one suffix opening with 地, after them.
_PROJECT_SUFFIX = re.compile(
    word_alternation(
        "化工园区|智慧园区|产业园区|工业园区|产业园|工业园|科技园|软件园|示范区|开发区|高新区|"
        "互联工厂|智能工厂|数字化工厂|灯塔工厂|工厂|"
        "大数据中心|数据中心|算力中心|超算中心|体验中心|展示中心|运营中心|计算中心|分中心|创新中心|"
        "赋能中心|应用中心|工程研究中心|技术研究中心|研究中心|检验检测中心|检测中心|研发中心|"
        "创新服务中心|服务中心|制造中心|"
        "全球根节点|根节点|顶级节点|二级节点|生产基地|制造基地|产业基地|示范基地|创新基地|创业基地|"
        "集聚区|先行区|先导区|合作区|项目|工程|专项行动|提升行动|攻坚行动|"
        "资助计划|补贴计划|扶持计划|资助方案|"
        "科创大走廊|大走廊|走廊|新通道|铁路|运河|水库|大桥|陆港|"
        "体育场|体育中心|会议中心|科学城|科学中心|实验室|示范网|城域网|干线|煤矿|盐湖"
    ).removeprefix("(?:").removesuffix(")")
    + r"|地铁[一二三四五六七八九十\d]+号线"
)
_SCHEME = re.compile(r"(?:资助|补贴|扶持)(?:计划|方案)$")  # funding schemes (L41)
_PARK_END = re.compile(
    r"(?:园区|产业园|工业园|科技园|软件园|示范区|开发区|高新区|集聚区|先行区|先导区|合作区)$"
)
# Zones (开发区, 高新区) are City entities (RULES L7), not Projects, except where merge reads a
# zone's 管委会 (park_body); the suffix stays in _PROJECT_SUFFIX because other finders use it to
# tell a facility from a firm.
_ZONE_SUFFIXES = ("开发区", "高新区")
# Parks a firm or a proper name owns, without a place (星云工业园): the suffixes that allow it.
_OWNED_PARK = re.compile(r"(?:产业园|工业园|科技园|软件园)$")
# Stems that only say how big or important a project is (重大项目, 科技型大项目, 二期工程).
_GENERIC_PROJECT_STEM = re.compile(
    r"^(?:[一二三四五六七八九十\d]+期|大|重大|重点|新|在建|续建|新建|签约|开工|招商|科技型|国家|省级|"
    r"研发|投资|产业化?|跨国企业|龙头企业|民生|基建|基础设施|配套|示范|试点|标杆|"
    r"[\dA-Za-z.]+(?:MW|GW|KW|万千瓦|千瓦|亿元|万元|万吨|吨))+$"
)
_NUMBER_LEAD = re.compile(
    r"^(?:[一二三四五六七八九十百千两]+大|双|[一二三四五六七八九十]+[个项]?[^\d个家项])"
)
_COUNTED = re.compile(r"\d+\s*(?:个|家|项|类|条|座|批)|左右|以上|若干|一批|多个")
_FACILITY_WORDS = re.compile(
    r"(?:中心|节点|工厂|基地|走廊|通道|铁路|号线|运河|水库|大桥|陆港|体育场|科学城|实验室|示范网|"
    r"城域网|干线|煤矿|盐湖)$"
)


_TITLE_AFTER = re.compile(r"(?:总经理|副总经理|主任|副主任|负责人|董事长|总裁|首席)")
_COUNTED_LIST_AFTER = re.compile(r"(?:、[^，。；、]{2,16})*等[^，。；\d]{0,12}\d+\s*[家个所项]")
_PLURAL_BEFORE = re.compile(r"(?:一批|多个|一系列|若干|\d+个|[一二三四五六七八九十百]+个|等)$")
_INVEST_WORDS = "投资建设|投资兴建|投资|投建|兴建|新建"
# ((?:拟|计划|将)? spelt out as alternatives that each open with a character: it scans fast)
_INVEST_VERB = re.compile(
    f"拟(?:{_INVEST_WORDS})|计划(?:{_INVEST_WORDS})|将(?:{_INVEST_WORDS})|{_INVEST_WORDS}"
)


# A copula or a person's title never stands inside a project's name (甲公司副董事长乙正是…中心).
# So does a one-character preposition or passive verb read as a word of its own (遭, 被, 由).
# Verbs the dictionary tags as nouns (中标, 资助), and 设有/拥有 right before the type word, are
# no part of one either.
_NEVER_IN_NAME = frozenset(
    {"是", "正是", "就是", "乃是", "即是", "也是", *TITLES, *"遭被让使把将给对向从由受"}
    | {"中标", "资助", "策划", "助力", "新设", "设有", "拥有", "建有", "落户", "入驻"}
)
_CODE_OR_EDITION = re.compile(r"[\dA-Za-z.]+|第[一二三四五六七八九十百\d]+[届次期]|首届")


def _word_kind(word: str, inside: Callable[[str, int, Any], bool], freq: Any) -> tuple[int, int]:
    """How `word` cuts a name in `_cut_at_verbs` (0: it does not; 1: it never stands in one; 2:
    it ends no name but stands in none either), and its parentheses opened minus closed."""
    depth = word.count("(") + word.count("（") - word.count(")") - word.count("）")
    if word in _NEVER_IN_NAME:
        return 1, depth
    if len(word) < 2 or _CODE_OR_EDITION.fullmatch(word):
        return 0, depth
    return (0 if inside(word, 0, freq) and _word_tag(word) != "t" else 2), depth


@lru_cache(maxsize=65536)
def _dictionary_word_kind(word: str) -> tuple[int, int]:
    """`_word_kind` with the dictionary's frequencies (a pure function of the word)."""
    return _word_kind(word, _reads_inside_name, word_frequency)


def _cut_at_verbs(ctx: Context, left: int, pos: int) -> int:
    """Move `left` past the last verb, adverb or other word that cannot be part of a name
    (推行, 前往, 全面实施) between `left` and `pos`: 经开区推行星河计划 → 星河计划. Words inside
    parentheses are the name's own and are not cut at."""
    tokens, text = ctx.tokens, ctx.text
    if left >= pos:
        return left
    if ctx.reads_dictionary:
        kind_of = _dictionary_word_kind
    else:
        inside, freq = inside_name_reader(ctx), ctx.freq
        kind_of = lambda word: _word_kind(word, inside, freq)  # noqa: E731
    depth = 0
    cut = left
    words, starts = tokens.words, tokens.starts
    for i in range(tokens.token_at(left), bisect_left(starts, pos)):  # the tokens opening < pos
        word = words[i]
        kind, parens = kind_of(word)
        if parens:
            depth += parens
        if kind and depth <= 0:
            end = starts[i] + len(word)
            if end < pos or (end == pos and kind == 1):
                cut = end
    if cut > left and text[cut : cut + 1] in ("的", "了", "着"):
        cut += 1
    # 宁海县某地投资甲乙光伏项目: after a place, an investment verb opens the project's name
    invest = finditer_holding(_INVEST_VERB, text, cut, pos, ("投", "建"))
    if invest and pos - invest[-1].end() >= 4 and ctx.cities_in(cut, invest[-1].start()):
        cut = invest[-1].end()
    return cut


_ADMINISTRATION = re.compile("管委会|管理委员会")
_ZONE_WORD = re.compile(r"(?:开发区|高新区|经开区|园区)")
_CLASS_BEFORE_NAME = re.compile(r"(?:重大|重点|骨干|标志性)(?:建设|基础设施|民生)?(?:项目|工程)")


def _opening_before_mark(ctx: Context, left: int) -> int:
    """A name never opens with a bracket or a middle dot: the word before a bracketed place
    (西部（甲市）科学城) and the place before a dot (甲市·乙丙创新基地) are the name's."""
    text, tokens = ctx.text, ctx.tokens
    if text[left : left + 1] in ("（", "(") and left > 0:
        word = tokens.words[tokens.token_at(left - 1)]
        breaks = word in STOP_TOKENS or is_predicate(word)  # 建设（甲市）…: a verb opens nothing
        if len(word) >= 2 and HAN_WORD.fullmatch(word) and not breaks:
            return left - len(word)
    if text[left - 1 : left] == "·":
        place = ctx.city_ending_at(left - 1)
        if place is not None:
            return place.start
    return left


def project_mentions(ctx: Context) -> list[Mention]:
    """Named projects, campaigns, parks, factories, centres and nodes, and named events."""
    out = _programme_mentions(ctx)
    text = ctx.text
    for m in _PROJECT_SUFFIX.finditer(text):
        suffix = m.group(0)
        start, end = m.span()
        if suffix in _ZONE_SUFFIXES and not _ADMINISTRATION.match(text, end):
            continue  # a zone is a City; only a zone's administration still names it here
        if text[end : end + 1] in ("”", "’") or text[start - 1 : start] in ("”", "’"):
            continue  # quoted names are handled by quoted_mentions
        if "\u4e00" <= text[end : end + 1] <= "\u9fff" and not ctx.tokens.is_boundary(end):
            continue  # 总工程师, 工程院: the suffix is the start of a longer word
        if _PROJECT_SUFFIX.match(text, end):
            continue  # 工程|实验室: a longer kind word closes the name
        park, facility, infrastructure, scheme = _suffix_kinds(suffix)
        left = _left_with_parens(ctx, start, max_chars=24)
        if suffix in _CAMPAIGNS and text[start - 2 : start] == "赋能":
            left = _left_with_parens(ctx, start - 2, max_chars=22)  # 甲乙赋能专项行动
        left = _cut_at_verbs(ctx, left, start)
        apposition = finditer_holding(_CLASS_BEFORE_NAME, text, left, start, ("项目", "工程"))
        if apposition and start - apposition[-1].end() >= 2:
            left = apposition[-1].end()  # 国家重大建设项目|甲乙运河: the class, then the name
        if _ANAPHOR_RE.search(text, max(0, left - 6), left):  # ($ at `left`, as in a slice)
            continue
        if infrastructure and text[left - 2 : left] in _DIRECTIONS:
            left -= 2  # 西部陆海新通道: a region's direction opens the corridor's name
        left = _opening_before_mark(ctx, left)
        if scheme and text[left - 2 : left] in ("本地", "本港"):
            left -= 2  # 本地甲乙资助计划: a scheme for local firms names itself so
        if park and (zones := finditer_holding(_ZONE_WORD, text, left, start, ("区",))):
            left = zones[-1].end()  # 甲市开发区星云工业园: the zone before a park is where it is
        if text[left : left + 1] in ("型", "式", "性", "化", "级"):
            continue  # 离散|型制造业工厂: cut inside a word
        surface = text[left:end]
        listed = "、" in surface  # (every list _drop_lists_in_parens drops holds one)
        stem = _drop_lists_in_parens(text[left:start]) if listed else text[left:start]
        core_start, places = _strip_places(ctx, left, start)
        core = text[core_start:start]
        if not core and suffix in ("工厂", "项目", "工程", "实验室", "煤矿"):
            continue  # 甲市工厂: a place and a bare kind of works, no name
        if _GENERIC_PROJECT_STEM.fullmatch(core or "x") or "等" in core:
            continue  # 重大项目, 二期工程, 医药等行业…: how big or which kind, not a name
        if park or (facility and places):
            region = _word_tag(_first_word(ctx, left, start)) == "ns"  # 甲乙半岛…示范区
            if not (places or region) and not _owned_park(ctx, suffix, left, start):
                continue  # a park is named by its place (and a place names a facility)
        elif len(stem) < 2 or (
            _GENERIC_MODIFIERS.fullmatch(core or "x")
            and not (suffix in ("专项行动", "攻坚行动") and len(core) >= 6)
        ):
            continue  # 数字化工厂: a kind; 中小企业数字化赋能专项行动 names one campaign
        if suffix in ("项目", "工程") and _CLASS_OF_PROJECTS.search(core):
            continue  # 星河市重点项目, 一批重大工程: a class of projects
        if suffix in ("项目", "工程") and (
            _KIND_OF_SYSTEM.fullmatch(core) or _DISCIPLINE_AFTER.match(text, end)
        ):
            continue  # MES系统项目: a kind of project; 驱油藏工程方法: engineering, no works
        if suffix == "项目" and any(
            o.end == start and o.label == "Company" for o in ctx.known_orgs_at(left)
        ):
            continue  # 中标甲公司项目: some project of a known firm, not a name
        if suffix == "工程" and _DEPARTMENT_OF.search(core):
            continue  # 星河大学工业工程, 星云公司机电工程: a discipline or a department
        last = ctx.tokens.token_words(left, start)[-1:]
        if (
            suffix == "项目"
            and not places
            and last
            and len(last[0]) > 1
            and (_word_tag(last[0]) or "").startswith("v")
        ):
            continue  # 投资项目, 策划项目, 合作项目: a kind of project named by what is done
        # 中小企业数字化赋能专项行动; 实施|提振消费专项行动: a campaign a verb launches
        launched = len(core) >= 4 and _LAUNCHES.search(text, max(0, left - 4), left) is not None
        campaign = suffix in ("专项行动", "攻坚行动") and (len(core) >= 6 or launched)
        if suffix in ("工程", "专项行动", "提升行动", "攻坚行动", "项目") and not (
            places
            or campaign
            or _NUMBER_LEAD.match(stem)
            or ctx.is_rare(_first_word(ctx, left, start))
        ):
            continue
        if suffix == "项目" and len(stem) < 4:
            continue
        if _COUNTED.search(stem):
            continue  # 240个项目, 100个左右企业信息化应用项目: a count, not a name
        if facility and not (
            places
            or stem.startswith(("国家", "中国"))
            or len(core) >= 4
            or (infrastructure and _proper_first_word(ctx, left, start))
        ):
            continue  # 运河, 铁路: a canal or line named by a proper word (甲乙运河)
        if suffix in ("二级节点", "生产基地", "制造基地", "产业基地") and not (
            places or any(c.label == "Company" for c in ctx.known_orgs_at(left))
        ):
            continue  # 标识解析二级节点, 国家…产业基地: a kind, unless a place or firm names it
        name = fold(_drop_lists_in_parens(surface) if listed else surface)
        label = "Project"
        end_at = left + len(surface)
        if _PLURAL_BEFORE.search(text[max(0, left - 4) : left]):
            continue  # 建设一批5G全连接工厂: a kind of facility, not one named facility
        counted = _COUNTED_LIST_AFTER.match(text, end_at)
        if counted and not places and is_vocabulary(ctx, ctx.tokens.token_words(left, start)):
            continue  # 企业技术中心、整车工程实验室等国家级平台16家: kinds of facility, counted
        if ("行业" in core or "领域" in core) and not places:
            continue  # 光学行业数字化工厂: a kind of factory
        paren = _PLACE_AFTER.match(text, end) if text[end : end + 1] in ("（", "(") else None
        if paren and ctx.gaz.division(paren.group(1)) is not None:
            surface = text[left : paren.end()]  # 国家顶级节点(重庆)
        core_text = text[core_start:end].lstrip("级")
        if (
            suffix == "创新中心"
            and places
            and any(
                _TITLE_AFTER.match(text, k.end()) for k in re.finditer(re.escape(core_text), text)
            )
        ):
            # An innovation centre with a manager is an operating organisation (E9): a
            # Company, named as written with its place, 市级 dropped.
            label = "Company"
            name = re.sub(r"^(.+?[市省区县])级", r"\1", name)
            if name.startswith(places[0]) and places[0].endswith("市"):
                short = places[0][:-1] + name[len(places[0]) :]
                if short in text:
                    name = short
        mention = Mention(left, end_at, label, name, surface, "pattern:project")
        mention.place_prefix = places or _places_inside(ctx, surface) or _place_after_owner(
            ctx, left, start
        )
        if surface != name:
            mention.aliases.add(surface)
        out.append(mention)
    return out


# (the tests of what precedes 计划 follow it: a pattern that opens with 计划 scans fast)
_PROGRAMME = re.compile(
    r"计划(?<!行动计划)(?<!工作计划)(?<!实施计划)(?<!发展计划)(?<!投资计划)(?![书表])"
)


def _programme_mentions(ctx: Context) -> list[Mention]:
    """National or place-led programmes named with a bare 计划 (L38, L40): 国家重点研发计划,
    江西省赣江人才计划. 行动计划, 工作计划 and 发展计划 are documents (Policy) or generic."""
    out = []
    text = ctx.text
    for m in _PROGRAMME.finditer(text):
        if text[m.start() - 1 : m.start()] in ("”", "’", "》"):
            continue
        left = _cut_at_verbs(ctx, ctx.tokens.left_edge(m.start(), max_chars=14), m.start())
        before = text[max(0, m.start() - 10) : m.start()]
        lead = _NATIONAL_LEAD.search(before) if "国家" in before else None
        if lead:  # 国家重点研发计划: 重点 stops a name elsewhere, not after 国家
            start = m.start() - len(lead.group(0))
            if _cut_at_verbs(ctx, start, m.start()) == start:
                left = start
        core_start, places = _strip_places(ctx, left, m.start())
        core = text[core_start : m.start()]
        national = text.startswith("国家", left) and len(core) >= 6  # core keeps 国家
        if not (places or national) or len(core) < 2:
            continue
        if not national and (
            _GENERIC_PROJECT_STEM.fullmatch(core) or _GENERIC_MODIFIERS.fullmatch(core)
        ):
            continue
        if _YEARLY.search(core):
            continue  # 甲市2024年投资计划: a yearly figure, not a programme
        surface = text[left : m.end()]
        mention = Mention(left, m.end(), "Project", fold(surface), surface, "pattern:programme")
        mention.place_prefix = places
        out.append(mention)
    return out


_CLASS_OF_PROJECTS = re.compile(r"(?:大|重大|重点|新|在建|续建|新建)$")
_DEPARTMENT_OF = re.compile("大学|学院|公司|研究院")
_PLACE_AFTER = re.compile(r"[（(]([\u4e00-\u9fff]{2,6})[)）]")  # (matched at the name's end)
_NATIONAL_LEAD = re.compile(f"国家[{HAN}]{{2,8}}$")
_YEARLY = re.compile(r"\d|年|等|的")
_KIND_OF_SYSTEM = re.compile(r"[A-Za-z0-9+]+(?:系统|平台|软件)?")
_DISCIPLINE_AFTER = re.compile(r"方法|技术|管理|学|师")
_LAUNCHES = re.compile(r"(?:实施|开展|启动|部署)$")
_CAMPAIGNS = frozenset({"专项行动", "提升行动", "攻坚行动", "工程"})
_INFRASTRUCTURE = re.compile(r"(?:运河|铁路|水库|大桥|新通道|陆港)$")
_DIRECTIONS = frozenset({"西部", "东部", "中部", "北部", "南部", "东北", "西北", "西南", "东南"})


@lru_cache(maxsize=256)
def _suffix_kinds(suffix: str) -> tuple[bool, ...]:
    """Whether a suffix names a park, a facility, infrastructure, a funding scheme (once each)."""
    kinds = (_PARK_END, _FACILITY_WORDS, _INFRASTRUCTURE, _SCHEME)
    return tuple(kind.search(suffix) is not None for kind in kinds)


def _proper_first_word(ctx: Context, start: int, end: int) -> bool:
    word = _first_word(ctx, start, end)
    return len(word) >= 2 and (ctx.is_rare(word) or _word_tag(word) == "ns")


def _first_word(ctx: Context, start: int, end: int) -> str:
    """The first word of [start, end), cut at `end` when the segmenter glued it to what follows
    (建设工程 read before 工程 is 建设, a common word, not the rare 建设工程)."""
    words = ctx.tokens.token_words(start, end)
    if not words:
        return ""
    first = words[0]
    tok_start = ctx.tokens.starts[ctx.tokens.token_at(start)]
    return first[: max(1, end - tok_start)] if tok_start + len(first) > end else first


def _owned_park(ctx: Context, suffix: str, left: int, end: int) -> bool:
    """A park named by its owner or a proper name instead of a place: a known firm opens it
    (星云科技产业园), or its first word is no common word (锦绣工业园 is not, 璟澜工业园 is)."""
    if not _OWNED_PARK.search(suffix) or end - left < 2:
        return False
    if any(c.label == "Company" for c in ctx.known_orgs_at(left)):
        return True
    words = ctx.tokens.token_words(left, end)
    if not words or end - left > 8:
        return False
    unknown = len(words) > 1 and len(words[0]) == len(words[1]) == 1  # 璟 澜: an unknown name
    return unknown or (len(words[0]) > 1 and ctx.is_rare(words[0]))
