"""Policies: 《…》 titles, and titles written without marks after an issuing verb or at the
head of a clause."""

from __future__ import annotations

import re

from loaders.extract.entities.base import (
    _GENERIC_MODIFIERS,
    _MEDIA_END,
    _NAME_CHARS,
    _POLICY_END,
    POLICY_SUFFIXES,
    STOP_TOKENS,
    Context,
    Mention,
    fold,
)

# -- policies ------------------------------------------------------------------------------------

_BOOK_RE = re.compile(r"《([^《》\n]{2,80})》")


def book_title_mentions(ctx: Context) -> list[Mention]:
    """《…》 titles: policies, plans, white papers (not newspapers or books)."""
    out = []
    for m in _BOOK_RE.finditer(ctx.text):
        inner = m.group(1).strip()
        if _MEDIA_END.search(inner) and not _POLICY_END.search(inner):
            continue
        name = fold(inner)
        mention = Mention(m.start(), m.end(), "Policy", name, m.group(0), "pattern:book_title")
        if inner != name:
            mention.aliases.add(inner)
        out.append(mention)
    return out


_ISSUE_VERBS = (
    r"(?:先后|相继|陆续|已|正式|联合|共同)?"
    r"(?:出台|印发|发布|制定|编制|颁布|出台实施|制定出台|新编制)了?"
)
_LIST_AFTER_VERB = re.compile(
    _ISSUE_VERBS + r"(?P<items>[^，,。；;：！？\n《》]{4,160}?)"
    r"(?=等[^，,。；\n]{0,8}(?:文件|政策|措施|规划)|[，,。；;！？\n]|$)"
)
_POLICY_ITEM_END = re.compile(f"(?:{POLICY_SUFFIXES}|报告|标准|方案|计划|战略)$")
_SPLIT_ITEMS = re.compile(r"[、]|(?<=[划案见施要书系谱])和(?!\d{4}年远景目标纲要)")


_PLACE_TITLE_END = (
    "实施意见|指导意见|若干措施|若干政策|行动计划|行动方案|实施方案|发展规划|专项规划|规划纲要|"
    "远景目标纲要|纲要|规划|白皮书"
)


def unquoted_policy_mentions(ctx: Context) -> list[Mention]:
    """Policy titles written without 《》: listed after an issuing verb, or a place-led title
    at the head of a clause (淄博市十四五规划和2035年远景目标纲要确立了…)."""
    out = []
    text = ctx.text
    for m in _LIST_AFTER_VERB.finditer(text):
        items_start = m.start("items")
        pos = items_start
        for item in _SPLIT_ITEMS.split(m.group("items")):
            raw = item
            lead = len(raw) - len(raw.lstrip(" 的了"))
            start = pos + lead
            pos += len(item) + 1
            item = raw[lead:].strip()
            name = fold(item)
            if len(name) < 8 or not _POLICY_ITEM_END.search(name) or name.count("的") > 1:
                continue
            if name.startswith("了"):
                continue
            stem = _POLICY_ITEM_END.sub("", name)
            if _GENERIC_MODIFIERS.fullmatch(stem) or re.fullmatch(
                r"[一二三四五六七八九十\d]+年", stem
            ):
                continue
            mention = Mention(start, start + len(item), "Policy", name, item, "pattern:issued_list")
            if item != name:
                mention.aliases.add(item)
            out.append(mention)
    # Place-led titles at the start of a clause.
    for city in ctx.cities:
        if city.start > 0 and text[city.start - 1] not in "，,。；：！？\n“ ":
            continue
        window = text[city.start : city.start + 40]
        hit = re.match(
            rf"[{_NAME_CHARS}“”‘’+—\-()（）]{{2,36}}?(?:规划和\d{{4}}年远景目标纲要|{_PLACE_TITLE_END})"
            r"(?=[，,。；、]|确立|提出|明确|指出|要求|中|$)",
            window,
        )
        if not hit:
            continue
        surface = hit.group(0)
        words = ctx.tokens.token_words(city.start, city.start + len(surface))
        if any(w in STOP_TOKENS and w not in ("和", "的", "与") for w in words):
            continue  # a clause, not a title: 重庆市经信委联合…发布新政策
        name = fold(surface)
        rest = name[len(city.surface) :]
        if len(rest) < 4 or _GENERIC_MODIFIERS.fullmatch(_POLICY_ITEM_END.sub("", rest) or "x"):
            continue
        mention = Mention(
            city.start, city.start + len(surface), "Policy", name, surface, "pattern:place_title"
        )
        if surface != name:
            mention.aliases.add(surface)
        out.append(mention)
    return out
