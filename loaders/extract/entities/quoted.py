"""Names in quotation marks with a type word: “窑炉数字大脑”, “云帆”工业互联网平台, “双千兆”工程."""

from __future__ import annotations

import re

from loaders.extract.entities.anchor_scan import finditer_around
from loaders.extract.entities.base import (
    _NAME_CHARS,
    HAN,
    Context,
    Mention,
    fold,
    is_predicate,
    name_left_edge,
)
from loaders.extract.entities.branches import OPERATOR
from loaders.extract.entities.lexicon import _GENERIC_MODIFIERS, STOP_TOKENS
from loaders.extract.entities.quote_chains import chains
from loaders.extract.nlp import word_tag
from loaders.extract.scan import finditer_from, word_alternation, word_before

# -- quoted names ------------------------------------------------------------------------------

_QUOTED_RE = re.compile(r"[“‘]([^“”‘’\n]{2,24})[”’]")
_OPENING_QUOTES = "“‘"  # every match of _QUOTED_RE opens with one (loaders.extract.scan)
# Type words after (or ending) a quoted name, longest first, and the label each gives.
_TYPE_SUFFIXES: list[tuple[str, str]] = sorted(
    [
        ("专项行动计划", "Policy"),
        ("三年行动计划方案", "Policy"),
        ("三年行动计划", "Policy"),
        ("行动计划", "Policy"),
        ("行动方案", "Policy"),
        ("实施方案", "Policy"),
        ("规划", "Policy"),
        ("规划建议", "Policy"),
        ("工作计划", "Policy"),
        ("实施计划", "Policy"),
        ("发展计划", "Policy"),
        ("发展规划", "Policy"),
        ("实施意见", "Policy"),
        ("白皮书", "Policy"),
        ("图谱", "Policy"),
        ("指标体系", "Policy"),
        ("方案", "Policy"),
        ("计划", "Project"),  # a bare 计划 in quotes is a programme: “星河人才计划” (L38)
        ("纲要", "Policy"),
        ("专项行动", "Project"),
        ("提升行动", "Project"),
        ("攻坚行动", "Project"),
        ("行动", "Project"),
        ("工程", "Project"),
        ("项目", "Project"),
        ("试点", "Project"),
        ("基金", "Project"),  # a public fund's grant scheme only (L41, _PUBLIC_FUND)
        ("示范基地", "Project"),
        ("工厂", "Project"),
        ("示范区", "Project"),
        ("产业园", "Project"),
        ("园区", "Project"),
        ("根节点", "Project"),
        # networks and lines (L42)
        ("干线", "Project"),
        ("城域网", "Project"),
        ("示范网", "Project"),
        ("铁路", "Project"),
        ("运河", "Project"),
        # named events: a title in quotes (L43)
        ("大会", "Project"),
        ("会议", "Project"),
        ("论坛", "Project"),
        ("峰会", "Project"),
        ("博览会", "Project"),
        ("推介会", "Project"),
        ("交易会", "Project"),
        ("洽谈会", "Project"),
        ("大赛", "Project"),
        ("锦标赛", "Project"),
        ("嘉年华", "Project"),
        ("工业互联网平台", "Platform"),
        ("云平台", "Platform"),
        ("平台", "Platform"),
        ("大脑", "Platform"),
        ("云脑", "Platform"),
        ("系统", "Platform"),
        ("操作系统", "Platform"),
        ("大模型", "Platform"),
        ("数据库", "Platform"),
        ("小程序", "Platform"),
        ("APP", "Platform"),
        ("App", "Platform"),
    ],
    key=lambda p: len(p[0]),
    reverse=True,
)
_ANAPHOR_RE = re.compile(r"(?:这个|这一|该|此|这|上述)[^，,。；\n]{0,10}$")

_TYPE_LABEL = dict(_TYPE_SUFFIXES)
# The lengths of the type words that end with each character, longest first (read by _type_of).
_TYPE_LENGTHS = {
    end: sorted({len(w) for w in _TYPE_LABEL if w[-1] == end}, reverse=True)
    for end in {w[-1] for w in _TYPE_LABEL}
}
_TYPE_ENDING = re.compile("[" + "".join(map(re.escape, sorted(_TYPE_LENGTHS))) + "]")

