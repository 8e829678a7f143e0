"""Companies: registered names, groups, X公司, industry short names, listed firms, firms in
slots only an organisation fills, and regional branches."""

from __future__ import annotations

import re
from bisect import bisect_right

from loaders.extract.entities.base import (
    _FUNCTION_CHARS,
    _NAME_VERBS,
    _RARE_FREQ,
    HAN,
    HAN_WORD,
    Context,
    Mention,
    _last_char,
    _left_with_parens,
    _name_like,
    _strip_places,
    fold,
    is_predicate,
    is_vocabulary,
    name_left_edge,
)
from loaders.extract.entities.firm_stems import _HAN_CHAR, _short_name_stem, suffix_kind
from loaders.extract.entities.known_firms import group_short_form
from loaders.extract.entities.lexicon import (
    _GENERIC_MODIFIERS,
    _ROLE_WORDS,
    FIELD_WORDS,
    STOP_TOKENS,
)
from loaders.extract.entities.organizations import ORGANIZATION_END
from loaders.extract.entities.tokens import stops_walk
from loaders.extract.nlp import word_tag
from loaders.extract.scan import finditer_near, word_alternation

# -- companies -----------------------------------------------------------------------------------

_LEGAL_SUFFIX = "集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|有限公司|股份公司"
_LEGAL_RE = re.compile(_LEGAL_SUFFIX)  # (each match ends with 公司, opens 6 characters before)
_FIRM_WORD = re.compile("公司")
_LEGAL_LAST_CHARS = frozenset(w[-1] for w in _LEGAL_SUFFIX.split("|"))  # (gate: _ORG_TAIL)
_CLAUSE_MARKS = '，,。；;：:、（(\n“"》'  # what may stand before a name opening a clause
_INDUSTRY_SUFFIX = (
    "科技|智能|信息|电器|材料|耐火材料|装备|石油装备|电子|软件|网络|通信|数据|能源|化工|机械|重工|汽车|"
    "钢铁|药业|制药|电气|智造|国际|控股|实业|农业|物流|环保|机电|光电|新材|精工|数控|仪器|家电|纺织|轮胎|"
    "橡胶|陶瓷|建材|食品|生物|医药|半导体|微电子|集团|智家|锂业|铜业|铝业|矿业|煤业|电力|动力|量子|"
    "股份|资本|证券|银行|光伏|机器人|锂电|航天|航空|树脂"
)
# (…物流基地, …科技园: a facility's words, not a firm's)
_INDUSTRY_RE = re.compile(  # (as a trie: scans faster)
    f"(?:{word_alternation(_INDUSTRY_SUFFIX)})(?![化局部厅院所园区城镇村省市县委办业务基技])"
)
_ORG_TAIL = re.compile(f"(?:{_LEGAL_SUFFIX})$")
_INDUSTRY_TAIL = re.compile(f"(?:{_INDUSTRY_SUFFIX})$")
_INDUSTRY_LAST_CHARS = frozenset(w[-1] for w in _INDUSTRY_SUFFIX.split("|"))  # (gate: _TAIL)
_NOT_FIRM_WORD_AFTER_RE = re.compile(f"(?!{_INDUSTRY_SUFFIX}|公司|有限|股份)")
_TWO_SUFFIXES = re.compile(f"(?:{_INDUSTRY_SUFFIX})(?:集团|控股|股份)")
# A group's name, then the member company's own name: 东方电气集团|东方汽轮机(有限公司).
_GROUP_THEN_NAME = re.compile(f"([{HAN}]{{2,8}}?集团)(?![)）股份有限公司])([{HAN}]{{2,8}})")
# A body registered as a company but named as an association or school is an Organization.
_MEDIA_HOUSE = re.compile(
    r"(?:日报社|晚报社|报社|杂志社|电视台|广播电台|广播电视台|通讯社|新闻社|新闻网)$"
)
# Local state-owned firms are told apart only by their place: 甲县国有资产投资集团 keeps 甲县.
_GENERIC_OPENING = re.compile(
    r"(?:国有资产|国资|国有|城市建设|城建|城投|城市投资|交通投资|交投|产业投资|产投|文化旅游|文旅|"
    r"水务|能源投资|建设投资|发展投资|投资|金融控股|建设发展|开发建设|经济开发|高新技术产业|"
    r"农业发展|旅游发展|轨道交通|地铁|公交|燃气|供水|港务|机场)"
)
_NOT_COMPANY_END = re.compile(r"(?:科技局|科技厅|科技部|信息局|信息中心|数据局|数据中心)$")
_BRACKETED_KIND = re.compile(r"[（(](?:集团|控股|中国)[)）]$")  # (dropped: 甲乙（集团）)
_BRACKETED_GROUP = re.compile(r"[（(](集团|控股)[)）]$")  # (kept without its brackets)
_GROUP_REGISTERED = re.compile(r"集团(?:股份)?有限公司$")


