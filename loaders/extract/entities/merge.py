"""Combining the finders' mentions: owner prefixes, overlaps, later occurrences."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

from loaders.extract.entities.agencies import agency_mentions, party_committee_mentions
from loaders.extract.entities.base import _PUNCT, HAN, SPAN, START, Context, Mention, TokenIndex
from loaders.extract.entities.bracketed_forms import bracketed_latin_forms
from loaders.extract.entities.branches import (
    branch_mentions,
    operator_branch_mentions,
    state_investor_mentions,
)
from loaders.extract.entities.client_lists import client_list_mentions
from loaders.extract.entities.companies import company_mentions
from loaders.extract.entities.events import event_mentions
from loaders.extract.entities.firm_lists import listed_firm_mentions
from loaders.extract.entities.investees import investee_firms, latin_deal_firms
from loaders.extract.entities.known_firms import dictionary_firm_mentions
from loaders.extract.entities.named_lists import named_list_mentions
from loaders.extract.entities.organizations import organization_mentions
from loaders.extract.entities.people import person_mentions
from loaders.extract.entities.places import gazetteer_mentions, zone_mentions
from loaders.extract.entities.platforms import (
    platform_mentions,
    rename_platforms_named_by_their_firm,
)
from loaders.extract.entities.policies import book_title_mentions, unquoted_policy_mentions
from loaders.extract.entities.projects import project_mentions
from loaders.extract.entities.quoted import quoted_mentions
from loaders.extract.entities.short_forms import drop_shared_short_forms
from loaders.extract.entities.slot_firms import (
    coordinated_firm_mentions,
    deal_firm_mentions,
    described_latin_firms,
    latin_firm_mentions,
    quoted_firm_mentions,
    slot_firm_mentions,
)
from loaders.extract.entities.statistical import Tagger, statistical_mentions
from loaders.extract.entities.sub_units import sub_unit_mentions
from loaders.extract.entities.trade_firms import described_x_company_mentions, place_works_mentions
from loaders.extract.nlp import TextDoc as Doc
from loaders.extract.scan import find_words

# -- merging ---------------------------------------------------------------------------------

_SOURCE_RANK = {"gazetteer": 2, "pattern:agency": 3}
_PLATFORM_TAIL = re.compile(r"(?:工业互联网平台|超级平台|平台)")


def _join_owner_prefix(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """海尔卡奥斯 → the platform 卡奥斯 with owner 海尔集团; 卡奥斯工业互联网平台 → 卡奥斯."""
    by_start = {m.start: m for m in mentions if m.source == "gazetteer"}
    drop: set[int] = set()
    extra: list[Mention] = []
    for m in mentions:
        if m.source != "gazetteer":
            continue
        if m.label == "Company":
            nxt = by_start.get(m.end)
            if nxt is not None and nxt.label == "Platform":
                nxt.owner = m.name
                nxt.aliases.add(ctx.text[m.start : nxt.end])
                m.nested = True
        if m.label == "Platform" and m.owner is None:
            _owner_from_alias(ctx, m, extra)
        if m.label == "Platform":
            tail = _PLATFORM_TAIL.match(ctx.text, m.end)
            if tail:
                m.aliases.add(ctx.text[m.start : tail.end()])
    for m in mentions:
        if m.nested and m.label == "Company":
            plat = by_start.get(m.end)
            if plat is not None:
                plat.start = m.start
                plat.surface = ctx.text[plat.start : plat.end]
    return [m for i, m in enumerate(mentions) if i not in drop] + extra


def _owner_from_alias(ctx: Context, m: Mention, extra: list[Mention]) -> None:
    """A platform alias that opens with its owner's name (海尔卡奥斯): record the owner and a
    nested Company mention for it."""
    entries = [e for e in ctx.gaz.lookup(m.name) if e.label == "Platform"]
    owner = entries[0].parent if entries else None
    if not owner or m.surface == m.name:
        return
    companies = [e for e in ctx.gaz.lookup(owner) if e.label == "Company"]
    owner_forms = [owner, *(companies[0].aliases if companies else ())]
    for form in sorted(owner_forms, key=len, reverse=True):
        if m.surface.startswith(form) and len(m.surface) > len(form):
            m.owner = owner
            company = Mention(m.start, m.start + len(form), "Company", owner, form, "gazetteer")
            if form != owner:
                company.aliases.add(form)
            company.nested = True
            extra.append(company)
            return


# A park's administration names the park (a Project); a zone's names a City zone instead (L7).
_PARK_BODY = re.compile(r"(?:园区|产业园)(?:管委会|管理委员会)$")


# Names of a unit that open with its parent's name (甲科学院乙研究所).
_UNIT_SOURCES = frozenset({"pattern:named_unit", "pattern:institute"})


def _resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Longest spans win; mentions inside a winner stay as nested (places inside a park's name).
    Crossing spans lose."""
    rank = _SOURCE_RANK.get  # (sort keys built in one pass; the index keeps equal keys in order)
    keys = [(m.start - m.end, -rank(m.source, 1), m.start, i) for i, m in enumerate(mentions)]
    ordered = [mentions[k[3]] for k in sorted(keys)]
    starts: list[int] = []  # winners, sorted by start; they never overlap each other
    winners: list[Mention] = []
    out: list[Mention] = []
    for m in ordered:
        start, end = m.start, m.end
        i = bisect_right(starts, start) - 1
        left = winners[i] if i >= 0 else None
        if i + 1 < len(winners) and winners[i + 1].start < end:
            continue  # crossing the next winner
        inside = left is not None and end <= left.end
        if not inside and left is not None and start < left.end:
            continue  # crossing the winner before
        if (
            inside
            and left is not None
            and (left.start, left.end, left.label) == (m.start, m.end, m.label)
        ):
            continue  # the same span read twice (发改委 in a list of local bodies): one reading
        if inside and left is not None and left.label == "Person":
            continue  # 玉林 inside 徐玉林
        if inside:
            # 武进…开发区管委会: the park its administration is named after is a Project too
            park_body = m.label == "Project" and left.label == "Agency" and m.start == left.start
            if park_body and _PARK_BODY.search(left.surface):
                m.nested = True
                out.append(m)
                continue
            if left.source in _UNIT_SOURCES and m.start == left.start and m.label == left.label:
                continue  # 甲科学院|乙研究所: the parent is named only as the unit's opening
            if m.label == "Agency" == left.label and m.end == left.end and m.start > left.start:
                continue  # 自治区|国资委: the local body's department word, not the national body
            owner = m.label == "Company" and left.label == "Project" and m.start == left.start
            if m.nested or owner or (
                m.label in ("City", "Agency") and m.source in ("gazetteer", "pattern:zone")
            ):
                m.nested = True
                out.append(m)
            continue
        if m.nested:  # an owner prefix already absorbed by its platform
            out.append(m)
            continue
        starts.insert(i + 1, m.start)
        winners.insert(i + 1, m)
        out.append(m)
    return sorted(out, key=SPAN)


