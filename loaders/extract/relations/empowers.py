"""EMPOWERS: Platform/Company/Organization → Company/Organization/Agency/City/Project.

通过X的赋能，Y…; X赋能Y / 赋能<city>企业 (→ the city); 为Y赋能 / 为Y提供…; 依托X…为Y提供…;
a city that 引进 a platform to drive its industry (platform → city); and a platform working on a
named company's or park's upgrade in the same sentence."""

from __future__ import annotations

import re

from graph.model import SCHEMA, Relation
from loaders.extract.entities import Mention
from loaders.extract.relations.base import EXHORTATION, SentenceView, relation, rx
from loaders.extract.relations.empowers_sites import (  # noqa: F401 (_AT_SITE: for tests)
    _AT_SITE,
    _SITE_WORK,
    _SITE_WORK_GATE,
    _SITES,
    _site_of_work,
)
from loaders.extract.relations.gates import gate
from loaders.extract.scan import gate_words

_SOURCES = SCHEMA["EMPOWERS"].heads
_TARGETS = SCHEMA["EMPOWERS"].tails
# A supplier and its named customers (T1, T2): 为甲、乙配套/供货, 客户包括甲、乙, 进入甲的供应链.
# 为 as a preposition, not inside a word (华为, 作为, 成为, 因为, 认为 …).
# (the character before 为 is tested after it: a pattern opening with 为 scans fast)
_FOR = r"为(?<![华作成因认行称以较更最视分改广]为)"
_SUPPLIES_FOR = re.compile(_FOR)
_SUPPLY_VERB = re.compile(r"^(?:等[^，。；]{0,6}?)?(?:配套|供货|供应|代工)")
_SUPPLY_WORD = re.compile(r"配套|供货|供应|代工")
_INCLUDES = r"(?:包括|涵盖|覆盖|有|遍及)[:：]?"
# ((?:主要)?客户 spelt out as alternatives that each open with a character: it scans fast)
_CUSTOMERS = re.compile(f"主要客户{_INCLUDES}|客户{_INCLUDES}|导入|进入|进入到|打入")
_SUPPLY_CHAIN_AFTER = re.compile(r"^[^，。；（(]{0,4}?(?:的)?(?:供应链|供应体系)")
_FIRMS_AFTER = re.compile(
    r"(?:的|[省市县区]?内|等地)?(?:\d+[多余]?家|[一二三四五六七八九十百千万几]+家)?[^，,。；]{0,6}?"
    r"(?:企业|养殖户|用户|工厂)"
)
_CUSTOMER_LABELS = frozenset({"Company", "Organization", "Project"})
_UPGRADE = re.compile(r"升级|改造|数字化转型|智能化|上云|监控|赋能|管控|解决方案|数字化")


# 为Y赋能 / 为Y(免费)提供… / 为Y打造(了)…解决方案: a service or a system built for Y (T2);
# X为Y打造的…产品 is Y's own product (为 as 是)
_FOR_SERVICE = re.compile(
    _FOR + r"(?P<y>[^，。；]{1,20}?)(?:赋能|(?:免费|持续)?提供|"
    r"(?:打造|搭建|部署|定制|开发)(?!的)(?=[^，。；]{0,20}?(?:解决方案|系统|平台|车间|工厂|产线)))"
)
_VIA = re.compile(r"(?:通过|在)(?P<x>[^，。；]{1,30}?)的(?:赋能|助力|帮助)下?")
# Y是X(在…)的(标杆)客户: X supplies Y (T2)
_CUSTOMER_OF = re.compile(r"(?:是|成为)(?P<x>[^，。；]{2,24}?)的[^，。；的]{0,6}?(?:客户|用户)")
# X帮助/助力Y实现…: X carries out Y's upgrade (T2)
_HELPS = re.compile(r"帮助|助力|协助")
_HELPED_DOES = re.compile(
    r"[^，。；]{0,4}?(?:实现|完成|搭建|建设|建成|打造|提升|推进|开展|降低|提高|进行)"
)
_RECEIVERS = frozenset({"Company", "Organization", "Agency", "Project"})
# Y引入/采用X的…系统: X supplies Y (T2)
_ADOPTS = re.compile(r"引入|引进|采用|部署|选用|上线|借助|依托|使用|利用")
_PRODUCT_AFTER = re.compile(r"的?[^，。；]{0,12}?(?:系统|平台|解决方案|方案|产品|软件|技术)")