def _after_verb(ctx: Context, start: int) -> bool:
    """A verb or preposition right before `start` (来到|甲乙股份有限公司, 在|甲乙有限公司)."""
    if start == 0 or not ctx.tokens.is_boundary(start):
        return False
    before = ctx.tokens.words[ctx.tokens.token_at(start - 1)]
    return before in _FUNCTION_CHARS or (word_tag(before) or "")[:1] in ("v", "p")


def _company(
    ctx: Context, start: int, end: int, source: str, brand: bool = False
) -> Mention | None:
    """A Company mention for text[start:end]: canonical name without place and legal form.
    `brand`: the words are vocabulary, but already read as a brand (_brand_word)."""
    text = ctx.text
    surface = text[start:end]
    core_start, places = _strip_places(ctx, start, end)
    legal = surface.endswith("公司")  # (else no legal form: _ORG_TAIL, _GROUP_REGISTERED)
    core = text[core_start:end]
    if _last_char(core) in _LEGAL_LAST_CHARS:  # (else nothing for _ORG_TAIL to drop)
        core = _ORG_TAIL.sub("", core)
    if _last_char(core) in ")）":  # (what _BRACKETED_KIND's matches end with)
        core = _BRACKETED_KIND.sub("", core)
    if len(core) < 2 or _NOT_COMPANY_END.search(surface) or ORGANIZATION_END.search(core):
        return None
    if _MEDIA_HOUSE.search(surface):
        return None  # newspapers, broadcasters and news agencies are source apparatus (X1)
    words = ctx.tokens.token_words(core_start, core_start + len(core))
    vocabulary = not brand and bool(words) and all(len(w) > 1 and ctx.freq(w) >= 300 for w in words)
    # A full registered name opening a clause (天能电池集团股份有限公司与…) is a firm even when
    # its words are vocabulary; inside running text such words are more often a description.
    clean_left = start == 0 or text[start - 1] in _CLAUSE_MARKS
    registered = legal and bool(_ORG_TAIL.search(surface)) and len(core) >= 4
    vocabulary = vocabulary and not (registered and (clean_left or _after_verb(ctx, start)))
    if (
        _GENERIC_MODIFIERS.fullmatch(core)
        or ctx.freq(core) >= _RARE_FREQ
        or vocabulary
        or (core_start != start and _GENERIC_OPENING.match(core))
    ):
        if core_start == start:
            return None
        # 徐州重型机械: the place is part of the name; 成都飞机工业（集团） → 成都飞机工业集团
        core = _BRACKETED_GROUP.sub(r"\1", _ORG_TAIL.sub("", surface) if legal else surface)
    if legal and _GROUP_REGISTERED.search(surface) and not core.endswith("集团"):
        core += "集团"  # 安徽江淮汽车集团股份有限公司 is the group 江淮汽车集团
    owner = None
    inner_place: tuple[str, ...] = ()
    split = _GROUP_THEN_NAME.fullmatch(core)
    if split:
        entry = ctx.gaz.division(split.group(2), strict=True)
        if entry is not None and entry.level != "district":
            inner_place = (entry.name,)  # 中国移动通信集团四川有限公司: the group's 四川 company
        elif len(split.group(2)) >= 3 and not _GENERIC_MODIFIERS.fullmatch(split.group(2)):
            owner, core = split.group(1), split.group(2)  # 东方电气集团东方汽轮机有限公司
    mention = Mention(start, end, "Company", fold(core), surface, source)
    mention.place_prefix = places + inner_place
    mention.owner = owner
    if surface != core:
        mention.aliases.add(surface)
    # The short form the article goes on to use: 舜宇光学科技 → 舜宇光学, 东贝电器 → 东贝.
    short = _INDUSTRY_TAIL.sub("", core) if _last_char(core) in _INDUSTRY_LAST_CHARS else core
    aliased = short != core and len(short) >= 2 and ctx.freq(short) < _RARE_FREQ
    if aliased and _written_alone(text, short, start, end, group=core.endswith("集团")):
        mention.aliases.add(short)
    return mention


