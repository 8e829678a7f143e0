"""WORKS_FOR: Person → Company/Agency/Organization, or the City a head of government governs,
with `title`.

A title chain before the name (东营市工业和信息化局党组成员、副局长陈锐; 山东胜软科技…副总裁、
东营工业互联网创新中心总经理穆永平 gives one relation per organisation) or a title after it
(市工业和信息化局卢阳副局长, …工业互联网处周林处长). Heads of government (市长) with no written
organisation and honorary roles (人大代表) give nothing."""

from __future__ import annotations

import re

from graph.model import SCHEMA, Relation
from loaders.extract.entities import TITLE_ALT, Mention
from loaders.extract.relations.base import ArticleViews, SentenceView, relation, rx
from loaders.extract.relations.principal import principal_company

# Heads of government work for their City, which the title rules decide (T47).
_EMPLOYERS = SCHEMA["WORKS_FOR"].tails - {"City"}
_TITLE_END = re.compile(f"(?:{TITLE_ALT})$")
_TITLE_START = re.compile(f"^(?:{TITLE_ALT})")
_GOVERNMENT_HEADS = re.compile(
    r"^(?:常务)?副?(?:市长|省长|区长|县长|州长|镇长|旗长|盟长|行政长官)$"
)
# A government sub-unit written in a title after its parent (…部, 运行监测局局长): L22.
_SUB_UNIT = re.compile(r"^[\u4e00-\u9fff]{2,12}?(?:司|局|处|科|室|中心|办公室|专班)$")
_FORMER_ROLE = re.compile(r"(?:时任|前任|曾任|原任|卸任)")
_HONORARY = re.compile(r"(?:代表|委员|顾问|专家)$")
_DEPT = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9与和]{0,14}$")
# Left between a firm and its post (「甲科技」联合创始人, 甲股份有限公司（工业乙）总经理): the
# closing quote and a bracketed short name.
_CLOSING_QUOTE = re.compile(r"^[”’」』]")
_BRACKETED_SHORT_NAME = re.compile(r"^[（(]?[^（）()]{0,12}[)）]")


# A body named only by a bare word before a post (高新区党工委书记, 市委常委): no node of its own.
_UNNAMED_BODY = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:党工委|管委会|党委|委|局|办|组)")
# 甲公司董事长为乙 / 甲公司现任董事长是乙 (the post, then the person).
_POST_IS = re.compile(f"^(?:公司)?的?(?:现任)?(?P<t>{TITLE_ALT})(?:亦|也|均)?(?:为|是|由)$")
# 乙担任甲公司董事 / 乙是甲会副会长 (the person, then the post).
_HOLDS = re.compile(r"^(?:现|曾)?(?:担任|出任|兼任|现任|任|是|为|系)$")
_HELD_AT = re.compile(f"^(?:现|正)?(?:担任|出任|任)(?P<t>{TITLE_ALT})(?:职务)?的$")
_POST_AFTER = re.compile(f"^(?:有限公司|公司)?的?(?P<t>{TITLE_ALT})")
# 乙担任董事的(公司)还有：甲、丙 (the person, the post, then the list of bodies).
_POSTS_LISTED = re.compile(
    f"(?:现|还|另|亦|也)?(?:担任|出任|兼任|任)(?P<t>{TITLE_ALT})的(?:公司|机构|企业)?"
    r"(?:还有|还包括|包括|有)[:：]?"
)


# 公司执行董事乙 / 该公司副总裁乙: the company the article is about, named only as 公司.
_COMPANY_WORD_TITLE = re.compile(
    f"(?:^|[^\u4e00-\u9fff]|的|由|与|和|经)(?:本|该|我)?公司的?"
    f"(?P<t>[\u4e00-\u9fff]{{0,8}}?(?:{TITLE_ALT}))$"
)


# A firm's post opening a sentence or clause with no body named (创始人乙, 联合创始人兼CEO乙).
_BARE_FIRM_TITLE = re.compile(
    r"(?:^|[，,。；;：:\s“])(?P<t>(?:联合)?创始人(?:兼(?:CEO|首席执行官|董事长|总经理))?|CEO|"
    r"首席执行官|首席技术官|CTO|"
    # a business unit of the firm, then the post (政企业务部总裁乙)
    r"[\u4e00-\u9fff]{0,6}(?:业务|事业|销售|市场|研发|技术|产品|战略|运营|投资)(?:部|事业部|中心)"
    r"(?:副?总裁|副?总经理|总监|经理))$"
)


def find(views: ArticleViews) -> list[Relation]:
    out: list[Relation] = []
    principal = views.once(principal_company)
    homes = home_places(views)
    for view in views:
        if "Person" not in view.labels:
            continue
        for i, person in enumerate(view.mentions):
            if person.label != "Person":
                continue
            if _former_role_before(view, person):
                continue  # 时任甲省省长乙: a former post, not a relation (T49)
            found = _chain_before(view, person, homes)
            if not any(r.tail_label == "City" for r in found):
                found += _bare_head(view, i, person, homes)
            if not found and principal is not None:
                found = _company_word_before(view, i, person, principal)
            out.extend(found)
            out.extend(_title_after(view, i, person))
            out.extend(_stated_post(view, i, person))
            out.extend(_post_in_brackets(view, person))
    return out