def _helped(view: SentenceView) -> list[tuple[Mention, Mention, str, float]]:
    out = []
    text = view.sentence.text
    for m in _HELPS.finditer(text):
        pos = view.start + m.start()
        if view.in_name(pos, view.start + m.end()) or EXHORTATION.search(
            view.text[view.start : pos]
        ):
            continue
        helped = view.group_starting_at(view.start + m.end(), _RECEIVERS, gap=r"^$")
        if not helped or not _HELPED_DOES.match(view.text, helped[-1].end):
            continue
        source = _source_before(view, pos)
        for target in helped if source is not None else ():
            out.append((source, target, "rule:empowers_helps", 0.7))
    return out


def _customer_of(view: SentenceView) -> list[tuple[Mention, Mention, str, float]]:
    out = []
    for m in _CUSTOMER_OF.finditer(view.sentence.text):
        pos = view.start + m.start()
        x_start = view.start + m.start("x")
        customers = view.group_ending_at(pos, _RECEIVERS)
        supplier = next((x for x in view.mentions if x.start == x_start), None)
        if supplier is None or supplier.label not in _SOURCES:
            continue
        for customer in customers:
            out.append((supplier, customer, "rule:empowers_customer", 0.7))
    return out


def _adopted(view: SentenceView) -> list[tuple[Mention, Mention, str, float]]:
    out = []
    for m in _ADOPTS.finditer(view.sentence.text):
        pos, end = view.start + m.start(), view.start + m.end()
        supplier = view.group_starting_at(end, _SOURCES, gap=r"^$")[:1]
        if not supplier or not _PRODUCT_AFTER.match(view.text, supplier[0].end):
            continue
        if supplier[0].label != "Platform" and view.text[supplier[0].end] != "的":
            continue  # 引进甲公司: bringing the firm in, not its product
        for adopter in view.group_ending_at(pos, _RECEIVERS):
            out.append((supplier[0], adopter, "rule:empowers_adopted", 0.7))
    return out


_SERVES = re.compile(r"赋能(?!方案|能力|服务|中心|平台|作用)|服务于?(?=\S)")
_PLATFORM_ANAPHOR = re.compile(r"(?:该|这一|这个|此)平台")
# <city>依托X，推动/带动…: the city relies on the platform for its industry
_CITY_RELIES = re.compile(r"(?:依托|借助|利用)")
_RELYING = re.compile(r"(?:借助|依托|利用|基于|通过)(?P<x>[^，,。；]{1,20}?)[，,]")
_RELYING_DOES = re.compile(  # Y借助/依托/利用X(平台)完成/实现…
    r"(?:借助|依托|利用|基于|通过)(?P<x>[^，,。；]{1,16}?)(?:平台)?(?:完成|实现|开展|进行|推进|打造|建成)"
)
_RELYING_GATE = gate(gate_words(_RELYING_DOES, _RELYING, _CITY_RELIES))  # (a word of each)
_DRIVES = re.compile(r"[，,]?\s*(?:推动|带动|助力|赋能|推进|加快|促进)")


def _source_before(view: SentenceView, pos: int) -> Mention | None:
    group = view.group_ending_at(pos, _SOURCES)
    if group:
        return group[-1]
    clause_start, _ = view.clause_of(pos)
    near = [m for m in view.mentions if clause_start <= m.start and m.end <= pos]
    if near and near[0].label in _SOURCES:
        return near[0]  # the clause's own subject: …，Fii Cloud平台已服务…
    if not near and _PLATFORM_ANAPHOR.match(view.text[clause_start:pos].strip()):
        return view.last_before(clause_start, frozenset({"Platform"}))  # …，该平台已服务…
    if view.subject is not None and view.subject.end <= pos:
        # the sentence is about a city or agency: it is not the platform doing the empowering
        return view.subject if view.subject.label in _SOURCES else None
    here = [m for m in view.mentions if m.end <= pos and m.label == "Platform"]
    return here[-1] if here else None


def _firms_of(view: SentenceView, place: Mention) -> bool:
    """赋能<place>企业 / 为<place>企业提供: the place's firms, which stand for the place."""
    return bool(_FIRMS_AFTER.match(view.text, place.end))


def _actor(view: SentenceView, pos: int, labels: frozenset[str]) -> list[Mention]:
    """Who supplies: the last actor before `pos`, else the sentence's subject (甲是一家…企业，
    为乙配套)."""
    actors = view.actors_before(pos, labels)
    subject = view.subject
    if not actors and subject is not None and subject.label in _SOURCES and subject.end <= pos:
        actors = [subject]
    return actors[-1:]