_SHORT_NAME = re.compile(
    r"\s*[（(](?:以下)?(?:简称|下称|简称为)[“\"]?([^”\"）)]{2,16})[”\"]?"
    r"((?:[或、和及][“\"][^”\"）)]{2,16}[”\"])*)[)）]"
)
_MORE_SHORT_NAMES = re.compile(r"[“\"]([^”\"）)]{2,16})[”\"]")
# A short form that only points back (以下简称“公司”) names nothing of its own.
_POINTER_NAMES = frozenset({"公司", "本公司", "该公司", "集团", "本集团", "发行人", "上市公司"})


def _declared_short_names(ctx: Context, mentions: list[Mention]) -> None:
    """X（以下简称“Y”）: Y is another name of X, found again later by propagation."""
    for m in mentions:
        if m.nested or m.label == "City":
            continue
        short = _SHORT_NAME.match(ctx.text, m.end)
        if short:
            names = [short.group(1), *_MORE_SHORT_NAMES.findall(short.group(2))]
            m.aliases.update(n.strip() for n in names if n.strip() not in _POINTER_NAMES)
            continue
        # 上海甲乙信息科技有限公司（甲乙）: a bracketed short form of a registered name, its
        # characters in order, is the same firm
        bare = _BRACKETED_SHORT.match(ctx.text, m.end)
        if bare and m.label == "Company" and _LEGAL_WORDS.search(m.surface):
            form = bare.group(1)
            if form != m.name and _in_order(form, m.name):
                m.aliases.add(form)


_LEGAL_WORDS = re.compile(r"集团|股份|有限|责任|公司")
_BRACKETED_SHORT = re.compile(r"[（(]([\u4e00-\u9fffA-Za-z]{2,6})[)）]")


def _in_order(short: str, name: str) -> bool:
    """Every character of `short` appears in `name`, in order (纽酷 in 纽酷信息科技)."""
    rest = iter(name)
    return all(ch in rest for ch in short)