def _written_alone(text: str, short: str, start: int, end: int, group: bool) -> bool:
    """Whether a firm's short form stands on its own: a group's anywhere (宝钢 beside 宝钢集团, not
    柳工 in 柳工机械), another firm's outside [start, end) too (not only in 甲科技, 郑州甲智能)."""
    at = text.find(short)
    while at >= 0:  # (the matches of re.escape(short) + _NOT_FIRM_WORD_AFTER_RE)
        if _NOT_FIRM_WORD_AFTER_RE.match(text, at + len(short)):
            if group or not (start <= at < end):
                return True
            at = text.find(short, at + len(short))
        else:
            at = text.find(short, at + 1)
    return False


_BRAND_TAGS = ("n", "nr", "ns", "nz")
_CLAUSE_OPENERS = _CLAUSE_MARKS + ")）与和及"  # a clause mark, a bracket closed, a joint
_BRAND_MAX_FREQ = 3000  # more frequent nouns name fields and things of everyday talk


def _brand_word(ctx: Context, words: list[str], start: int) -> bool:
    """A single common noun used as a firm's brand before 科技, 集团 … (not a field such as
    金融, 能源): it must open a clause or follow a verb, as a firm's name does."""
    if len(words) != 1 or len(words[0]) != 2 or words[0] in FIELD_WORDS:
        return False
    tag = word_tag(words[0]) or ""
    if (tag not in _BRAND_TAGS and tag != "nrt") or ctx.freq(words[0]) >= _BRAND_MAX_FREQ:
        return False
    if start == 0 or ctx.text[start - 1] in _CLAUSE_OPENERS or _after_verb(ctx, start):
        return True
    if not ctx.tokens.is_boundary(start):
        return False
    before = ctx.tokens.words[ctx.tokens.token_at(start - 1)]
    return before in STOP_TOKENS or before in _ROLE_WORDS  # 子公司|星云科技, 客户|兰花集团


def _registered_left(ctx: Context, pos: int) -> int:
    """Start of a registered name ending at `pos`. An unknown name the segmenter cut into single
    characters (天/能/电池) may hold a character that is also a function word (能): walk on over it
    when the character before it is another lone character of the name."""
    tokens, text = ctx.tokens, ctx.text
    last = tokens.token_at(pos - 1) if pos > 0 else -1
    if last > 0 and tokens.words[last] in _NAME_VERBS and tokens.starts[last] + len(
        tokens.words[last]
    ) == pos:
        # 甲乙电力开发有限公司: a business word before the legal form is the name's last word
        inner = _registered_left(ctx, tokens.starts[last])
        if tokens.starts[last] - inner >= 2:
            return inner
    left = _left_with_parens(ctx, pos, max_chars=16)
    if pos - left > 1 and ctx.text[pos - 1] not in ")）":
        edge = min(name_left_edge(ctx, pos, max_chars=16, verb_min_freq=1000), pos - 2)
        if ctx.text[edge - 1 : edge] not in ")）":  # 甲乙（苏州）科技: the bracket is inside
            left = max(left, edge)
    for _ in range(2):
        if left < 2 or pos - left > 14:
            break
        i = tokens.token_at(left - 1)
        one, before = tokens.words[i], text[left - 2]
        if one not in STOP_TOKENS or len(one) != 1 or i == 0 or len(tokens.words[i - 1]) != 1:
            break
        if not _HAN_CHAR.match(before) or before in _FUNCTION_CHARS or one in "的在与和及":
            break
        left = tokens.left_edge(left - 1, max_chars=16 - (pos - left))
    # 甲市|新|鑫实业: a lone character between a place and the name's first is the name's own,
    # and so are the places before it (a registered name opens with its places)
    i = tokens.token_at(left - 1) if left > 1 else -1
    lone = i > 0 and len(tokens.words[i]) == 1 and tokens.words[i] not in "的在与和及、，。"
    if lone and len(tokens.words[i + 1]) == 1 and ctx.city_ending_at(left - 1):
        left -= 1
        while (place := ctx.city_ending_at(left)) is not None:
            left = place.start
    # A role word inside the span ends a description before the name (…解决方案提供商|甲乙科技…).
    i, last = tokens.token_at(left), tokens.token_at(pos - 1)
    for j in range(i, last):
        if tokens.words[j] in _ROLE_WORDS and pos - (tokens.starts[j] + len(tokens.words[j])) >= 4:
            left = tokens.starts[j] + len(tokens.words[j])
    # A preposition, adverb or role word opening the span is not the name's (至于|甲实业…,
    # 供应商|甲无纺布…).
    while left < pos - 2:
        i = tokens.token_at(left)
        word = tokens.words[i]
        if not (is_predicate(word) or word in _ROLE_WORDS or word in ("至于", "关于", "对于")):
            break
        left = tokens.starts[i] + len(word)
    return left