def _supplier_of(view: SentenceView) -> list[tuple[Mention, Mention, str, float]]:
    out = []
    firms = _CUSTOMER_LABELS
    supplies = _SUPPLY_WORD.search(view.sentence.text)  # _SUPPLY_VERB needs one of its words
    for m in _SUPPLIES_FOR.finditer(view.sentence.text) if supplies else ():
        pos = view.start + m.start()
        targets = view.list_after(view.start + m.end(), firms)
        if not targets or not _SUPPLY_VERB.match(view.text[targets[-1].end : view.end]):
            continue  # 为甲、乙组成的联盟开发…: the list is not what is supplied
        for target in targets:
            for source in _actor(view, pos, _SOURCES):
                out.append((source, target, "rule:empowers_supplier", 0.7))
    text = view.sentence.text
    named = view.holds(_CUSTOMERS_GATE)
    for m in _CUSTOMERS.finditer(text) if named else ():
        entering = m.group(0).startswith(("导入", "进入", "打入"))
        if entering and "供应" not in view.sentence.text:
            continue  # entering a market, not a supply chain (_SUPPLY_CHAIN_AFTER)
        pos = view.start + m.start()
        targets = view.list_after(view.start + m.end(), firms)
        if entering:
            chain_at = targets[-1].end if targets else view.start + m.end()
            chain = _SUPPLY_CHAIN_AFTER.match(view.text[chain_at : view.end])
            if chain is None or (not targets and chain.end() > 6):
                continue  # 进入甲市场: entering a market, not a customer's supply chain
            targets = targets + _bracketed_members(view, chain_at + chain.end(), firms)
        sources = _actor(view, pos, _SOURCES) or _product_owner(view, pos)
        for target in targets:
            for source in sources:
                out.append((source, target, "rule:empowers_customer", 0.65))
    return out


# 甲的压力分布测量系统…已导入…: whose product it is that enters a supply chain
_OWNS_PRODUCT = re.compile(r"[」”]?的[^，。；]{0,12}?(?:系统|产品|传感器|芯片|模组|设备|方案|技术)")


def _product_owner(view: SentenceView, pos: int) -> list[Mention]:
    """The firm whose product the sentence is about, named before `pos` (甲的…系统…已导入)."""
    owners = [
        m
        for m in view.mentions
        if m.end <= pos and m.label in _SOURCES and _OWNS_PRODUCT.match(view.text, m.end)
    ]
    return owners[-1:]


def _bracketed_members(view: SentenceView, pos: int, labels: frozenset[str]) -> list[Mention]:
    """Firms named in brackets after `pos` in its clause, as members of what was named before
    them (甲供应链（乙，丙等）及国内大厂（如丁、戊等）)."""
    stop = _CLAUSE_END.search(view.text, pos, view.end)
    end = stop.start() if stop else view.end
    spans = [b.span(1) for b in _IN_BRACKETS.finditer(view.text, pos, end)]
    return [
        m
        for m in view.mentions
        if m.label in labels and any(a <= m.start and m.end <= b for a, b in spans)
    ]


_IN_BRACKETS = re.compile(r"[（(]([^（）()]{1,40})[)）]")
_CLAUSE_END = re.compile(r"[。；]")


# 甲在乙、丙等(一系列)(标杆)项目中…: a supplier's product at work in named projects (T1, T6).
_IN_PROJECTS = re.compile(
    r"^(?:、[^，。；、]{1,24}?){0,3}\s*等[^，。；]{0,8}?(?:项目|工程)(?:中|里|上|当中)"
)


def _applied_in(view: SentenceView) -> list[tuple[Mention, Mention, str, float]]:
    out = []
    for m in rx("在").finditer(view.sentence.text):
        pos = view.start + m.start()
        projects = view.list_after(pos + 1, frozenset({"Project"}))
        if not projects or not _IN_PROJECTS.match(view.text[projects[-1].end : view.end]):
            continue
        for project in projects:
            for actor in _actor(view, pos, _SOURCES - {"Platform"}):
                out.append((actor, project, "rule:empowers_in_projects", 0.65))
    return out