# (as a trie: scans faster)
_TYPE_WORD = re.compile("(?=(" + word_alternation("|".join(s for s, _ in _TYPE_SUFFIXES)) + "))")

# A government's fund, whose grants are a scheme (L41): 政府“甲基金”, 向“乙基金”注资/拨款.
_PUBLIC_FUND = re.compile(r"政府|财政|特区|当局|向$")


def _type_of(name: str) -> tuple[str, str] | None:
    """(type word, label) that `name` ends with, the longest type word first."""
    for length in _TYPE_LENGTHS.get(name[-1:], ()):  # (longer than `name`: `name` itself)
        label = _TYPE_LABEL.get(name[-length:])
        if label:
            return name[-length:], label
    return None


_TAIL_RUN = re.compile(f"规划和\\d{{4}}年远景目标纲要|[{_NAME_CHARS}+]{{1,12}}")
_QUOTE_SPACES = re.compile(r"\s*([“”‘’])\s*")
_SPACE = re.compile(r"\s")  # (without one, _QUOTE_SPACES leaves a text as it is)
_VAGUE_QUALIFIER = re.compile(r"重点|相关|有关|等|首批")
_PLUS = re.compile(r"[+＋]")
_VERB_LAST = re.compile("[用上入建搭接进连]$")
_LETTER = re.compile(f"[{HAN}A-Za-z]")
_HAN_RUN = re.compile(f"[{HAN}]+")
_PLAN_PERIOD = re.compile("十[一二三四五六七八九]五")