def _initial_abbreviations(ctx: Context, mentions: list[Mention]) -> None:
    """A firm's customary abbreviation: its place's short form and the first character of each
    of its first words (四川省能源投资集团有限责任公司 → 四川能投), kept only when the article
    writes it."""
    text = ctx.text
    # a short name the article declared for one firm (以下简称) is no other firm's abbreviation
    declared = {a: m.name for m in mentions if m.label == "Company" for a in m.aliases}
    for m in mentions:
        if m.label != "Company" or m.nested or m.source != "pattern:registered_company":
            continue
        places = ctx.leading_places(m.start, m.end)
        if not places:
            continue
        entry = ctx.gaz.division(places[-1].name)
        short = entry.short if entry is not None and entry.short else None
        words = [
            w for w in ctx.tokens.token_words(places[-1].end, m.end) if not _LEGAL_WORDS.search(w)
        ]
        if not short or len(words) < 2 or any(len(w) < 2 for w in words[:2]):
            continue
        for n in (3, 2):
            abbr = short + "".join(w[0] for w in words[:n])
            if declared.get(abbr, m.name) != m.name:
                break
            if len(words) >= n and abbr in text and abbr not in m.aliases:
                m.aliases.add(abbr)
                break


_FUSED_INTO_TITLE = re.compile(r"(?:人大|政协|人民代表大会|政治协商会议)$")
_MEMBER_TITLE = re.compile(r"(?:代表|委员)")


