"""What a sentence is about: its grammatical subject (find_subject), or the subject of the
sentence before it that it goes on about. Worked out for a sentence when a rule first asks
(SentenceView.subject): few sentences hold a trigger whose rule reads it."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from graph.model import ORG_LABELS
from loaders.extract.entities import Mention
from loaders.extract.nlp import word_tag

_CLAUSE_OPENERS = re.compile(
    r"^(?:先后|相继|陆续|随后|此后|之后|又|再|还将|也|同时|此外|另外|并且?|还|而且|实施|加快|推进|推动|打造|突出|建设|加速|持续|深化|聚焦|支持|"
    r"培育|开展|围绕|力争|进一步|全力|着力|积极|依托|以|将|未来|下一步)"
)
# 该公司与…: the sentence goes on about the company the previous sentence named.
_COMPANY_ANAPHOR = re.compile(r"^\s*(?:该公司|该企业|该集团)")
_ADVERBIAL_LEAD = re.compile(
    r"^(?:在|对于|对|根据|按照|据|随着|围绕|通过|作为|从|自|为了|与|经过|由于|基于)"
)
_SHORT_LEAD = re.compile(r"^[^，,]{0,8}[，,]")
# A lead that visits the first name of its clause (调研组来到, 记者走进): how it ends.
_VISIT_LEAD = ("来到", "前往", "走进", "走访", "深入", "赴", "到访", "考察", "参观", "调研")
# A clause that ends in a speech verb: the next clause is what was said.
_REPORTED = re.compile(r"(?:介绍|表示|指出|强调|认为|透露|坦言|说|称)$")
_TIME_CLAUSE = re.compile(
    r"^(?:随后的?|此后的?|之后的?|其后的?|同年|次年|当年)?"
    r"[\d年月日号上下午前后今去明近此目当时期间以来底初末季度第一二三四五六七八九十至—\-~～．.“”\"]+$"
)

_START = attrgetter("start")
_COMMA = re.compile(r"[，,]")


def goes_on(sentence: str, before: str, subject: Mention) -> bool:
    """Whether a sentence that names no subject continues the subject of the sentence `before`
    it within the paragraph: it opens with a verb or a connective."""
    opening = _SHORT_LEAD.sub("", sentence).strip()
    company_anaphor = subject.label == "Company" and _COMPANY_ANAPHOR.match(sentence)
    # after a semicolon one sentence goes on, when the next clause opens with its verb
    after_semicolon = before.endswith(("；", ";"))
    return bool(
        _CLAUSE_OPENERS.match(sentence)
        or _CLAUSE_OPENERS.match(opening)
        or company_anaphor
        or (after_semicolon and (_opens_with_verb(sentence) or _opens_with_verb(opening)))
    )


def find_subject(text: str, pos: int, end: int, ms: list[Mention]) -> Mention | None:
    """The organisation or place the sentence text[pos:end] with the (top-level) mentions `ms`
    is about: the first mention of its first real clause, unless it sits in an adverbial
    phrase (在淄博, 根据…)."""
    if not ms:
        return None
    for _ in range(4):
        comma = _COMMA.search(text, pos, end)
        clause_end = comma.start() if comma else end
        lo = bisect_left(ms, pos, key=_START)  # ms[lo:hi]: those starting in the clause
        hi = bisect_left(ms, clause_end, lo, key=_START)
        said_by = hi > lo and ms[hi - 1].label == "Person" and comma
        if said_by and _REPORTED.search(text[pos:clause_end].strip()):
            # 甲局长乙介绍，丙市把…: the reported clause, when a name opens it, is the subject
            said = [m for m in ms if clause_end < m.start]
            opens = said and len(text[clause_end + 1 : said[0].start].strip()) <= 1
            if opens and said[0].label in ORG_LABELS:
                return said[0]
        if hi > lo:
            first = ms[lo]
            lead = text[pos : first.start].strip()
            if lead.startswith("该") and _COMPANY_ANAPHOR.match(lead):  # (lead is stripped)
                return None  # 该公司与B…: the subject is the company named before, not B
            if lead.endswith(_VISIT_LEAD):
                return None  # 调研组来到甲市…: the place visited, not who acts
            if first.label in ORG_LABELS and not _ADVERBIAL_LEAD.match(lead) and len(lead) <= 8:
                return first
            return None
        clause = text[pos:clause_end].strip()
        if (
            len(clause) <= 6
            or _TIME_CLAUSE.match(clause)
            or _ADVERBIAL_LEAD.match(clause)
            or _opens_with_verb(clause)
        ):
            # 作为…先行者，青岛…; 回应…的建议，甲市…: the subject follows the adverbial
            pos = clause_end + 1
            continue
        return None
    return None


def _leading_word(text: str) -> tuple[str, str]:
    """The longest dictionary word opening `text`, with its tag ("" when none)."""
    for length in (4, 3, 2, 1):
        tag = word_tag(text[:length])
        if tag is not None:
            return text[:length], tag
    return "", ""


def _opens_with_verb(text: str) -> bool:
    """依托…, 先后举办…, 成功举办…: a clause that opens with its verb, perhaps after an adverb."""
    text = text.lstrip()
    word, tag = _leading_word(text)
    if tag.startswith("v"):
        return True
    if tag[:1] in ("d", "t", "a", "c") and word:
        return _leading_word(text[len(word) :])[1].startswith("v")
    return False
