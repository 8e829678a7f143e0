"""Branches of known organisations (中国电信湖南分公司) and telecom operators' provincial and city
companies (甲省移动), owned by their group and located in their place."""

from __future__ import annotations

import re

from loaders.extract.entities.base import HAN, Context, Mention, fold

_BRANCH = re.compile(f"([{HAN}]{{2,3}}?)(分公司|子公司|公司|分院|分中心)")


def branch_mentions(ctx: Context, known: list[Mention]) -> list[Mention]:
    """A known organisation's regional branch: 中国电信湖南分公司 (located in its place)."""
    out = []
    for k in known:
        if k.label not in ("Company", "Agency") or k.nested:
            continue
        m = _BRANCH.match(ctx.text, k.end)
        if not m and k.label == "Company":
            out.extend(_regional_groups(ctx, k))
        if not m:
            continue
        entry = ctx.gaz.division(m.group(1))
        if entry is None or entry.level == "district":
            continue
        surface = ctx.text[k.start : m.end()]
        branch = Mention(
            k.start,
            m.end(),
            k.label,
            fold(surface),
            surface,
            "pattern:branch",
            place_prefix=(*k.place_prefix, entry.name),
        )
        if k.label == "Company" and "分" in m.group(2):
            # the branch belongs to the firm, or an operator's branch to its group (T34)
            branch.owner = k.owner or k.name
        out.append(branch)
    return out


# Telecom operators name their provincial and city companies by place + short name (甲省移动).
_OPERATOR_GROUPS = {"移动": "中国移动", "电信": "中国电信", "联通": "中国联通", "广电": "中国广电"}
OPERATOR = re.compile("|".join(_OPERATOR_GROUPS))


def operator_technology(text: str, end: int) -> bool:
    """移动网络, 移动端, 电信网, 联通业务: the technology or service after an operator's name."""
    after = text[end : end + 2]
    return after[:1] in ("网", "端", "化", "性") or after in ("通信", "业务", "互联", "支付")


def operator_branch_mentions(ctx: Context) -> list[Mention]:
    """A place right before an operator's short name: that operator's company there, owned by
    the group and located in the place (the place's short or full form, e.g. 北京移动)."""
    out: list[Mention] = []
    if not any(word in ctx.text for word in _OPERATOR_GROUPS):
        return out  # (every OPERATOR match is one of these words: most texts hold none)
    for city in ctx.cities:
        m = OPERATOR.match(ctx.text, city.end)
        if m is None or not ctx.tokens.is_boundary(m.end()):
            continue
        if operator_technology(ctx.text, m.end()):
            continue
        surface = ctx.text[city.start : m.end()]
        mention = Mention(city.start, m.end(), "Company", surface, surface, "pattern:operator")
        mention.owner = _OPERATOR_GROUPS[m.group(0)]
        mention.place_prefix = (city.name,)
        out.append(mention)
    return out


# A place's state-owned investment firms go by place + a standard short name (甲市城投, 乙县国投).
STATE_INVESTOR = re.compile(r"(?:国投|城投|交投|建投|产投|文投|水投|金控|国控|科投|发投)")


def state_investor_mentions(ctx: Context, known: list[Mention]) -> list[Mention]:
    """甲市城投, 乙县国投: the place's investment company, located there (unless the article
    names it in full: 甲省交通投资集团有限公司 … 甲交投 is that firm's short form)."""
    out = []
    firms: list[str] | None = None  # (listed at the first short name: most texts have none)
    for city in ctx.cities:
        m = STATE_INVESTOR.match(ctx.text, city.end)
        if m is None or ctx.text[m.end() : m.end() + 1] in ("公", "集", "有", "控"):
            continue  # 甲市城投集团: the registered or group name is read as a firm's
        if firms is None:
            firms = [k.name for k in known if k.label == "Company"]
        short = re.compile(f"{re.escape(city.surface)}.*{m.group(0)[0]}.*{m.group(0)[1]}")
        if any(short.match(name) for name in firms):
            continue
        surface = ctx.text[city.start : m.end()]
        mention = Mention(
            city.start, m.end(), "Company", surface, surface, "pattern:state_investor"
        )
        mention.place_prefix = (city.name,)
        out.append(mention)
    return out


# 甲集团乙省丙丁集团: a known group, a region, the member's own name and a firm word.
_REGIONAL_GROUP = re.compile(f"[{HAN}]{{2,6}}?(?:集团|公司)(?![）)])")


def _regional_groups(ctx: Context, k: Mention) -> list[Mention]:
    """A known group's member named by the group, a region and its own name (宝钢新疆某某集团):
    a firm of its own, owned by the group and located in the region (T34)."""
    place = next((c for c in ctx.cities_starting_at(k.end) if c.end - c.start >= 2), None)
    if place is None or ctx.gaz.division(place.surface) is None:
        return []
    m = _REGIONAL_GROUP.match(ctx.text, place.end)
    if m is None or not ctx.tokens.is_boundary(m.end()):
        return []
    if any(ch in "，。；、的和与及在是为" for ch in m.group(0)):
        return []
    surface = ctx.text[k.start : m.end()]
    member = Mention(k.start, m.end(), "Company", surface, surface, "pattern:branch")
    member.owner = k.name
    member.place_prefix = (place.name,)
    return [member]
