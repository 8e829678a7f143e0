"""What every relation rule set shares: a sentence with its mentions, its subject, coordination
groups (A、B和C), and the Relation builder that fills in the evidence fields."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TypeVar

from graph.model import ORG_LABELS, Relation
from loaders.extract.entities import Mention
from loaders.extract.nlp import Sentence, word_tag
from loaders.extract.relations.confidence import calibrated
from loaders.extract.relations.gates import words_in
from loaders.extract.relations.subjects import find_subject, goes_on


@cache
def rx(pattern: str) -> re.Pattern[str]:
    """A compiled pattern, cached: the rules match literal patterns inside their loops."""
    return re.compile(pattern)


# Between members of a coordination group: A、B, A和B, A与B, A及B, A以及B.
_SEPARATOR = re.compile(r"^\s*(?:、|和|与|及|以及|同|跟|，以及)\s*$")
# A list item the rules did not read as a name, between two members of a list (甲、某某、乙).
_SEPARATOR_OVER_ITEM = re.compile(r"^、[^、，,。；;：:\s“”和及与等]{1,8}、$")


def _joined(gap: str) -> bool:
    """Whether two mentions with `gap` between them are members of one list."""
    return bool(_SEPARATOR.match(gap) or _SEPARATOR_OVER_ITEM.match(gap))


_LIST_SEPARATOR = re.compile(r"、|和|及|以及|与")
_ITEM_DESCRIPTOR = re.compile(
    r"[\u4e00-\u9fff]{0,8}(?:巨头|龙头|企业|客户|厂商|品牌|公司|集团|车企|大厂|伙伴)"
)
_LIST_END = re.compile(r"等|[（(]|[）)]")
# The one-character names of cities that 在京, 在沪 … write (general usage), and the city each
# names; 宁 names several (南京, 宁波, 宁夏): it is a place word but resolves to none.
CITY_ABBREVIATIONS = {
    "京": "北京市", "沪": "上海市", "津": "天津市", "渝": "重庆市", "穗": "广州市",
    "深": "深圳市", "杭": "杭州市", "蓉": "成都市", "汉": "武汉市", "港": "香港特别行政区",
}
_ONE_CHARACTER_PLACES = "".join(CITY_ABBREVIATIONS) + "宁"
# Allowed between a group and the verb it governs: adverbs, auxiliaries, 等N部门.
ADVERB_GAP = re.compile(
    r"^\s*(?:等(?:[一二三四五六七八九十\d]*个?(?:部门|单位|家))?"
    r"(?:多家|众多|[一二三四五六七八九十\d]+家)?(?:产业|生态|行业)?(?:合作伙伴|伙伴|企业|单位|厂商|机构)?|"
    r"等(?:[\d一二三四五六七八九十两几数上百千余多]+家)[\u4e00-\u9fff]{0,8}?(?:企业|公司|厂商|厂家)|纷纷|"
    f"在(?:[{_ONE_CHARACTER_PLACES}]|[\u4e00-\u9fff]{{2,3}}[省市区县])|"
    r"先后|相继|陆续|已经?|正式|联合|共同|"
    r"联手|携手|还要?|也|将|正在|率先|全面|重点|加快|今年|近日|日前|在全国首家|首家|都|均|分别|"
    r"积极|新|又|再|一起|一道|专门|进一步|于\d{4}年|此前|合作|周[一二三四五六日天]|星期[一二三四五六日天]|"
    r"今天|昨天|昨日|今日|"
    r"于?(?:同日|当日|当天|同一天|\d{1,2}月\d{1,2}日)|[（(]\d{1,2}日[)）]|\s)*\s*$"
)
# Sentences that advise rather than report: "要…加强与…合作".
EXHORTATION = re.compile(
    r"(?:^|[，；：])\s*(?:要|应|应当|需要|必须|建议|务必|鼓励)[^，。；]{0,30}$"
)
_ASIDE_OR_CLOSER = re.compile(r"[（(][^（）()]{0,30}[)）]|^[”’\"）)]+")
# What may follow a place that ends where it is written (甲市和…, 甲市的…, 甲市等地).
_AFTER_PLACE = frozenset("和与及跟同的等在将共为以也都市省县区地")

# One-label sets the rules pass to the group readers (built once here, not at each call).
CITIES, COMPANIES, PROJECTS = (frozenset({label}) for label in ("City", "Company", "Project"))

_HAN = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE_MARK = re.compile(r"[，,：:]")  # what bounds a comma clause
_LIST_CLOSE = re.compile(r"等(?:\d+家)?[\u4e00-\u9fff]{0,6}")  # closes a list: 等平台企业


@dataclass(slots=True, init=False)  # (slots: the rules read its fields in their inner loops)
class SentenceView:
    """One sentence, its mentions (top-level, in order) and its grammatical subject."""

    sentence: Sentence
    mentions: list[Mention]
    text: str  # the whole article text, for offsets
    index: int
    paragraph_start: bool
    prev: SentenceView | None = field(repr=False)
    # (the subject and whether it is the previous sentence's, once `subject` is first read)
    _subject_found: tuple[Mention | None, bool] | None = field(repr=False)
    labels: set[str] = field(repr=False)  # its mentions' (rules test it first)
    start: int = field(repr=False)  # the sentence's bounds
    end: int = field(repr=False)
    _gate_words: frozenset[str] | None = field(repr=False)  # (see `holds`)

    def __init__(  # (written out: one call per sentence, no __post_init__)
        self,
        sentence: Sentence,
        mentions: list[Mention],
        text: str,
        index: int,
        paragraph_start: bool,
        prev: SentenceView | None = None,
    ) -> None:
        self.sentence, self.mentions, self.text = sentence, mentions, text
        self.index, self.paragraph_start, self.prev = index, paragraph_start, prev
        self._subject_found = self._gate_words = None
        self.labels = {m.label for m in mentions} if mentions else set()
        self.start, self.end = sentence.start, sentence.end

    @property
    def subject(self) -> Mention | None:
        """The organisation or place the sentence is about, perhaps the previous sentence's
        (subjects.py); worked out when first read: few sentences have a rule that asks."""
        return (self._subject_found or resolve_subjects(self))[0]

    @property
    def carried(self) -> bool:
        """Whether the subject is inherited from the previous sentence."""
        return (self._subject_found or resolve_subjects(self))[1]

    def holds(self, gate: frozenset[str]) -> bool:
        """Whether the sentence holds one of the words of `gate` (gates.gate): as holds_any
        on its text, from one scan for every gate's words when a gate is first tested."""
        words = self._gate_words
        if words is None:
            words = self._gate_words = words_in(self.sentence.text)
        return not words.isdisjoint(gate)

    def opens_unknown_name(self, m: Mention) -> bool:
        """Whether a place runs on into a name the rules did not read (甲市|乙丙 of 甲市乙丙):
        a word follows it that is no verb, adverb, preposition or particle."""
        after = self.text[m.end : m.end + 2]
        if m.label != "City" or not _HAN.match(after):
            return False
        if after[0] in _AFTER_PLACE or any(o.start == m.end for o in self.mentions):
            return False
        tag = word_tag(after) or word_tag(after[0]) or ""
        return not tag.startswith(("v", "d", "p", "c", "u"))

    def in_name(self, start: int, end: int) -> bool:
        """Whether text[start:end] lies inside a name (开发 in 经济技术开发区): no trigger there."""
        for m in self.mentions:  # (ordered by start: none after `start` holds it)
            if m.start > start:
                return False
            if end <= m.end:
                return True
        return False

    def group_ending_at(self, pos: int, labels: frozenset[str] = ORG_LABELS) -> list[Mention]:
        """The coordination group whose last member ends right before `pos` (adverbs allowed
        between): for 淄博市工信局、发改委印发, the two agencies before 印发."""
        before = [m for m in self.mentions if m.end <= pos and m.start >= self.start]
        if not before:
            return []
        last = before[-1]
        if last.label not in labels:
            return []
        # X（以下简称“Y”）与…: a bracketed aside between the group and the verb is skipped
        if not ADVERB_GAP.match(_ASIDE_OR_CLOSER.sub("", self.text[last.end : pos])):
            return []
        group = [last]
        for m in reversed(before[:-1]):
            if m.label not in labels or not _joined(self.text[m.end : group[0].start]):
                break
            group.insert(0, m)
        return group

    def group_starting_at(
        self, pos: int, labels: frozenset[str] = ORG_LABELS, gap: str = r"^[\s了的《“]*$"
    ) -> list[Mention]:
        """The coordination group that opens right after `pos`: 与B、C及… gives [B, C]."""
        after = [m for m in self.mentions if m.start >= pos and m.end <= self.end]
        if not after or after[0].label not in labels:
            return []
        if not rx(gap).match(self.text[pos : after[0].start]):
            return []
        group = [after[0]]
        for m in after[1:]:
            if m.label not in labels or not _joined(self.text[group[-1].end : m.start]):
                break
            group.append(m)
        return group

    def last_before(
        self, pos: int, labels: frozenset[str], max_sentences: int = 1
    ) -> Mention | None:
        """The nearest mention with one of `labels` before `pos`, here or in previous sentences."""
        view: SentenceView | None = self
        for _ in range(max_sentences + 1):
            if view is None:
                return None
            for m in reversed(view.mentions):
                if m.end <= pos and m.label in labels:
                    return m
            view = view.prev
        return None

    def pair(self, pos: int) -> list[Mention]:
        """What 双方/二者 refers to: the last two distinct organisations before `pos`."""
        out: list[Mention] = []
        view: SentenceView | None = self
        for _ in range(2):
            if view is None:
                break
            for m in reversed(view.mentions):
                # parties are organisations, not a platform one of them has just built
                if (
                    m.end <= pos
                    and m.label in ("Company", "Platform", "Agency")
                    and not (m.label == "Platform" and m.source == "pattern:platform")
                    and all(o.name != m.name for o in out)
                ):
                    out.append(m)
                if len(out) == 2:
                    return out[::-1]
            view = view.prev
        return []

    def group_in_clause_after(
        self, pos: int, labels: frozenset[str], limit: int = 20
    ) -> list[Mention]:
        """The coordination group whose first member is the first mention with one of `labels`
        after `pos` in the same comma clause, at most `limit` characters on (参与建设了甲乙工程)."""
        _, clause_end = self.clause_of(pos)
        first = next(
            (m for m in self.mentions if m.start >= pos and m.end <= clause_end), None
        )
        if first is None or first.label not in labels or first.start - pos > limit:
            return []
        return self.group_starting_at(first.start, labels, gap=r"^$")

    def list_after(self, pos: int, labels: frozenset[str], max_item: int = 12) -> list[Mention]:
        """The named members of a list that opens at `pos` (B、C、丙、D等): items are split by
        、 和 及 与; an item the extractor did not read as a name is passed over, so one unknown
        member does not end the list. The list ends at other punctuation or 等."""
        _, clause_end = self.clause_of(pos)
        out: list[Mention] = []
        item_start = pos
        while item_start < clause_end:
            sep = _LIST_SEPARATOR.search(self.text, item_start, clause_end)
            item_end = sep.start() if sep else clause_end
            stop = _LIST_END.search(self.text, item_start, item_end)
            if stop:
                item_end = stop.start()
            inside = [
                m for m in self.mentions if item_start <= m.start and m.end <= item_end
            ]
            if inside:  # 洛阳星云电子有限公司: the firm, not the city its name opens with
                opening = [m for m in inside if m.start == inside[0].start]
                inside[0] = max(opening, key=lambda m: (m.label in labels, m.end))
            lead = self.text[item_start : inside[0].start] if inside else ""
            if inside and inside[0].label in labels and (
                len(lead) <= 1 or (not out and _ITEM_DESCRIPTOR.fullmatch(lead))
            ):
                out.append(inside[0])  # 国际家电巨头甲: the list's descriptor opens its first item
            elif item_end - item_start > max_item or inside:
                break
            if stop or sep is None:
                break
            item_start = sep.end()
        return out

    def actors_before(self, pos: int, labels: frozenset[str]) -> list[Mention]:
        """Who does what the verb at `pos` says: the group right before it, else the first
        mention of its clause, else the sentence's subject (given or carried)."""
        group = self.group_ending_at(pos, labels)
        if group:
            return group
        clause_start, _ = self.clause_of(pos)
        near = [m for m in self.mentions if clause_start <= m.start and m.end <= pos]
        if near:
            if near[0].label not in labels or near[0].start != clause_start:
                return []
            listed = self.group_starting_at(clause_start, labels)  # 甲、乙等企业入选: all
            closed = listed == near and _LIST_CLOSE.fullmatch(self.text, listed[-1].end, pos)
            return listed if closed else [near[0]]
        if self.subject is not None and self.subject.label in labels and self.subject.end <= pos:
            return [self.subject]
        return []

    def clause_of(self, pos: int) -> tuple[int, int]:
        """Bounds of the comma clause around `pos`."""
        text, start, end = self.text, self.start, self.end
        left = max(
            text.rfind("，", start, pos), text.rfind(",", start, pos),
            text.rfind("：", start, pos), text.rfind(":", start, pos),
        ) + 1
        left = max(left, start)
        right = _CLAUSE_MARK.search(text, pos, end)
        return left, right.start() if right else end


