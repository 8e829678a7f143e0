"""Policies: 《…》 titles, and titles written without marks after an issuing verb or at the
head of a clause."""

from __future__ import annotations

import re

from loaders.extract.entities.base import (
    _NAME_CHARS,
    Context,
    Mention,
    fold,
)
from loaders.extract.entities.lexicon import (
    _GENERIC_MODIFIERS,
    _MEDIA_END,
    _POLICY_END,
    POLICY_SUFFIXES,
    STOP_TOKENS,
)
from loaders.extract.scan import finditer_near

# -- policies ------------------------------------------------------------------------------------

_BOOK_RE = re.compile(r"《([^《》\n]{2,80})》")
# What ends a document's title (RULES L32): plans, opinions, measures, notices, rules, outlines,
# guidelines, standards, white papers, lists, indicator systems, maps, laws.
_DOCUMENT_END = re.compile(
    f"(?:{POLICY_SUFFIXES}|标准|方案|计划|目录|清单|要点|决定|决议|规定|战略|规划建议|建议|指引|导则|"
    r"规范|细则|守则|准则|法|法案|条例|体系|地图|批复|政府工作报告)"
    r"(?:[（(][^（）()]{2,20}[）)])?$"
)
# Never Policy (L35): contracts and agreements, announcements and award notices, and reports
# other than a government work report.
_NOT_DOCUMENT = re.compile(
    r"(?:解决方案|协议|协议书|合同|备忘录|公告|通知书|方法|做法|说法|想法|看法)$"
)
# Standard codes: GB/T 12345-2020, ISO 9001, ITU-T G.9804, YD/T 1234.
_STANDARD_CODE = re.compile(r"^(?:[A-Z]{1,5}(?:/[A-Z])?[ -]?[A-Z]?\.?\d[\d.\-—: ]*)(?:\s|$)")
# Recurring documents that need a year or a place in the title to be named (L35).
_GENERIC_RECURRING = re.compile(
    r"^(?:政府工作报告|施政报告|财政预算案|预算案|党代会报告|工作要点)$"
)
# A 《…》 title followed by an event word is the event's name: 《星河对话》论坛.
_EVENT_AFTER = re.compile(r"(?:主题论坛|分论坛|论坛|峰会|大会|研讨会|座谈会|发布会|对话会|沙龙)")
# Bare document words used as a back-reference to a title named before: 《意见》, 《实施方案》.
_BACK_REFERENCE = re.compile(
    f"^(?:[若干实施指导行动工作专项总体发展三五年]{{0,6}})(?:{POLICY_SUFFIXES}|方案|计划|规划)$"
)


def _is_document_title(inner: str) -> bool:
    name = fold(inner)
    if _NOT_DOCUMENT.search(name) or _GENERIC_RECURRING.match(name):
        return False
    if name.endswith("报告") and not name.endswith("政府工作报告"):
        return False  # research and company reports are not Policy (L35)
    return bool(_DOCUMENT_END.search(name) or _STANDARD_CODE.match(name))


def book_title_mentions(ctx: Context) -> list[Mention]:
    """《…》 titles of documents: a title needs a document word at its end (计划, 方案, 意见,
    规划, 办法, 通知, 纲要, 指南, 条例, 标准, 白皮书 …) or a standard code; titles of books,
    games, shows, films, songs, speeches and headlines have none and are dropped. 《…》 followed
    by 论坛/峰会/大会 names an event (a Project); a bare 《意见》 refers back to the full title."""
    out = []
    text = ctx.text
    titles = [(m, m.group(1).strip()) for m in _BOOK_RE.finditer(text)]
    for m, inner in titles:
        event = _EVENT_AFTER.match(text, m.end())
        if event:
            name = fold(inner) + event.group(0)
            mention = Mention(
                m.start(),
                event.end(),
                "Project",
                name,
                text[m.start() : event.end()],
                "pattern:book_title_event",
            )
            mention.aliases.add(text[m.start() : event.end()])
            out.append(mention)
            continue
        if _MEDIA_END.search(inner) and not _POLICY_END.search(inner):
            continue
        if not _is_document_title(inner):
            continue
        name = fold(inner)
        if _BACK_REFERENCE.match(name):
            full = [
                fold(t)
                for _, t in titles
                if fold(t) != name and fold(t).endswith(name) and _is_document_title(t)
            ]
            if not full:
                continue  # 《意见》 with no full title in the article: nothing to name
            name = max(full, key=len)
        mention = Mention(m.start(), m.end(), "Policy", name, m.group(0), "pattern:book_title")
        if inner != name:
            mention.aliases.add(inner)
        out.append(mention)
    return out


_ISSUE_VERBS = (
    # (the adverb's absence written as an empty alternative, not as `?`: the same matches, tried
    # faster at each place of a stretch)
    r"(?:先后|相继|陆续|已|正式|联合|共同|)"
    r"(?:出台|印发|发布|制定|编制|颁布|出台实施|制定出台|新编制)了?"
)
_LIST_AFTER_VERB = re.compile(
    _ISSUE_VERBS + r"(?P<items>[^，,。；;：！？\n《》]{4,160}?)"
    r"(?=等[^，,。；\n]{0,8}(?:文件|政策|措施|规划)|[，,。；;！？\n]|$)"
)
# Every match holds one of these words, opens at most 4 characters before it and ends (its
# lookahead included) at most 180 after it: the list is scanned there only (loaders.extract.scan).
_ISSUE_WORD = re.compile("出台|印发|发布|制定|编制|颁布")
_LIST_REACH = (4, 180)
_POLICY_ITEM_END = re.compile(f"(?:{POLICY_SUFFIXES}|报告|标准|方案|计划|战略)$")
_SPLIT_ITEMS = re.compile(r"[、]|(?<=[划案见施要书系谱])和(?!\d{4}年远景目标纲要)")