# The words one of which every match of a gated pattern holds (a sentence without is not scanned)
_VIA_GATE, _SERVES_GATE, _FOR_SERVICE_GATE, _HELPS_GATE, _CUSTOMER_OF_GATE, _ADOPTS_GATE = (
    gate(gate_words(p)) for p in (_VIA, _SERVES, _FOR_SERVICE, _HELPS, _CUSTOMER_OF, _ADOPTS)
)
_CUSTOMERS_WORDS, _SUPPLY_WORDS = gate_words(_CUSTOMERS), gate_words(_SUPPLY_WORD)
# (_supplier_of's two rules: _SUPPLY_WORD.search gates the first)
_CUSTOMERS_GATE, _SUPPLIER_GATE = gate(_CUSTOMERS_WORDS), gate(_SUPPLY_WORDS + _CUSTOMERS_WORDS)
_BRINGS_IN = re.compile(r"引进")
# Every rule of `find` needs one of these words (but _applied_in: 等 and a project): one test
_ANY_GATE = gate(gate_words(  # passes over a sentence without
    _VIA, _SERVES, _RELYING_DOES, _RELYING, _CITY_RELIES, _FOR_SERVICE, _BRINGS_IN, _UPGRADE,
    _SUPPLY_WORD, _CUSTOMERS, _HELPS, _ADOPTS, _CUSTOMER_OF, _SITE_WORK,
))
_ANY_LABELS = _SOURCES | _TARGETS | _CUSTOMER_LABELS | _RECEIVERS | _SITES  # (named by a rule)