_Fact = TypeVar("_Fact")


class ArticleViews(list[SentenceView]):
    """The sentence views of one article, with facts about the whole article that several rule
    sets read (its principal company, its named events), each worked out once."""

    def __init__(self) -> None:
        super().__init__()
        self._facts: dict[Callable[[ArticleViews], object], object] = {}
        self._by_label: dict[str, list[Mention]] | None = None
        self._holding: dict[tuple[str, ...], frozenset[int]] = {}

    def labelled(self, label: str) -> list[Mention]:
        """The sentences' mentions with `label`, in text order (the article-wide facts read
        only one label: they need not walk every sentence and mention)."""
        if self._by_label is None:
            by_label: dict[str, list[Mention]] = {}
            for view in self:
                for m in view.mentions:
                    by_label.setdefault(m.label, []).append(m)
            self._by_label = by_label
        return self._by_label.get(label, [])

    def holding(self, words: tuple[str, ...]) -> frozenset[int]:
        """The indexes of the sentences whose text holds one of `words` (a gate_words answer),
        found by reading the article once per word: for a few words a rule tests in most
        sentences, cheaper than testing each sentence. (A sentence's text is the article's
        text between its bounds, and sentences follow one another without overlapping: a word
        lies in the last sentence starting at or before it, or in none.)"""
        found = self._holding.get(words)
        if found is None:
            text = self[0].text if self else ""
            starts = [view.start for view in self]
            hits: set[int] = set()
            for word in words:
                at = text.find(word)
                while at >= 0:
                    i = bisect_right(starts, at) - 1
                    if i >= 0 and at + len(word) <= self[i].end:
                        hits.add(i)
                    at = text.find(word, at + 1)
            found = self._holding[words] = frozenset(hits)
        return found

    def once(self, fact: Callable[[ArticleViews], _Fact]) -> _Fact:
        """fact(self), computed at its first call for this article only."""
        if fact not in self._facts:
            self._facts[fact] = fact(self)
        return self._facts[fact]  # type: ignore[return-value]