def _former_post(dept: str) -> bool:
    """甲公司前董事长, 甲局原局长: 前 or 原 right before the title marks a former post (T49)."""
    return dept.endswith(("前", "原"))


def _former_role_before(view: SentenceView, person: Mention) -> bool:
    """Whether the clause before the name holds 时任, 曾任, 原任 … (a former post)."""
    if view.text.find("任", view.start, person.start) < 0:
        return False  # (every match of _FORMER_ROLE holds 任)
    clause = view.text[view.start : person.start]
    clause = clause[max(clause.rfind(c) for c in "，,；;：:") + 1 :]
    return bool(_FORMER_ROLE.search(clause))


_BRACKETED_POST = re.compile(f"[（(](?P<post>[^（）()]{{0,20}}?(?:{TITLE_ALT}))[)）]")


def _post_in_brackets(view: SentenceView, person: Mention) -> list[Relation]:
    """甲乙（丙公司董事长）: the post at the organisation the brackets name."""
    m = _BRACKETED_POST.match(view.text, person.end)
    if m is None or _FORMER_ROLE.search(m.group("post")):
        return []
    start, end = m.start("post"), m.end("post")
    orgs = [o for o in view.mentions if start <= o.start and o.end <= end and o.label in _EMPLOYERS]
    word = _TITLE_END.search(m.group("post"))
    if not orgs or word is None:
        return []
    title_start = start + word.start()
    dept = view.text[orgs[-1].end : title_start]
    if not _DEPT.match(dept) or _former_post(dept):
        return []
    title = view.text[orgs[-1].end : end]
    return [relation("WORKS_FOR", person, orgs[-1], view, "rule:works_for_title", 0.8, title=title)]


def _stated_post(view: SentenceView, i: int, person: Mention) -> list[Relation]:
    """甲公司董事长为乙 and 乙担任甲公司董事: a post stated with a copula or 担任."""
    out = []
    if i > 0:
        org = view.mentions[i - 1]
        post = _POST_IS.match(view.text[org.end : person.start])
        if org.label in _EMPLOYERS and post:
            out.append(_rel(person, org, view, "rule:works_for_stated", post.group("t")))
    listed = _POSTS_LISTED.match(view.text, person.end, view.end)
    if listed:
        for org in view.list_after(listed.end(), _EMPLOYERS):
            out.append(_rel(person, org, view, "rule:works_for_listed", listed.group("t")))
    if i + 1 < len(view.mentions):
        org = view.mentions[i + 1]
        held = _HELD_AT.match(view.text[person.end : org.start])
        if org.label in _EMPLOYERS and held:  # 由乙担任董事的甲公司
            out.append(_rel(person, org, view, "rule:works_for_stated", held.group("t")))
        holds = _HOLDS.match(view.text[person.end : org.start])
        post = _POST_AFTER.match(view.text[org.end : org.end + 12])
        former = rx(r"曾|原|前").match(view.text[person.end : org.start])  # T49
        if org.label in _EMPLOYERS and holds and post and not former:
            out.append(_rel(person, org, view, "rule:works_for_stated", post.group("t")))
    return out


