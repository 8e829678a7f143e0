"""SUBSIDIARY_OF: Company/Platform → Company.

An owner prefix (海尔卡奥斯); 旗下 / 子公司; a platform and its known owner named in the same
sentence (海尔集团介绍了卡奥斯…); a company whose name opens with the name of a 集团 in the same
article (万达宝通 → 万达集团)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from graph.model import Relation
from loaders.extract.entities import Mention
from loaders.extract.relations.base import COMPANIES, ArticleViews, SentenceView, relation
from loaders.extract.relations.gates import gate
from loaders.extract.relations.principal import principal_company
from loaders.extract.scan import gate_words


@lru_cache(maxsize=1)
def _gaz() -> Any:
    from loaders.extract.gazetteer import load_gazetteer

    return load_gazetteer()


@lru_cache(maxsize=8192)
def _known_owner(name: str, label: str) -> str | None:
    """The parent the gazetteer gives the name (of a short name and label only: shared by
    all articles)."""
    for entry in _gaz().lookup(name):
        if entry.label == label and entry.parent:
            return entry.parent
    return None


_STAKE = r"(?:\d+(?:\.\d+)?[%％])?(?:全资|控股|绝对控股|参股)?的?"
_CHILD_IS = re.compile(
    r"^(?:是|为|系|成为|将成为|已成为)(?P<p>.{2,30}?)(?:的|之)?(?:旗下|下属)?" + _STAKE
    + r"(?:子公司|孙公司|附属公司|旗下企业|下属企业|成员企业)"
)
_PARENT_OWNS = re.compile(
    r"^(?:(?:旗下|下属)的?" + _STAKE + r"(?:子公司|孙公司|分公司|附属公司|企业|公司)?|"
    r"(?:的|之)?" + _STAKE + r"(?:子公司|孙公司|附属公司))"
)
# 甲(在乙市)(投资)设立(一家)(全资)子公司丙: the child named right after the word for it.
_SETS_UP_CHILD = re.compile(
    r"^(?:在[^，。；、]{1,10}?)?(?:投资|出资)?(?:设立|成立|组建|注册成立|新设)了?(?:一家)?"
    + _STAKE + r"(?:子公司|孙公司|分公司)[「“]?"
)
# 甲由乙(和丙)(投资|合资|出资)?(设立|成立|组建): the new company → each founder (T35).
_FOUNDED_BY = re.compile(r"由")
_FOUNDING = re.compile(
    r"^[^，。；]{0,12}?(?:合资|投资|出资|控股|独资|全资)?[^，。；]{0,8}?(?:设立|成立|组建|创办)"
)
_CONTROLLED = re.compile(r"^(?:绝对|相对|全资)?控股(?:投资|经营)?(?![的])")
_JOINT_CHILD = re.compile(r"^(?:共同)?(?:合资|投资|出资)(?:设立|成立|组建)?的")
# A收购(了)B、C: the bought companies → the buyer (T35); failed or abandoned deals give nothing.
_ACQUIRES = re.compile(r"(?:全资|成功|完成|宣布|拟|已)?收购了?")
_ASIDE = re.compile(r"[^（）()，。；]{0,30}[)）]|[（(][^（）()]{0,30}[)）]")
# 公司 opening the sentence or a clause: the company the article is about.
_COMPANY_WORD = re.compile(
    r"(?:^|[，,；;：:])\s*(?:本|该)?公司(?![\u4e00-\u9fff]{0,2}(?:子公司|员工))"
)
_OWNABLE = frozenset({"Company", "Platform"})
_KIND_BEFORE_CHILD = re.compile(r"\s*|[^，。；「“]{0,10}(?:公司|集团|平台|系统|品牌|大模型)[「“]?")
_DEAL_FAILED = re.compile(r"未果|失败|终止|放弃|搁浅|传闻")
# 公司全资子公司X in a company's own announcement: 公司 is the announcing company; 其子公司X
# is the subsidiary of the firm named before.
_OWN_CHILD = re.compile(r"(?:^|[，,：:；])(?:(?:本|该)?公司的?|其)(?:全资|控股)?子公司$")


_STATING = (_CHILD_IS, _PARENT_OWNS, _SETS_UP_CHILD, _OWN_CHILD)  # the patterns of _stated
_STATING_WORDS = gate_words(*_STATING)  # one of the words of any of them
_STATING_GATE = gate(_STATING_WORDS)


def _stated(view: SentenceView) -> list[Relation]:
    """X是Y的(全资)子公司 → X→Y;  Y旗下(的)X / Y的子公司X → X→Y."""
    out: list[Relation] = []
    orgs = [m for m in view.mentions if m.label in ("Company", "Platform")]
    for i, m in enumerate(orgs):
        rest = view.text[m.end : view.end]
        child_is = _CHILD_IS.match(rest)
        if child_is and m.label == "Company":
            p_start, p_end = m.end + child_is.start("p"), m.end + child_is.end("p")
            parents = [o for o in orgs if p_start <= o.start and o.end <= p_end + 1]
            if parents and parents[-1].label == "Company":
                out.append(
                    relation("SUBSIDIARY_OF", m, parents[-1], view, "rule:subsidiary_kw", 0.85)
                )
        # 甲（以下简称“乙”）之全资子公司丙: the parent's bracketed aside is skipped
        aside = _ASIDE.match(rest)
        skip = aside.end() if aside else 0
        owns = _PARENT_OWNS.match(rest[skip:])
        if owns and m.label == "Company" and i + 1 < len(orgs):
            child = orgs[i + 1]
            # 甲旗下的晶片设计公司「乙」, 甲旗下…平台“乙”: the kind may stand before the name
            gap = view.text[m.end + skip + owns.end() : child.start]
            if _KIND_BEFORE_CHILD.fullmatch(gap):
                out.append(relation("SUBSIDIARY_OF", child, m, view, "rule:subsidiary_kw", 0.85))
        sets_up = _SETS_UP_CHILD.match(rest) if m.label == "Company" else None
        if sets_up and i + 1 < len(orgs) and orgs[i + 1].start == m.end + sets_up.end():
            child = orgs[i + 1]  # 甲在乙市设立全资子公司丙: 丙 → 甲
            if child.label == "Company" and child.name != m.name:
                out.append(relation("SUBSIDIARY_OF", child, m, view, "rule:sets_up_child", 0.85))
        if m.label == "Company" and _OWN_CHILD.search(view.text[view.start : m.start]):
            parent = view.last_before(m.start, COMPANIES)
            if parent is not None and parent.name != m.name:
                out.append(relation("SUBSIDIARY_OF", m, parent, view, "rule:subsidiary_kw", 0.8))
    return out


def _opens_with_owner(m: Mention, owner: Mention, view: SentenceView) -> bool:
    """The owner named in the same sentence, or its name or short form opening the child's."""
    if any(o.name == owner.name for o in view.mentions):
        return True
    forms = {owner.name, owner.surface, *owner.aliases}
    forms.update(a for e in _gaz().lookup(owner.name) if e.label == "Company" for a in e.aliases)
    return any(len(f) >= 2 and (m.surface.startswith(f) or m.name.startswith(f)) for f in forms)