def quoted_mentions(ctx: Context) -> list[Mention]:
    """Names in quotation marks that end in, or are followed by, a type word:
    “窑炉数字大脑”, “云帆”工业互联网平台, “双千兆”工程, 创新中心“个十百”提升行动."""
    out = []
    text = ctx.text
    quotes = list(finditer_from(_QUOTED_RE, text, _OPENING_QUOTES))  # once for the 3 finders
    if not quotes:
        return []  # (every name the 3 finders read, alone or in a list, is one of them)
    for m in quotes:
        inner = m.group(1)
        end = m.end()
        # A type word right after the closing quote (optionally after one space).
        tail_start = end + 1 if text[end : end + 1] == " " else end
        run = _TAIL_RUN.match(text, tail_start)
        suffix = ""
        if run and _TYPE_ENDING.search(text, tail_start, run.end()):  # (else no type word in it)
            head = run.group(0)
            ends = sorted({t.end(1) for t in _TYPE_WORD.finditer(head)}, reverse=True)
            for cut in ends:
                typ = _type_of(head[:cut])
                # a type word, possibly after a short qualifier (三年行动计划方案)
                qualifier = head[: cut - len(typ[0])] if typ else ""
                if (
                    typ
                    and (len(qualifier) <= 4 or "远景目标" in qualifier)
                    and not _VAGUE_QUALIFIER.search(qualifier)
                ):
                    suffix = head[:cut]
                    break
        typ = None if suffix else _type_of(inner)  # (the type word ending the name, read below)
        if not suffix and typ is None:
            continue  # no type word (the test below, before the costlier ones)
        if _ANAPHOR_RE.search(text, max(0, m.start() - 12), m.start()):  # ($: at m.start())
            continue
        if (suffix or inner).endswith("解决方案"):
            continue  # a product offering, not a plan document (L35)
        if (suffix or inner).endswith("基金") and not _PUBLIC_FUND.search(
            text, max(0, m.start() - 12), m.start()
        ):
            continue  # “星河一号基金”: an investment vehicle, a Company (L17), not a scheme
        if suffix:
            label = _type_of(suffix)[1]  # type: ignore[index]
            span_end = tail_start + len(suffix)
            if suffix.endswith("项目") and _GENERIC_MODIFIERS.fullmatch(
                _PLUS.sub("", inner)
            ):
                continue  # “5G+工业互联网”项目: a kind of project
            words = ctx.tokens.token_words(tail_start, span_end)
            verbs = [w for w in words[:-1] if is_predicate(w) and len(w) > 1]
            if suffix.endswith("项目") and verbs:
                continue  # “自上而下”组织策划项目: a manner, then a verb phrase, not a name
        else:
            if typ is None or len(inner) <= len(typ[0]) + 1:
                continue
            stem = inner[: -len(typ[0])]
            label = typ[1]
            if "+" in stem or "＋" in stem:
                continue
            if label != "Policy" and _GENERIC_MODIFIERS.fullmatch(stem):
                continue
            if label == "Platform" and _VERB_LAST.search(stem):
                continue  # “上云用平台”: a verb before the type word makes a slogan
            if label == "Policy" and len(stem) < 4:
                continue
            span_end = end
        first = ctx.tokens.token_words(m.start() + 1, m.start() + 3)[:1]
        if first and first[0] in STOP_TOKENS:
            continue  # a quoted phrase that opens with a verb is a quotation, not a name
        if (
            suffix
            and label == "Platform"
            and not _type_of(inner)
            and (
                _GENERIC_MODIFIERS.fullmatch(inner)
                or not _brand_like(ctx, m.start() + 1, m.start() + 1 + len(inner))
                or not _LETTER.search(inner)
                or "+" in inner
                or text.startswith("体系", span_end)
            )
        ):
            continue  # “企业上云”平台, “双跨”平台: a slogan or a category, not a brand
        # Words glued before the opening quote belong to the name (创新中心“个十百”提升行动),
        # unless they are only a place, which becomes a location instead.
        lead_start = m.start() - 1 if text[m.start() - 1 : m.start()] == " " else m.start()
        left = max(
            ctx.tokens.left_edge(lead_start, max_chars=8), name_left_edge(ctx, lead_start, 8)
        )  # 星河区推行“甲乙计划”: a verb before the quote is not part of the name
        if (label == "Platform" or not suffix) and not ctx.leading_places(left, lead_start):
            # 线上“云帆”平台, 量子通信“甲乙干线”: words before a brand or before a name that
            # carries its own type word are not part of it
            left = m.start()
        places = ctx.leading_places(left, lead_start)
        place_left = None
        if places and places[-1].end == lead_start:
            place_prefix = tuple(p.name for p in places)
            if label == "Policy":
                place_left = left  # 江西省“十五五”规划: a document's title keeps its place (L33)
            left = m.start()
        else:
            place_prefix = ()
            if left < lead_start and not _HAN_RUN.fullmatch(text, left, lead_start):
                left = m.start()
        owner = ""
        if places and OPERATOR.fullmatch(text[places[-1].end : lead_start]):
            # 甲省移动“乙”平台: the operator's platform, located where the operator is
            owner, left = text[left:lead_start], m.start()
            place_prefix = tuple(p.name for p in places)
        if (
            label == "Policy"
            and suffix == "规划"
            and _PLAN_PERIOD.fullmatch(inner)
            and not place_prefix
            and left == m.start()
        ):
            continue  # a bare “十四五”规划: every place has one, no title names it (L35)
        if place_left is not None:
            left = place_left
        surface = text[left:span_end]
        name = fold(_QUOTE_SPACES.sub(r"\1", surface) if _SPACE.search(surface) else surface)
        if label == "Platform" and suffix and not _type_of(inner) and left == m.start():
            name = fold(inner)  # a brand: “云帆”工业互联网平台 is the platform 云帆
        mention = Mention(left, span_end, label, name, surface, "pattern:quoted")
        mention.owner = owner or None
        inner_places = ctx.leading_places(m.start() + 1, m.end() - 1)
        mention.place_prefix = place_prefix or tuple(p.name for p in inner_places)
        for alias in {surface, fold(inner) + suffix, text[m.start() : span_end]}:
            if alias and alias != name:
                mention.aliases.add(alias)
        out.append(mention)
    return out + platform_quote_mentions(ctx, quotes) + project_quote_mentions(ctx, quotes)


