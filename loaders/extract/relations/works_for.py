"""WORKS_FOR: Person → Company/Agency, with `title`.

A title chain before the name (东营市工业和信息化局党组成员、副局长陈锐; 山东胜软科技…副总裁、
东营工业互联网创新中心总经理穆永平 gives one relation per organisation, R8) or a title after it
(市工业和信息化局卢阳副局长, …工业互联网处周林处长). Heads of government (市长) with no written
organisation and honorary roles (人大代表) give nothing."""

from __future__ import annotations

import re

from graph.model import SCHEMA, Relation
from loaders.extract.entities import TITLES, Mention
from loaders.extract.relations.base import SentenceView, relation

# Heads of government work for their City, which the title rules decide (T47).
_EMPLOYERS = SCHEMA["WORKS_FOR"].tails - {"City"}
_TITLE_END = re.compile(f"(?:{'|'.join(TITLES)})$")
_TITLE_START = re.compile(f"^(?:{'|'.join(TITLES)})")
_GOVERNMENT_HEADS = re.compile(r"^副?(?:市长|省长|区长|县长|州长|镇长)$")
_HONORARY = re.compile(r"(?:代表|委员|顾问|专家)$")
_DEPT = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9与和]{0,14}$")


def find(views: list[SentenceView]) -> list[Relation]:
    out: list[Relation] = []
    for view in views:
        for i, person in enumerate(view.mentions):
            if person.label != "Person":
                continue
            out.extend(_chain_before(view, person))
            out.extend(_title_after(view, i, person))
    return out


def _chain_before(view: SentenceView, person: Mention) -> list[Relation]:
    """Walk the 、-separated title segments leftwards from the name."""
    out: list[Relation] = []
    pending: list[str] = []
    seg_end = person.start
    text = view.text
    while seg_end > view.start:
        seg_start = (
            max(
                text.rfind("、", view.start, seg_end),
                text.rfind("，", view.start, seg_end),
                text.rfind(",", view.start, seg_end),
                view.start - 1,
            )
            + 1
        )
        segment = text[seg_start:seg_end]
        title = _TITLE_END.search(segment)
        if not title:
            break
        orgs = [
            m
            for m in view.mentions
            if seg_start <= m.start and m.end <= seg_end and m.label in _EMPLOYERS
        ]
        title_start = seg_start + title.start()
        if orgs:
            org = orgs[-1]
            # 富士康…股份有限公司（工业富联）总经理: a bracketed short name is no department
            dept = re.sub(r"^[（(]?[^（）()]{0,12}[)）]", "", text[org.end : title_start])
            if not _DEPT.match(dept):
                break
            own = dept + title.group(0)
            titles = [own, *(p for p in pending if not _GOVERNMENT_HEADS.match(p))]
            titles = [t for t in titles if not _HONORARY.search(t)]
            if titles:
                out.append(
                    relation(
                        "WORKS_FOR",
                        person,
                        org,
                        view,
                        "rule:works_for_title",
                        0.85,
                        title="、".join(titles),
                    )
                )
            pending = []
        elif any(seg_start <= m.start and m.end <= seg_end for m in view.mentions):
            pending = []  # a title at a platform or place, not at an employer: skip it
        else:
            if segment.strip() != title.group(0) and not _TITLE_START.match(segment.strip()):
                break
            pending.insert(0, segment.strip())
        if seg_start <= view.start or text[seg_start - 1] != "、":
            break
        seg_end = seg_start - 1
    return out


def _title_after(view: SentenceView, i: int, person: Mention) -> list[Relation]:
    """ORG(dept)NAME TITLE: 市工业和信息化局卢阳副局长."""
    title = _TITLE_START.match(view.text[person.end : person.end + 8])
    if not title or i == 0:
        return []
    org = view.mentions[i - 1]
    if org.label not in _EMPLOYERS:
        return []
    dept = view.text[org.end : person.start]
    if not _DEPT.match(dept) or len(dept) > 10:
        return []
    return [
        relation(
            "WORKS_FOR",
            person,
            org,
            view,
            "rule:works_for_title_after",
            0.8,
            title=dept + title.group(0),
        )
    ]