def _named_after_owner(views: ArticleViews) -> list[Relation]:
    """A unit, brand or product named by its owner in front (甲科技研究院, 甲科技乙监测系统,
    甲的乙平台): the owner company is a name of the article (T34, L15). Gazetteer names carry
    their own owners."""
    out: list[Relation] = []
    firms = {
        form: m
        for m in views.labelled("Company")
        for form in (m.name, m.surface, *m.aliases)
        if len(form) >= 2
    }
    opened_by: dict[str, Mention | None] = {}  # a name → the firm whose form opens it
    namesakes: dict[str, Mention | None] = {}  # a name → _local_namesake (firms stay the same)
    done: set[str] = set()
    for view in views:
        if view.labels.isdisjoint(_OWNABLE):
            continue  # (the loop below reads firms and platforms only)
        for i, m in enumerate(view.mentions):
            if m.label not in _OWNABLE or m.source == "gazetteer" or m.name in done:
                continue
            if m.label == "Company" and m.name.endswith("集团"):
                continue  # 甲集团 beside 甲纺织: the group owns the firm (rule:group_name)
            if m.name not in opened_by:
                # the first form listed that opens the name with two characters more
                forms = [m.name[:n] for n in range(2, len(m.name) - 1) if m.name[:n] in firms]
                if len(forms) > 1:  # (seldom: the order listed is read only then)
                    forms.sort(key=list(firms).index)
                opened_by[m.name] = firms[forms[0]] if forms else None
            owner = opened_by[m.name]
            if owner is None and m.label == "Company":
                if m.name not in namesakes:  # 甲市乙乙 → 乙乙, its local company
                    namesakes[m.name] = _local_namesake(m.name, firms)
                owner = namesakes[m.name]
            if owner is None and i > 0 and m.label == "Platform":
                before = view.mentions[i - 1]
                if before.label == "Company" and view.text[before.end : m.start] in ("的", ""):
                    owner = before  # 甲公司的乙平台, 甲科技CloudX
            if owner is not None and owner.name != m.name:
                done.add(m.name)
                out.append(relation("SUBSIDIARY_OF", m, owner, view, "rule:named_after_owner", 0.7))
    return out