# A quoted name right after a word for a network, line or works (量子通信网络“甲乙网”), and a
# list of quoted names closed by a word for campaigns or events (“甲”、“乙”等促消费活动).
_PROJECT_WORDS = "网络|城域网|干线|专线|铁路|管线|工程|项目"
_PROJECT_WORD_BEFORE = re.compile(f"(?:{_PROJECT_WORDS})\\s?$")
_PROJECT_WORD_ENDS = frozenset(word[-1] for word in _PROJECT_WORDS.split("|"))
# Chains of quoted names (scanned only near two in a row: quote_chains).
_CAMPAIGN_CHAIN = re.compile(
    f"(?:[“‘][^“”‘’\n]{{2,16}}[”’](?:[、和及与](?:[{HAN}]{{1,4}}(?=[“‘]))?)?){{2,}}"
    f"等[{HAN}]{{0,6}}?(?:活动|行动|工程|项目|赛事)"
)

# Quoted names that a verb of building or carrying out governs, alone or as a list (建设“甲走廊”
# “乙走廊”, 深化“丙”、“丁”): works and programmes, ended by a clause mark or a verb.
_CARRIED_OUT = re.compile(
    f"(?:建设|打造|共建|构建|推进|推动|深化|实施|开展|启动|试点|举办)[{HAN}]{{0,4}}?"
    f"((?:[“‘][^“”‘’\n]{{2,16}}[”’][、和及与]?){{1,6}})"
)
# Scanned near quoted names (a match's are _QUOTED_RE's): it opens at most 6 characters (verb, 4
# more) before the first; each ends at most 18 after its opening (16 inside, a quote, a joint).
_CARRIED_OUT_REACH = (6, 18)
# Goals, titles and visions are no projects (X3): 打造“甲之都”, 建设“数字强省”.
_GOAL_END = re.compile(r"(?:之都|之城|之乡|强省|强市|强区|强县|强国|高地|名城|中心城市|样板|标杆)$")

_BRANDS_AFTER = re.compile(f"[、等]?[{HAN}]{{0,6}}?(?:品牌|口号|理念|目标|精神|模式|战略)")
_COUNTED_SLOGAN = re.compile(r"^[\d一二三四五六七八九十两百千]")


def _programme_like(inner: str) -> bool:
    """Not a goal (甲之都), not a counted slogan (两城两带, 4+1), not a common word (触网)."""
    return len(inner) >= 3 and not (
        _GOAL_END.search(inner) or _COUNTED_SLOGAN.match(inner) or word_tag(inner) is not None
    )


def _ends_a_phrase(ctx: Context, end: int) -> bool:
    """A clause mark, a list joint or a verb right after a quoted name: the name is not the
    modifier of a longer phrase (“甲”服务体系)."""
    nxt = ctx.text[end : end + 1]
    if not nxt or nxt in "，,。；;、“”‘’等和及与（(：:\n":
        return True
    if not ctx.tokens.is_boundary(end):
        return False
    tag = word_tag(ctx.tokens.words[ctx.tokens.token_at(end)]) or ""
    return tag.startswith("v") and tag != "vn"  # 提质增效, not 发展 (生态)


_CLAUSE_MARK = re.compile(r"[，。！？,!?]")


def project_quote_mentions(
    ctx: Context, quotes: list[re.Match[str]] | None = None
) -> list[Mention]:
    """Quoted names of works and campaigns that carry no type word of their own: one right
    after a word for a network (量子通信网络“甲乙”), each of a list closed by 等…活动, and the
    quoted names a verb of building or carrying out governs (建设“甲走廊”“乙走廊”)."""
    text = ctx.text
    if quotes is None:
        quotes = list(finditer_from(_QUOTED_RE, text, _OPENING_QUOTES))
    words = _PROJECT_WORD_BEFORE, _PROJECT_WORD_ENDS
    spans = [(m.start(), m.end()) for m in quotes if word_before(text, m.start(), *words)]
    for chain in chains(_CAMPAIGN_CHAIN, text, quotes):
        for m in _QUOTED_RE.finditer(chain.group(0)):
            spans.append((chain.start() + m.start(), chain.start() + m.end()))
    openings = [(m.start(), m.start() + 1) for m in quotes]
    for verb in finditer_around(_CARRIED_OUT, text, openings, *_CARRIED_OUT_REACH):
        names = list(_QUOTED_RE.finditer(text, verb.start(1), verb.end(1)))
        if not names or not _ends_a_phrase(ctx, names[-1].end()):
            continue
        if _BRANDS_AFTER.match(text, names[-1].end()):
            continue  # “甲”“乙”等劳务品牌: brands and slogans (X3)
        spans.extend((q.start(), q.end()) for q in names if _programme_like(q.group(1).strip()))
    out = []
    for start, end in sorted(set(spans)):
        inner = text[start + 1 : end - 1].strip()
        first = ctx.tokens.token_words(start + 1, start + 3)[:1]
        if (
            _type_of(inner) is not None
            or _GENERIC_MODIFIERS.fullmatch(inner)
            or (first and first[0] in STOP_TOKENS)
            or _CLAUSE_MARK.search(inner)
        ):
            continue
        out.append(Mention(start, end, "Project", fold(inner), text[start:end], "pattern:quoted"))
    return out