def _drop_bodies_fused_into_titles(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """全国人大代表, 省政协委员: a body fused into a membership title is no entity (T50, X7); so
    is one naming an award won (获甲部科技进步奖, X4). An article that also names the body on
    its own keeps it through its other mentions."""
    return [
        m
        for m in mentions
        if not (
            m.label in ("Agency", "Company", "Organization")
            and (
                (_MEMBER_TITLE.match(ctx.text, m.end) and _FUSED_INTO_TITLE.search(m.surface))
                or (
                    _AWARD_WON.search(ctx.text, max(0, m.start - 2), m.start)
                    and _AWARD.match(ctx.text, m.end)
                )
            )
        )
    ]


# 获甲部科技进步二等奖: the body that names an award won is part of the award's name (X4).
_AWARD_WON = re.compile(r"(?:获|获得|荣获)$")
_AWARD = re.compile(f"[{HAN}]{{0,10}}?(?:[一二三特]等奖|大奖|奖(?![励金项]))")


_LEGAL_FORM = re.compile(r"(?:集团)?(?:股份)?有限(?:责任)?公司$")


def _keep_local_places(mentions: list[Mention]) -> None:
    """抚顺甲燃气有限公司 written beside 甲燃气有限公司: the local company keeps its place in its
    name, or the two registered companies would be read as one."""
    registered = [m for m in mentions if m.label == "Company" and _LEGAL_FORM.search(m.surface)]
    bare = {m.name for m in registered if not m.place_prefix}
    for m in registered:
        if not m.place_prefix or m.name not in bare:
            continue
        local = _LEGAL_FORM.sub("", m.surface)
        if local != m.name and local.endswith(m.name):
            m.aliases = {a for a in m.aliases if a not in bare}
            m.name = local


# A publisher's promotion line (海量资讯、精准解读，尽在甲乙APP; 下载甲乙客户端): source
# apparatus, not a name the article is about (X1).
_PROMOTION_BEFORE = re.compile(r"(?:尽在|下载|打开|关注|扫码下载|扫码关注|点击下载)\s*$")
# A credit line (数据来源：甲市统计局, 来源：乙日报): where the text came from, not what it says.
_CREDIT_LINE = re.compile(
    r"\s*[（(【\[]?\s*(?:数据来源|资料来源|信息来源|来源|图片来源|图源|出处|转载自|责任编辑|编辑)\s*[:：]"
)
_LINE_BREAK = re.compile("\n")


def _drop_promotions(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    text, out = ctx.text, []
    breaks = [b.start() for b in _LINE_BREAK.finditer(text)] + [len(text)]  # (and the end)
    for m in mentions:
        i = bisect_left(breaks, m.start)  # the line breaks before the mention: breaks[:i]
        line_start = breaks[i - 1] + 1 if i else 0
        if breaks[bisect_left(breaks, m.end, i)] - line_start > 40 or not (  # a long line
            _PROMOTION_BEFORE.search(text, line_start, m.start)
            or _CREDIT_LINE.match(text, line_start)
        ):
            out.append(m)
    return out


def _drop_people_named_like_orgs(mentions: list[Mention]) -> list[Mention]:
    """成飞总经理…: 成飞 is the firm's short name, not a person."""
    orgs = [m for m in mentions if m.label != "Person"]  # (their forms: one union of sets)
    org_forms = {m.name for m in orgs}.union(*[m.aliases for m in orgs if m.aliases])
    return [m for m in mentions if m.label != "Person" or m.name not in org_forms]


def _propagate(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """Every further occurrence of a name found by a pattern is a mention too (穆永平 named once
    with a title, then alone; 云帆 first quoted, then bare)."""
    text = ctx.text
    surfaces: dict[str, Mention] = {}
    for m in mentions:
        if m.source == "gazetteer" or m.nested or m.label == "City":
            continue
        for s in (m.name, *m.aliases):
            if len(s) >= 2:
                surfaces.setdefault(s, m)
    # each surface written, the longest first where several (one scan of the text per surface)
    written_at = list(find_words(text, surfaces))
    if not written_at:
        return mentions
    top = sorted([m for m in mentions if not m.nested], key=START)
    starts = [m.start for m in top]
    added = []
    for s, e in written_at:
        i = bisect_right(starts, s) - 1
        if i >= 0 and (top[i].start, top[i].end) == (s, e) and top[i].label != "City":
            continue  # the name where it was found (a mention of that very span blocks it)
        j = bisect_left(starts, e)
        inside = top[max(i, 0) : j]
        overlapping = [m for m in inside if m.start < e and m.end > s]
        # A place inside the name (青岛 in “工赋青岛”) becomes nested; anything else blocks it.
        if any(m.label != "City" or m.start < s or m.end > e for m in overlapping):
            continue
        if not ctx.tokens.is_boundary(s) and text[s - 1 : s] not in _PUNCT:
            continue
        for m in overlapping:
            m.nested = True
        written = text[s:e]
        src = surfaces[written]
        m = Mention(s, e, src.label, src.name, written, "propagated")
        m.aliases = set(src.aliases)
        m.place_prefix = src.place_prefix if written == src.surface else ()
        m.owner = src.owner
        added.append(m)
    return sorted(mentions + added, key=SPAN)


@dataclass
class Found:
    """The mentions of one article and the place a bare 市/省 refers to."""

    mentions: list[Mention]
    home_city: str | None
    home_province: str | None
    tokens: TokenIndex


def find_mentions(
    doc: Doc, title: str = "", freq: Any = None, tagger: Tagger | None = None
) -> Found:
    """All entity mentions in `doc` (a Doc from loaders.extract.nlp.get_nlp()); `tagger`, when
    given, adds the person and organisation names a statistical tagger finds in the gaps."""
    from loaders.extract.nlp import word_frequency

    ctx = Context(doc, title, freq or word_frequency)
    mentions = gazetteer_mentions(ctx)
    mentions.extend(zone_mentions(ctx))
    for finder in (
        book_title_mentions,
        unquoted_policy_mentions,
        quoted_mentions,
        company_mentions,
        dictionary_firm_mentions,
        quoted_firm_mentions,
        agency_mentions,
        organization_mentions,
        event_mentions,
        project_mentions,
        named_list_mentions,
        platform_mentions,
        person_mentions,
    ):
        mentions.extend(finder(ctx))
    mentions.extend(described_x_company_mentions(ctx, mentions))
    mentions.extend(place_works_mentions(ctx, mentions))
    mentions.extend(listed_firm_mentions(ctx, mentions))
    mentions.extend(slot_firm_mentions(ctx, mentions))
    mentions.extend(operator_branch_mentions(ctx))
    mentions.extend(state_investor_mentions(ctx, mentions))
    mentions.extend(branch_mentions(ctx, mentions))  # 甲省移动乙市分公司 too
    mentions.extend(latin_firm_mentions(ctx))
    mentions.extend(latin_deal_firms(ctx.text))
    mentions.extend(described_latin_firms(ctx))
    mentions.extend(client_list_mentions(ctx, mentions))
    mentions.extend(coordinated_firm_mentions(ctx, mentions))
    mentions.extend(deal_firm_mentions(ctx, mentions))
    mentions.extend(party_committee_mentions(ctx, mentions))
    mentions.extend(sub_unit_mentions(ctx, mentions))
    mentions = _join_owner_prefix(ctx, mentions)
    mentions = _resolve_overlaps(mentions)
    _declared_short_names(ctx, mentions)
    mentions = bracketed_latin_forms(ctx.text, mentions)
    investee_firms(ctx.text, mentions)
    rename_platforms_named_by_their_firm(mentions)
    drop_shared_short_forms(mentions)
    _initial_abbreviations(ctx, mentions)
    _keep_local_places(mentions)
    if tagger is not None:  # names the rules missed, before they spread through the article
        mentions.extend(statistical_mentions(ctx, tagger, mentions))
        mentions.sort(key=SPAN)
    mentions = _propagate(ctx, mentions)
    mentions = _drop_people_named_like_orgs(mentions)
    mentions = _drop_bodies_fused_into_titles(ctx, mentions)
    mentions = _drop_promotions(ctx, mentions)
    return Found(mentions, ctx.home_city, ctx.home_province, ctx.tokens)