def build_views(
    text: str, sentences: list[Sentence], mentions: list[Mention]
) -> ArticleViews:
    """Sentence views, each working out its subject when first asked (subjects.py)."""
    top = [m for m in mentions if not m.nested]
    starts, ends = [m.start for m in top], [m.end for m in top]  # (read in the loops below)
    views = ArticleViews()
    j = 0
    n = len(top)
    prev: SentenceView | None = None
    prev_end = 0
    for i, sent in enumerate(sentences):
        start, end = sent.start, sent.end
        while j < n and starts[j] < start:
            j += 1
        k = j
        while k < n and ends[k] <= end:
            k += 1
        para = i == 0 or text.find("\n", prev_end, start) >= 0
        prev = SentenceView(sent, top[j:k], text, i, para, prev)
        views.append(prev)
        prev_end = end
    return views


def resolve_subjects(view: SentenceView) -> tuple[Mention | None, bool]:
    """The subject of `view` and whether it is carried over, stored on it and on the sentences
    before it whose subjects it needs (worked out first to last in a loop: a paragraph may
    hold many sentences)."""
    pending: list[tuple[SentenceView, Mention | None]] = []
    v: SentenceView | None = view
    while v is not None:
        own = find_subject(v.text, v.start, v.end, v.mentions)
        pending.append((v, own))
        prev = v.prev
        if own is not None or prev is None or v.paragraph_start or prev._subject_found:
            break
        v = prev  # its subject may be carried over: the previous one's comes first
    for v, own in reversed(pending):
        v._subject_found = (own, False)
        prev = v.prev
        if own is None and prev is not None and not v.paragraph_start:
            carried = prev.subject
            if carried is not None and goes_on(v.sentence.text, prev.sentence.text, carried):
                v._subject_found = (carried, True)
    return view._subject_found  # type: ignore[return-value]


def relation(
    rel_type: str,
    head: Mention,
    tail: Mention,
    view: SentenceView,
    method: str,
    confidence: float,
    **properties: object,
) -> Relation:
    """A Relation with the sentence as evidence. Its confidence is the measured precision of
    `method` (relations/confidence.py) when there is one, else the rule's own `confidence`."""
    return Relation(
        type=rel_type,
        head=head.name,
        head_label=head.label,
        tail=tail.name,
        tail_label=tail.label,
        sentence=view.sentence.text,
        start=view.start,
        end=view.end,
        method=method,
        confidence=calibrated(method, confidence),
        properties=properties,  # (a new dict at each call)
    )