def _place_opening(ctx: Context, left: int, pos: int) -> int:
    """Move `left` back to a place a few words before a firm word when only content words stand
    between (甲省|信用担保|集团: 担保 is a verb, yet part of the name the place opens)."""
    for city in ctx.cities_in(max(0, pos - 10), left):
        words = ctx.tokens.token_words(city.end, pos)
        if (
            city.end < left
            and ctx.tokens.is_boundary(city.end)
            and 1 <= len(words) <= 3
            and all(len(w) > 1 and w not in STOP_TOKENS and HAN_WORD.fullmatch(w) for w in words)
        ):
            return city.start
    return left


def _lone_pair(ctx: Context, pos: int) -> bool:
    """Whether the two characters before `pos` are lone tokens of a name no dictionary knows,
    one of them a function character the name walk stops at (春|和, 同|益), after a word's end."""
    tokens, text = ctx.tokens, ctx.text
    pair = text[pos - 2 : pos]
    if len(pair) < 2 or not HAN_WORD.fullmatch(pair) or ctx.freq(pair) > 0:
        return False
    if pair[0] in "其这该此各每本我你他她它" or all(ch in STOP_TOKENS for ch in pair):
        return False  # 其同集团: its same group
    lone = all(len(tokens.words[tokens.token_at(p)]) == 1 for p in (pos - 2, pos - 1))
    return lone and tokens.is_boundary(pos - 2) and any(ch in STOP_TOKENS for ch in pair)


def _suffix_then_verb(word: str, size: int) -> bool:
    """The segmenter glued a verb to the firm word of `size` characters opening `word` (星云|科技
    开发): the word is the suffix and a verb (开发, 发展)."""
    return len(word) - size >= 2 and (word_tag(word[size:]) or "").startswith("v")


# A firm's name in quotes right after the word for its kind: 旗下的晶片设计公司「甲乙」.
_NAME_IN_QUOTES = re.compile(r"[「“]([^」”「“，。]{2,12})[」”]")


# 公司 not after 有限, 股份, 总, 子, 分 (tested after it: a pattern opening with 公司 scans fast).
X_COMPANY = re.compile(r"公司(?<![有限股份总子分]公司)")
_COUNTED = re.compile(r"(?:这|那|一|该|某|每|\d+|[两三四五六七八九十几多])家$")


