"""What a quantity describes: its aspect (the measure the clause names: 投资, 签约, 赋能, 节能 …)
and its subject (a relationship of the sentence, an entity of the clause or sentence, or else the
article), and the `Quantity` values of one article.

The clause of a quantity is the stretch of its sentence between clause marks (，；：); the aspect
is the last trigger word before the number in that clause (总投资5亿元), else the first one right
after it (5亿元的投资). The subject:

1. a signing or contract amount (签约, 合同, 中标) belongs to the sentence's SIGNED_WITH
   relationship when it has one;
2. else an entity before the number in its clause, the nearest one that is not a place (a place
   is often only a setting: 青岛企业), else the nearest place; an investment or a capacity prefers
   a Project of the clause (总投资5亿元的甲项目). A name listed before 等 (甲、乙等7家) is an
   example of what is counted, never its subject;
3. else the first such entity of the sentence before the clause (the sentence's subject);
4. else a word pointing back (该项目, 公司, 平台, 全市 …): the latest entity of that kind named
   shortly before the sentence; else the first entity after the number in the clause;
5. else the article itself.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import Any

from graph.model import Quantity, Relation
from loaders.extract.numbers import fold_width
from loaders.extract.quantities import find_quantities, next_opening, opens_alone
from loaders.extract.scan import word_alternation

# aspect → trigger words (the longer form of a word is listed before it)
ASPECTS: dict[str, tuple[str, ...]] = {
    "investment": ("总投资", "投资总额", "计划投资", "投资", "投入", "投建", "出资", "总投"),
    "signing": ("签约金额", "签约额", "签约", "签订", "签署", "协议"),
    "contract": ("合同金额", "合同", "中标", "订单", "采购"),
    "funding": ("融资", "募资", "募集", "补贴", "补助", "奖励", "扶持资金", "专项资金", "基金",
                "拨付", "贷款", "授信"),
    "capital": ("注册资本", "注册资金"),
    "revenue": ("营业收入", "营收", "收入", "销售额", "利润", "税收", "净利"),
    "output": ("产值", "交易额", "增加值", "规模", "总量", "GDP", "出口", "进出口"),
    "empowered": ("赋能",),
    "served": ("服务", "覆盖", "带动", "帮助"),
    "connected": ("连接", "接入", "联网", "上云", "上平台"),
    "reduction": ("节能", "节约", "降低", "下降", "减少", "缩短", "降本", "减排"),
    "increase": ("提升", "提高", "增长", "增加", "增速", "同比"),
    "capacity": ("产能", "年产", "装机", "容量", "年处理", "年加工"),
    "share": ("占比", "占"),
}
_TRIGGERS = sorted(
    ((word, aspect) for aspect, words in ASPECTS.items() for word in words),
    key=lambda pair: len(pair[0]), reverse=True,
)
_TRIGGER_RE = re.compile(word_alternation("|".join(re.escape(word) for word, _ in _TRIGGERS)))
_ASPECT_OF = {word: aspect for word, aspect in _TRIGGERS}
_CLAUSE_MARK = re.compile(r"[，,；;：:]")
_UP_TO_LAST_MARK = re.compile(r".*[，,；;：:]", re.DOTALL)  # (backtracks to the last mark)
_PROJECT_ASPECTS = frozenset({"investment", "capacity"})
_DEAL_ASPECTS = frozenset({"signing", "contract"})
# Words that point back to an entity named before the sentence, and its label.
_ANAPHORS = (
    (re.compile(r"该项目|此项目|本项目|项目总投资|一期|二期"), "Project"),
    (re.compile(r"该公司|公司|该企业"), "Company"),
    (re.compile(r"该平台|平台"), "Platform"),
    (re.compile(r"全市|该市|我市|全区|该区|全省|该省"), "City"),
)
_ANAPHOR_REACH = 400
_SPAN = attrgetter("start", "end")
# A trigger right after the number counts only this close (5亿元的投资, 3家企业上云).
_AFTER_WINDOW = 6


def _clause(sentence: str, at: int, end: int) -> tuple[int, int]:
    """Offsets (in the sentence) of the clause holding sentence[at:end]."""
    last = _UP_TO_LAST_MARK.match(sentence, 0, at)
    start = last.end() if last else 0
    after = _CLAUSE_MARK.search(sentence, end)
    return start, after.start() if after else len(sentence)


def aspect_of(sentence: str, at: int, end: int) -> tuple[str, str]:
    """(aspect, trigger word) of the quantity at sentence[at:end]; ("other", "") when none."""
    return _aspect(sentence, at, end, *_clause(sentence, at, end))


def _aspect(sentence: str, at: int, end: int, c_start: int, c_end: int) -> tuple[str, str]:
    """aspect_of, the clause sentence[c_start:c_end] known."""
    before = _TRIGGER_RE.findall(sentence, c_start, at)  # (the words: no match objects)
    if before:
        word = before[-1]
        return _ASPECT_OF[word], word
    after = _TRIGGER_RE.search(sentence, end, min(c_end, end + _AFTER_WINDOW))
    if after:
        return _ASPECT_OF[after.group()], after.group()
    return "other", ""


def _is_example(sentence_text: str, m: Any, at: int, s_start: int) -> bool:
    """A name listed before 等 ahead of the number (甲、乙等7家企业): an example of what is
    counted, not its subject."""
    between = sentence_text[m.end - s_start:at - s_start]
    return "等" in between and not _CLAUSE_MARK.search(between)


def _anaphor(
    mentions: Sequence[Any], starts: list[int], clause: str, s_start: int
) -> tuple[str, str] | None:
    """该项目, 公司, 平台, 全市 … before the number: the latest entity of that kind before the
    sentence, within _ANAPHOR_REACH characters (`mentions` by start, `starts` their starts:
    only those that start by the sentence's start are read)."""
    for word_re, label in _ANAPHORS:
        if word_re.search(clause):
            for i in range(bisect.bisect_right(starts, s_start) - 1, -1, -1):  # the latest one
                m = mentions[i]
                if m.label == label and m.end <= s_start and s_start - m.end <= _ANAPHOR_REACH:
                    return m.label, m.name
    return None


def _usable(ordered: Sequence[Any], starts: list[int], sentence: Any) -> list[Any]:
    """The mentions of a sentence that can be a subject (`ordered` by start, `starts` their
    starts)."""
    s_start, s_end = sentence.start, sentence.end
    here = ordered[bisect.bisect_left(starts, s_start) : bisect.bisect_left(starts, s_end)]
    return [m for m in here if m.label != "Person" and not getattr(m, "nested", False)
            and m.end <= s_end]


def _subject(
    mentions: Sequence[Any], starts: list[int], usable: list[Any], sentence: Any, c_start: int,
    c_end: int, at: int, aspect: str,
) -> tuple[str, str] | None:
    """(label, name) of the entity a quantity at article offset `at` describes, or None.
    `c_start`, `c_end`: the clause's span in the article; `mentions` are sorted by start,
    `starts` their starts; `usable`: _usable of the sentence."""
    s_start = sentence.start
    in_clause = [m for m in usable if m.start >= c_start and m.end <= c_end]
    if aspect in _PROJECT_ASPECTS:
        projects = [m for m in in_clause if m.label == "Project"]
        if projects:
            nearest = min(projects, key=lambda m: abs(m.start - at))
            return nearest.label, nearest.name
    text = sentence.text
    # the nearest one before the number, else the first one after it, else the sentence's first
    # (loops, not next() over generators: this runs for every quantity)
    for m in reversed(in_clause):
        if m.end <= at and not _is_example(text, m, at, s_start):
            return m.label, m.name
    for m in in_clause:
        if m.start >= at:
            return m.label, m.name
    for m in usable:
        if not _is_example(text, m, at, s_start):
            return m.label, m.name
    return _anaphor(mentions, starts, sentence.text[c_start - s_start:at - s_start], s_start)


def _topic(
    ordered: Sequence[Any], starts: list[int], previous: Any | None, text_between: str
) -> Any | None:
    """A sentence that names nothing continues the topic of the one before it in the same
    paragraph (its subject is left out: 今年一季度实现营业收入…): that sentence's first entity.
    (`ordered` by start, `starts` their starts: only those from its start on are read.)"""
    if previous is None or "\n" in text_between:
        return None
    for i in range(bisect.bisect_left(starts, previous.start), len(ordered)):
        m = ordered[i]
        if m.start > previous.end:
            break
        if m.label != "Person" and not getattr(m, "nested", False) and m.end <= previous.end:
            return m
    return None


def _deal(relations: Iterable[Relation], s_start: int, s_end: int) -> Relation | None:
    for rel in relations:
        if rel.type == "SIGNED_WITH" and rel.start == s_start and rel.end == s_end:
            return rel
    return None


def _names_inside(ordered: Sequence[Any], starts: list[int], start: int, end: int) -> bool:
    """Whether a mention lies within [start, end) (`ordered` by start, `starts` their starts)."""
    i = bisect.bisect_left(starts, start)
    while i < len(ordered) and starts[i] < end:
        if ordered[i].end <= end:
            return True
        i += 1
    return False


def article_quantities(
    sentences: Iterable[Any], mentions: Sequence[Any], relations: Sequence[Relation],
    text: str = "",
) -> list[Quantity]:
    """The quantities of one article with what they describe. `sentences` have text, start,
    end (offsets into the article `text`); `mentions` (resolved: canonical names) start, end,
    label, name; `relations` are the article's relations."""
    ordered = sorted(mentions, key=_SPAN)
    starts = [m.start for m in ordered]
    out: list[Quantity] = []
    previous = None  # the last sentence that names an entity
    pending: list[Any] = []  # sentences read since `previous` was brought up to date
    folded_text = fold_width(text)  # once for the article, not once per sentence
    # The article's first opening at or after `opening_from` (-1: none; `opening_from` -1: not
    # looked for): one search passes over the sentences where no quantity opens.
    opening = opening_from = -1
    for sent in sentences:
        s_start, s_end, sentence = sent.start, sent.end, sent.text
        # sentence is text[s_start:s_end] (tested without copying the slice), else it is
        # folded alone
        if not (s_start >= 0 and s_start + len(sentence) == s_end
                and text.startswith(sentence, s_start)):
            founds = find_quantities(sentence)
        else:
            if opening_from < 0 or s_start < opening_from or 0 <= opening < s_start:
                opening, opening_from = next_opening(folded_text, s_start), s_start
            if 0 <= opening < s_end and opens_alone(folded_text, opening, s_end):
                founds = find_quantities(sentence, folded_text[s_start:s_end], opening - s_start)
            else:
                founds = []  # (no quantity can open in the sentence: it is not read)
        if not founds:
            pending.append(sent)  # (whether it names an entity is only needed for a quantity)
            continue
        for earlier in reversed(pending):
            if _names_inside(ordered, starts, earlier.start, earlier.end):
                previous = earlier
                break
        pending.clear()
        topic = None
        if not _names_inside(ordered, starts, s_start, s_end):
            between = text[previous.end:s_start] if previous is not None else ""
            topic = _topic(ordered, starts, previous, between)
        else:
            previous = sent
        usable = _usable(ordered, starts, sent)
        for found in founds:
            c_start, c_end = _clause(sentence, found.start, found.end)
            aspect, trigger = _aspect(sentence, found.start, found.end, c_start, c_end)
            at = s_start + found.start
            about: dict[str, str] = {}
            deal = _deal(relations, s_start, s_end) if aspect in _DEAL_ASPECTS else None
            if deal is not None:
                about = {"type": deal.type, "head_label": deal.head_label, "head": deal.head,
                         "tail_label": deal.tail_label, "tail": deal.tail}
            else:
                subject = _subject(ordered, starts, usable, sent, s_start + c_start,
                                   s_start + c_end, at, aspect)
                if subject is None and topic is not None:
                    subject = topic.label, topic.name
                if subject is not None:
                    about = {"label": subject[0], "name": subject[1]}
            out.append(Quantity(
                value=found.value, unit=found.unit, kind=found.kind, text=found.text,
                aspect=aspect, trigger=trigger, offset=at, sentence=sentence,
                start=s_start, end=s_end, about=about,
            ))
    return out