# Type words a platform's name may follow as an apposition (数字孪生平台“星云”) or a list of
# quoted names may be closed by (“甲”“乙”等App).
_PLATFORM_WORDS = "平台|系统|大脑|大模型|软件|APP|App|小程序"
_PLATFORM_WORD_BEFORE = re.compile(f"(?:{_PLATFORM_WORDS})\\s?$")
_PLATFORM_WORD_ENDS = frozenset(word[-1] for word in _PLATFORM_WORDS.split("|"))
_QUOTE_CHAIN = re.compile(
    r"(?:[“‘][^“”‘’\n]{2,16}[”’][、和及与]?){2,}等?\s?(?:APP|App|app|小程序|平台|软件|系统)"
)
_VERSION = re.compile(r"\s?[Vv]?\d+(?:\.\d+)+|\s?[Vv]\d+")


def platform_quote_mentions(
    ctx: Context, quotes: list[re.Match[str]] | None = None
) -> list[Mention]:
    """Quoted platform names that carry no type word of their own: one right after a platform
    word (低代码开发平台“星云”, 大模型“星河”2.0, L1) and each of a list of quoted names closed by
    a platform word (“甲乙”“丙丁”等App). Slogans and categories (“企业上云”) are not names."""
    out = []
    text = ctx.text
    spans: list[tuple[int, int]] = []
    if quotes is None:
        quotes = list(finditer_from(_QUOTED_RE, text, _OPENING_QUOTES))
    for m in quotes:
        if word_before(text, m.start(), _PLATFORM_WORD_BEFORE, _PLATFORM_WORD_ENDS):
            spans.append((m.start(), m.end()))
    products: set[tuple[int, int]] = set()  # in a list closed by App, 小程序 or 软件
    for chain in chains(_QUOTE_CHAIN, text, quotes):
        app = not chain.group(0).endswith(("平台", "系统"))
        for m in _QUOTED_RE.finditer(chain.group(0)):
            span = (chain.start() + m.start(), chain.start() + m.end())
            spans.append(span)
            if app:
                products.add(span)
    for start, end in sorted(set(spans)):
        inner = text[start + 1 : end - 1].strip()
        if (
            _type_of(inner) is not None
            or _GENERIC_MODIFIERS.fullmatch(inner)
            or "+" in inner
            or not ((start, end) in products or _brand_like(ctx, start + 1, end - 1))
        ):
            continue
        first = ctx.tokens.token_words(start + 1, start + 3)[:1]
        if first and first[0] in STOP_TOKENS:
            continue
        mention = Mention(start, end, "Platform", fold(inner), text[start:end], "pattern:quoted")
        version = _VERSION.match(text, end)
        if version:
            mention.aliases.add(fold(inner) + version.group(0).strip())
        out.append(mention)
    return out


_LATIN = re.compile("[A-Za-z]")


def _brand_like(ctx: Context, start: int, end: int) -> bool:
    """A brand has a proper-name part: a word jieba does not know (split into single
    characters), a rare word, or Latin letters; 企业上云 is made of ordinary words."""
    words = ctx.tokens.token_words(start, end)
    if _LATIN.search(ctx.text, start, end):
        return True
    places = {c.surface for c in ctx.cities_in(start, end)}
    if any(len(w) > 1 and w not in places and ctx.freq(w) >= 1000 for w in words):
        return False  # 企业上云: everyday words
    # Anything else in quotes before 平台 is a brand, even an ordinary noun (“羚羊”平台).
    return not any(w in STOP_TOKENS for w in words)