def _local_namesake(name: str, firms: dict[str, Mention]) -> Mention | None:
    """The firm whose name follows a place in `name` (郑州星河 → 星河): the place's company of
    that firm."""
    for length in range(2, min(len(name) - 1, 8)):
        rest = firms.get(name[length:])
        if rest is None or len(name) - length < 2 or rest.name == name:
            continue
        if _gaz().division(name[:length], strict=True) is not None:
            return rest
    return None


def _founded(view: SentenceView) -> list[Relation]:
    """甲公司由乙和丙合资成立 / 甲由乙投资设立 → 甲 → 乙, 甲 → 丙 (T35; investors of a round are
    not founders, X10: a founding verb must follow)."""
    out = []
    firms = COMPANIES
    for m in _FOUNDED_BY.finditer(view.sentence.text):
        pos = view.start + m.start()
        founders = view.list_after(pos + 1, firms)
        if not founders:
            continue
        after = view.text[founders[-1].end : view.end]
        if _CONTROLLED.match(after):  # 甲由乙控股: the controlling shareholder owns it
            founders = founders[:1]
        elif not _FOUNDING.match(after):
            continue
        children = view.group_ending_at(pos, firms)
        joint = _JOINT_CHILD.match(after)
        if joint:  # 由甲和乙合资的丙公司: the joint venture, named after the founders
            children = view.group_starting_at(founders[-1].end + joint.end(), firms)[:1]
        subject = view.subject
        if not children and not joint and subject is not None and subject.label == "Company":
            children = [subject]  # (由甲和乙合资的公司: a child the text does not name)
        for child in children[-1:]:
            for founder in founders:
                if founder.name != child.name:
                    out.append(
                        relation("SUBSIDIARY_OF", child, founder, view, "rule:founded_by", 0.75)
                    )
    return out


def _acquired(view: SentenceView, principal: Mention | None) -> list[Relation]:
    out = []
    if _DEAL_FAILED.search(view.sentence.text):
        return out  # a deal that fell through
    firms = COMPANIES
    for m in _ACQUIRES.finditer(view.sentence.text):
        pos = view.start + m.start()
        if view.in_name(pos, view.start + m.end()):
            continue
        buyers = view.actors_before(pos, firms)
        if not buyers and principal is not None and _COMPANY_WORD.search(
            view.text[view.start : pos]
        ):
            buyers = [principal]  # 公司收购了乙: the article's own company
        bought = view.group_in_clause_after(view.start + m.end(), _OWNABLE)
        for buyer in buyers[-1:]:
            for child in bought:
                if child.name != buyer.name:
                    out.append(relation("SUBSIDIARY_OF", child, buyer, view, "rule:acquired", 0.75))
    return out


def find(views: ArticleViews) -> list[Relation]:
    out: list[Relation] = []
    principal = views.once(principal_company)
    firms: dict[str, Mention] = {}
    groups: dict[str, Mention] = {}
    for m in views.labelled("Company"):
        firms[m.name] = m
        if m.name.endswith("集团") and len(m.name) >= 4:
            groups.setdefault(m.name[:-2], m)
    seen_prefix: set[str] = set()
    for view in views:
        if view.labels.isdisjoint(_OWNABLE):
            continue  # every rule below takes its child, a firm or platform, from this sentence
        for m in view.mentions:
            if m.label not in ("Company", "Platform"):
                continue
            if m.owner and m.name not in seen_prefix:
                seen_prefix.add(m.name)
                owner = Mention(m.start, m.start, "Company", m.owner, m.owner, "owner")
                out.append(relation("SUBSIDIARY_OF", m, owner, view, "rule:owner_prefix", 0.9))
            known = _known_owner(m.name, m.label)
            if known and known in firms and _opens_with_owner(m, firms[known], view):
                # the owner the gazetteer knows, in the same sentence or named in front (T34)
                out.append(
                    relation("SUBSIDIARY_OF", m, firms[known], view, "rule:known_owner", 0.8)
                )
            if m.label == "Company" and not m.name.endswith("集团"):
                for stem, group in groups.items():
                    if (
                        m.name.startswith(stem)
                        and m.name != group.name
                        and len(m.name) > len(stem) + 1
                    ):
                        out.append(
                            relation("SUBSIDIARY_OF", m, group, view, "rule:group_name", 0.7)
                        )
        # the rules below, each called only where its words are written
        text = view.sentence.text
        if view.holds(_STATING_GATE):
            out.extend(_stated(view))
        if "收购" in text:  # (every match of _ACQUIRES)
            out.extend(_acquired(view, principal))
        if "Company" in view.labels and "由" in text:  # (the founders are named here after 由)
            out.extend(_founded(view))
    out.extend(_named_after_owner(views))
    return out