# A title opening with 关于 ends with the kind of document (关于加快…的实施意见).
_ABOUT_END = re.compile(r"(?:通知|意见|决定|决议|办法|措施|规定|方案|批复|细则|建议|函|计划|纲要)$")
# A bare 计划 (not 行动计划, 工作计划, 规划) names a programme or campaign: a Project (L38, L40).
_CAMPAIGN_PLAN = re.compile(r"(?<!行动)(?<!工作)(?<!实施)(?<!发展)计划$")
# A titled government work report: with its year or its place (2024甲市政府工作报告).
_WORK_REPORT = re.compile(
    r"(?:\d{4}年?)?(?:[\u4e00-\u9fff]{2,8}?[省市区县])?(?:\d{4}年)?政府工作报告"
)
_WORK_REPORT_LEAD = 5 + 9 + 5  # the longest year, place and year before 政府工作报告
_YEAR = re.compile(r"\d{4}")
_DATED_WORK_REPORT = re.compile(r"\d{4}年?(?:[\u4e00-\u9fff]{2,8}?[省市区县])?政府工作报告")
_YEARS = re.compile(r"[一二三四五六七八九十\d]+年")


_PLACE_TITLE_END = (
    "实施意见|指导意见|若干措施|若干政策|行动计划|行动方案|实施方案|发展规划|专项规划|规划纲要|"
    "远景目标纲要|纲要|规划|白皮书"
)
# A title led by a place, at the start of a clause (淄博市十四五规划和2035年远景目标纲要).
_PLACE_LED_TITLE = re.compile(
    rf"[{_NAME_CHARS}“”‘’+—\-()（）]{{2,36}}?(?:规划和\d{{4}}年远景目标纲要|{_PLACE_TITLE_END})"
    r"(?=[，,。；、]|确立|提出|明确|指出|要求|中|$)"
)


def unquoted_policy_mentions(ctx: Context) -> list[Mention]:
    """Policy titles written without 《》: listed after an issuing verb, or a place-led title
    at the head of a clause (淄博市十四五规划和2035年远景目标纲要确立了…)."""
    out = []
    text = ctx.text
    for m in finditer_near(_LIST_AFTER_VERB, text, _ISSUE_WORD, *_LIST_REACH):
        items_start = m.start("items")
        pos = items_start
        for item in _SPLIT_ITEMS.split(m.group("items")):
            raw = item
            lead = len(raw) - len(raw.lstrip(" 的了"))
            start = pos + lead
            pos += len(item) + 1
            item = raw[lead:].strip()
            name = fold(item)
            shortest = 5 if _CAMPAIGN_PLAN.search(name) else 8
            if len(name) < shortest or not _POLICY_ITEM_END.search(name) or name.count("的") > 1:
                continue
            if name.startswith("了") or "等" in name:
                continue  # 纺织、医药等行业转型方案: a kind of document, not a title
            if name.startswith("关于") and not _ABOUT_END.search(name):
                continue  # 关于…的“十四五”规划: a description; a 关于 title ends 通知, 意见 …
            label = "Policy"
            if _CAMPAIGN_PLAN.search(name):
                label = "Project"  # 星河人才计划: a programme (L38), not a plan document
            stem = _POLICY_ITEM_END.sub("", name)
            if _GENERIC_MODIFIERS.fullmatch(stem) or _YEARS.fullmatch(stem):
                continue
            mention = Mention(start, start + len(item), label, name, item, "pattern:issued_list")
            if item != name:
                mention.aliases.add(item)
            out.append(mention)
    # Government work reports named by year or place (L32, L35). Every match ends with the
    # words 政府工作报告, at most _WORK_REPORT_LEAD characters after it starts: only that
    # stretch of the text is scanned (the scan tries every position), none without the words.
    first, last = text.find("政府工作报告"), text.rfind("政府工作报告") + 6
    stretch = (max(0, first - _WORK_REPORT_LEAD), last)
    for m in _WORK_REPORT.finditer(text, *stretch) if first >= 0 else ():
        surface = m.group(0)
        if surface == "政府工作报告" or text[m.start() - 1 : m.start()] == "《":
            continue
        lead = m.start()
        if not _YEAR.match(surface):
            city = next((c for c in ctx.cities if c.start == lead), None)
            if city is None:
                hit = [c for c in ctx.cities if c.start >= lead and c.end <= m.end()]
                if not hit:
                    continue
                lead = hit[0].start
        elif not _DATED_WORK_REPORT.fullmatch(surface):
            continue
        surface = text[lead : m.end()]
        if not _YEAR.match(surface) and not ctx.cities_in(lead, m.end()):
            continue
        name = fold(surface)
        out.append(Mention(lead, m.end(), "Policy", name, surface, "pattern:work_report"))
    # Place-led titles at the start of a clause.
    for city in ctx.cities:
        if city.start > 0 and text[city.start - 1] not in "，,。；：！？\n“ ":
            continue
        window = text[city.start : city.start + 40]
        hit = _PLACE_LED_TITLE.match(window)
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