def find(views: list[SentenceView]) -> list[Relation]:
    out: list[Relation] = []
    for view in views:
        if view.labels.isdisjoint(_ANY_LABELS):
            continue  # every rule below relates names of this sentence, of these labels
        text = view.sentence.text
        if not view.holds(_ANY_GATE) and not ("等" in text and "Project" in view.labels):
            continue
        found: list[tuple[Mention, Mention, str, float]] = []
        # 通过X(平台)的赋能，Y / 在X的赋能下，Y (X is named here)
        via = not view.labels.isdisjoint(_SOURCES) and view.holds(_VIA_GATE)
        for m in _VIA.finditer(text) if via else ():
            xs = [
                x
                for x in view.mentions
                if view.start + m.start("x") <= x.start
                and x.end <= view.start + m.end("x")
                and x.label in _SOURCES
            ]
            after = [
                y for y in view.mentions if y.start >= view.start + m.end() and y.label in _TARGETS
            ]
            # 长沙的某企业: the firm, not the place; a place only as 赋能<place>企业.
            after = [
                y
                for y in after
                if y.label != "City" or view.text[y.end : y.end + 3].lstrip("的").startswith("企业")
            ]
            if xs and after:
                found.append((xs[0], after[0], "rule:empowers_via", 0.85))
        # X赋能Y / 赋能<city>企业 / X服务<city>N家企业
        serves = not view.labels.isdisjoint(_TARGETS) and view.holds(_SERVES_GATE)  # (Y here)
        for m in _SERVES.finditer(text) if serves else ():
            pos = view.start + m.end()
            if view.in_name(view.start + m.start(), pos):
                continue
            # 赋能青岛企业6万家 / 服务500余家深圳企业: a count may come first
            targets = view.group_starting_at(
                pos, _TARGETS, gap=r"^[\s了]*(?:\d+[多余]?家|[一二三四五六七八九十百千万几]+家)?$"
            )
            if m.group(0).startswith("服务"):  # only 服务 + a named firm, or a place's firms
                places_firms = bool(targets) and _firms_of(view, targets[-1])  # 甲、乙等地…企业
                targets = [t for t in targets if t.label != "City" or places_firms]
            source = _source_before(view, view.start + m.start()) if targets else None
            if source and targets and not EXHORTATION.search(view.text[view.start : pos]):
                for t in targets:
                    found.append((source, t, "rule:empowers", 0.85))
        platform_here = "Platform" in view.labels  # (the rules below relate a platform here)
        # Y借助/依托/利用X(平台)完成/实现…: X empowers Y
        relying = platform_here and view.holds(_RELYING_GATE)  # (the three rules on 借助, 依托 …)
        for m in _RELYING_DOES.finditer(text) if relying else ():
            x_start, x_end = view.start + m.start("x"), view.start + m.end("x")
            xs = [
                x
                for x in view.mentions
                if x_start <= x.start and x.end <= x_end and x.label == "Platform"
            ]
            receivers = view.group_ending_at(view.start + m.start(), frozenset({"Company"}))
            if xs and receivers:
                found.append((xs[0], receivers[-1], "rule:empowers_relying", 0.75))
        # 依托/借助X(平台)，Y实现/完成…
        for m in _RELYING.finditer(text) if relying else ():
            x_start, x_end = view.start + m.start("x"), view.start + m.end("x")
            xs = [
                x
                for x in view.mentions
                if x_start <= x.start and x.end <= x_end and x.label == "Platform"
            ]
            after = view.group_starting_at(
                view.start + m.end(), frozenset({"Company"}), gap=r"^\s*$"
            )
            rest = view.text[after[-1].end : after[-1].end + 12] if after else ""
            achieves = rx(r"[^，,。；]{0,4}(?:实现|完成|打造|建成|提升|降低)").match(rest)
            if xs and after and achieves:
                found.append((xs[-1], after[0], "rule:empowers_relying", 0.75))
        # (its ys are names of _TARGETS here)
        served = not view.labels.isdisjoint(_TARGETS) and view.holds(_FOR_SERVICE_GATE)
        for m in _FOR_SERVICE.finditer(text) if served else ():
            y_start, y_end = view.start + m.start("y"), view.start + m.end("y")
            ys = [
                y
                for y in view.mentions
                if y_start <= y.start
                and y.end <= y_end
                and y.label in _TARGETS
                and (y.label != "City" or _firms_of(view, y))
            ]
            if not ys:
                continue  # (no firm named: nothing to relate)
            if not m.group(0).endswith(("赋能", "提供")) and ys[0].start != y_start:
                continue  # 为推动甲、乙…开发: a purpose, not a customer the system is built for
            clause_start, _ = view.clause_of(view.start + m.start())
            near = [
                x
                for x in view.mentions
                if clause_start <= x.start
                and x.end <= view.start + m.start()
                and x.label in _SOURCES
            ]
            lead = view.text[clause_start : view.start + m.start()].strip()
            if not near and rx(r"(?:该|这一|这个|此)?平台").match(lead):
                # 平台已为…提供: the platform named last, here or in the sentence before
                platform = view.last_before(clause_start, frozenset({"Platform"}))
                near = [platform] if platform else []
            source = near[-1] if near else _source_before(view, view.start + m.start())
            for y in ys if source else ():  # 为甲、乙等企业提供: each firm named
                found.append((source, y, "rule:empowers_for", 0.75))
        for m in _CITY_RELIES.finditer(text) if relying else ():
            pos = view.start + m.end()
            platforms = view.group_starting_at(pos, frozenset({"Platform"}), gap=r"^\s*$")
            cities = view.group_ending_at(view.start + m.start(), frozenset({"City"}))
            if platforms and cities and _DRIVES.match(view.text, platforms[-1].end):
                for p in platforms:
                    found.append((p, cities[-1], "rule:empowers_city_relies", 0.7))
        # <city>…引进X等平台
        for m in _BRINGS_IN.finditer(text) if platform_here and "引进" in text else ():
            pos = view.start + m.end()
            if view.in_name(view.start + m.start(), pos):
                continue
            platforms = view.group_starting_at(pos, frozenset({"Platform"}), gap=r"^\s*$")
            city = (
                view.subject if view.subject is not None and view.subject.label == "City" else None
            )
            if platforms and city is not None:
                for p in platforms:
                    found.append((p, city, "rule:empowers_brought_in", 0.7))
        # A platform at work on a named company's or park's upgrade in this sentence.
        if not found and platform_here and _UPGRADE.search(text):
            platforms = [
                m for m in view.mentions if m.label == "Platform" and m.source == "gazetteer"
            ]
            receivers = [
                m
                for m in view.mentions
                if m.label in ("Company", "Project") and m.source != "gazetteer" and not m.owner
            ]
            if not receivers and "园区" in text and view.prev is not None:
                # 园区 refers back to the park named in the previous sentence
                parks = [
                    m
                    for m in view.prev.mentions
                    if m.label == "Project" and rx(r"园区?$|产业园$").search(m.name)
                ]
                receivers = parks[-1:]
            if platforms and receivers and not rx(r"签署|签约|携手|联手|合作").search(text):
                found.append((platforms[0], receivers[0], "rule:empowers_cooccur", 0.55))
        # the rules below, each called only where what it relates is named and its words written
        labels = view.labels
        if not labels.isdisjoint(_CUSTOMER_LABELS) and view.holds(_SUPPLIER_GATE):  # a customer
            found.extend(_supplier_of(view))
        if not labels.isdisjoint(_RECEIVERS) and view.holds(_HELPS_GATE):  # who is helped
            found.extend(_helped(view))
        if not labels.isdisjoint(_SOURCES):  # the supplier
            if view.holds(_ADOPTS_GATE):
                found.extend(_adopted(view))
            if view.holds(_CUSTOMER_OF_GATE):
                found.extend(_customer_of(view))
        if "等" in text and "Project" in labels:  # 等…项目中, a project
            found.extend(_applied_in(view))
        if not labels.isdisjoint(_SITES) and view.holds(_SITE_WORK_GATE):  # the site
            found.extend(_site_of_work(view))
        for source, target, method, conf in found:
            if source.name != target.name:
                out.append(relation("EMPOWERS", source, target, view, method, conf))
    return out