def company_mentions(ctx: Context) -> list[Mention]:
    """Registered names (…股份有限公司), groups (…集团), 'X公司', and short names that end in an
    industry word and start with a proper name (国瓷材料, 安恒信息)."""
    out = []
    text, tokens = ctx.text, ctx.tokens
    for m in finditer_near(_LEGAL_RE, text, _FIRM_WORD, before=6, after=0):
        left = _registered_left(ctx, m.start())
        if m.start() - left < 2:
            continue
        mention = _company(ctx, left, m.end(), "pattern:registered_company")
        if mention:
            out.append(mention)
    for m in ctx.matches(X_COMPANY):
        left = tokens.left_edge(m.start(), max_chars=6)
        stem = text[left : m.start()]
        if not (2 <= len(stem) <= 4) or not _name_like(
            ctx, stem, tokens.token_words(left, m.start())
        ):
            continue
        if _GENERIC_MODIFIERS.fullmatch(stem) or ctx.cities_in(left, m.start()):
            continue
        if len(stem) == 2 and stem[1] == "业":
            continue  # 锂业公司, 矿业公司: a trade, not a name
        if _MEDIA_HOUSE.search(text[left : m.end() + 1]):
            continue
        if _COUNTED.search(text, max(0, left - 3), left):  # (a count ends right before it)
            continue  # 这家晶片设计公司, 一家锂业公司: a firm described, not named
        if _NAME_IN_QUOTES.match(text, m.end()):
            continue  # 晶片设计公司「甲乙」: the kind of firm, then its name
        name = stem + "公司"
        mention = Mention(left, m.end(), "Company", name, name, "pattern:x_company")
        mention.aliases.add(stem)
        out.append(mention)
    starts, words = tokens.starts, tokens.words
    for m in _INDUSTRY_RE.finditer(text):
        start, end = m.span()
        i = bisect_right(starts, start) - 1  # tokens.token_at(start)
        if start > 0 and starts[i] != start:  # (not tokens.is_boundary(start))
            continue
        word, suffix = words[i], m.group()
        if word.endswith(("集团", "控股", "股份")) and _TWO_SUFFIXES.fullmatch(word):
            end, suffix = start + len(word), word  # 甲乙|实业集团: one word for two firm words
        elif not (tokens.is_boundary(end) or _suffix_then_verb(word, end - start)):
            continue
        group_word, opens_group_word, firm_only = suffix_kind(suffix)
        if not group_word and (i == 0 or stops_walk(words[i - 1], starts[i - 1], start - 8)):
            continue  # no word before it (tokens.stops_before(start, 8): the stem would be empty)
        left = name_left_edge(ctx, start, max_chars=8, verb_min_freq=1000)
        if opens_group_word:
            left = _place_opening(ctx, left, start)
        core_start, _ = _strip_places(ctx, left, start)
        if start - core_start < 2 and group_word and _lone_pair(ctx, start):
            # 春和集团, 同益实业集团: a name of two lone characters, one a function character
            mention = _company(ctx, start - 2, end, "pattern:industry_name")
            if mention:
                out.append(mention)
            continue
        stem_words = tokens.token_words(core_start, start)
        stem = text[core_start : start]
        if not (2 <= len(stem) <= 5) or not stem_words:
            continue
        if group_short_form(ctx, stem, suffix):
            if suffix == "集团" and core_start == left:  # 宝钢集团: the group 宝钢 itself
                group = next(e for e in ctx.gaz.lookup(stem) if e.label == "Company")
                mention = Mention(left, end, "Company", group.name, text[left:end], "gazetteer")
                mention.aliases.update({text[left:end], stem})
            else:  # 甲信重工: a firm of its own, owned by the group 甲信 only where the article
                # names the group (T34, subsidiary_of)
                mention = _company(ctx, left, end, "pattern:industry_name")
            if mention:
                out.append(mention)
            continue
        # Before a word that also names a field (材料, 汽车, 电子) a stem of ordinary words is
        # a description (新能源汽车); before 科技, 集团, 控股 … it is a firm's name (星云科技).
        if not firm_only and is_vocabulary(ctx, stem_words):
            continue
        # a place opening the name makes even ordinary words a firm's (甲省信用担保集团)
        placed = opens_group_word and core_start > left and len(stem_words) <= 3
        if not _short_name_stem(tuple(stem_words), proper_needed=not firm_only) and not placed:
            continue  # 锐意科技(创新), 党员干部懂科技, 7家汽车, 5G大带宽网络
        # The stem must be a proper name, not vocabulary (人工智能, 高端装备, 而以, 人社部, 5G),
        # or a brand word before a firm-only suffix (a flower's name + 集团).
        brand = not _name_like(ctx, stem, stem_words)
        if brand and not (firm_only and _brand_word(ctx, stem_words, core_start)) and not placed:
            continue
        if ctx.freq(stem + suffix) > 0:
            continue
        if (
            stem[-1] in "部局委厅办院所"
            or not _HAN_CHAR.search(stem)
            or "行业" in stem or "领域" in stem or "产业" in stem
        ):
            continue
        if _GENERIC_MODIFIERS.fullmatch(stem):
            continue
        mention = _company(ctx, left, end, "pattern:industry_name", brand=brand and not placed)
        if mention:
            out.append(mention)
    return out