def _chain_before(
    view: SentenceView, person: Mention, homes: dict[str, Mention] | None = None
) -> list[Relation]:
    """Walk the 、-separated title segments leftwards from the name."""
    out: list[Relation] = []
    pending: list[str] = []
    seg_end = person.start
    text = view.text
    inherited = False  # 甲公司董事长乙、副总经理丙: 丙's titles, at the organisation 乙's names
    while seg_end > view.start:
        listed = next(
            (m for m in view.mentions if m.label == "Person" and m.end == seg_end), None
        )
        if listed is not None and pending and not inherited:
            seg_end, inherited = listed.start, True
            continue
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
        inside = [m for m in view.mentions if seg_start <= m.start and m.end <= seg_end]
        cities = [m for m in inside if m.label == "City"]
        if not orgs and cities and _GOVERNMENT_HEADS.match(text[cities[-1].end : seg_end].strip()):
            # 甲市市长乙: the head of government works for the City (T47)
            title_text = text[cities[-1].end : seg_end].strip()
            out.append(_rel(person, cities[-1], view, "rule:works_for_government", title_text))
            pending = []
        elif orgs:
            org = orgs[-1]
            # 富士康…股份有限公司（工业富联）总经理: a bracketed short name is no department
            dept = _CLOSING_QUOTE.sub("", text[org.end : title_start])  # 「甲科技」联合创始人
            dept = _BRACKETED_SHORT_NAME.sub("", dept)
            if not _DEPT.match(dept) or _former_post(dept):
                break
            own = "" if inherited else dept + title.group(0)
            heads = [p for p in pending if _GOVERNMENT_HEADS.match(p)]
            units = [p for p in pending if not _GOVERNMENT_HEADS.match(p) and _unit_title(p)]
            others = [p for p in pending if p not in heads and p not in units]
            titles = [t for t in (own, *others) if t]
            titles = [t for t in titles if not _HONORARY.search(t)]
            governed = _governed_city(view, org)
            for head_title in heads:
                # 甲省委副书记、省长乙: the head of government works for the province (T47);
                # 市委常委、副市长、高新区党工委书记乙: the article's own city (N6)
                bare = _BARE_HEAD.search(head_title)
                place = governed
                if place is None and bare is not None and homes:
                    place = homes.get(_HEAD_LEVEL[bare.group("k")])
                if place is not None:
                    out.append(_rel(person, place, view, "rule:works_for_government", head_title))
            for unit_title in units:
                # 甲部新闻发言人、乙司司长丙: the sub-unit 甲部乙司 (L22, T48)
                unit, post = _unit_title(unit_title)  # type: ignore[misc]
                if org.label == "Agency":
                    sub = Mention(org.start, org.end, "Agency", org.name + unit, unit, "sub_unit")
                    out.append(_rel(person, sub, view, "rule:works_for_sub_unit", post))
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
            bare_title = segment.strip() == title.group(0) or _TITLE_START.match(segment.strip())
            if bare_title or _unit_title(segment.strip()):
                pending.insert(0, segment.strip())
            elif not _UNNAMED_BODY.match(segment.strip()):
                break
            # else: a post at a body the article does not name (高新区党工委书记): pass over it
        if seg_start <= view.start or text[seg_start - 1] != "、":
            break
        seg_end = seg_start - 1
    return out


_BARE_HEAD = re.compile(r"(?:^|[、，,\s由])(?P<t>(?:常务)?副?(?P<k>市|省|区|县)长)(?=、|$)")
_HEAD_LEVEL = {"市": "city", "省": "province", "区": "district", "县": "district"}


def home_places(views: ArticleViews) -> dict[str, Mention]:
    """The article's own place at each level: the one named most often, when one leads."""
    counts: dict[str, dict[str, int]] = {}
    first: dict[str, Mention] = {}
    for m in views.labelled("City"):
        level = m.props.get("level")
        if level in ("city", "province", "district"):
            by_name = counts.setdefault(level, {})
            by_name[m.name] = by_name.get(m.name, 0) + 1
            first.setdefault(m.name, m)
    homes = {}
    for level, by_name in counts.items():
        ranked = sorted(by_name.values(), reverse=True)
        if len(ranked) == 1 or ranked[0] > ranked[1]:
            homes[level] = first[max(by_name, key=lambda n: by_name[n])]
    return homes


def _since_previous_name(view: SentenceView, i: int) -> str:
    """The text between the name before mention `i` (or the sentence start) and mention `i`."""
    start = view.mentions[i - 1].end if i > 0 else view.start
    return view.text[start : view.mentions[i].start]


def _bare_head(
    view: SentenceView, i: int, person: Mention, homes: dict[str, Mention]
) -> list[Relation]:
    """市委常委、副市长乙 with no place written: the head of government works for the article's
    own city (N6, T47)."""
    head = _BARE_HEAD.search(_since_previous_name(view, i))
    if head is None:
        return []
    home = homes.get(_HEAD_LEVEL[head.group("k")])
    if home is None:
        return []
    return [_rel(person, home, view, "rule:works_for_government", head.group("t"))]


def _company_word_before(
    view: SentenceView, i: int, person: Mention, principal: Mention
) -> list[Relation]:
    """公司董事局主席乙: the bare word 公司 points at the article's own company."""
    before = _since_previous_name(view, i)
    post = _COMPANY_WORD_TITLE.search(before)
    if post is None:
        post = _BARE_FIRM_TITLE.search(before)  # 。创始人乙告诉记者: the article's own firm
    if post is None or _HONORARY.search(post.group("t")):
        return []
    return [_rel(person, principal, view, "rule:works_for_company_word", post.group("t"))]


def _rel(person: Mention, org: Mention, view: SentenceView, method: str, title: str) -> Relation:
    return relation("WORKS_FOR", person, org, view, method, 0.8, title=title)


def _unit_title(segment: str) -> tuple[str, str] | None:
    """运行监测协调局局长 → (运行监测协调局, 局长): a unit named before its post."""
    title = _TITLE_END.search(segment)
    if title is None:
        return None
    unit = segment[: title.start()]
    return (unit, title.group(0)) if _SUB_UNIT.match(unit) else None


def _governed_city(view: SentenceView, org: Mention) -> Mention | None:
    """The place a party committee or government body belongs to (甲省委 → 甲省)."""
    if not org.place_prefix:
        return None
    name = org.place_prefix[-1]
    return Mention(org.start, org.start, "City", name, name, "place_prefix")


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
