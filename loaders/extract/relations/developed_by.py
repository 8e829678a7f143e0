"""DEVELOPED_BY: Platform/Project → Company/Agency/Organization/City/Platform.

由A和B开发搭建的X; A和B联手推出的…X; A打造了X; A将加快X建设; 以/基于A…为基础搭建 (X is the
platform the sentence is about); 双方共同开发了X; a city that implements or builds its own
programme. A prefix alone (华为AI算力中心) or 引进 gives nothing."""

from __future__ import annotations

import re

from graph.model import SCHEMA, Relation
from loaders.extract.entities import Mention
from loaders.extract.relations.base import SentenceView, relation, rx
from loaders.extract.relations.gates import gate
from loaders.extract.scan import gate_words

_BUILDERS = SCHEMA["DEVELOPED_BY"].tails
_FIRM_BUILDERS = _BUILDERS - {"City"}  # (a partner joined to the builder)
_TARGETS = frozenset({"Platform", "Project"})
_BUILD = re.compile(
    r"开发搭建|开发|搭建|打造|共建|投资建设|建设|建成|推出|研发|构建|上线|发布|制定实施|实施|推进|推广|升级|"
    r"启动|培育|创建|组建|设立|主办|举办|承办|组织开展|开展|发起|招标|推行|试点|深化"
)
# Verbs that make a city the builder of a programme but say nothing of a company.
_PROGRAMME_ONLY = {
    "实施", "制定实施", "推进", "推广", "升级", "培育", "推行", "试点", "深化", "开展"
}
_BASED_ON = re.compile(
    r"(?:以|基于|依托)(?P<base>[^，。；]{1,30}?)(?:为基础|为底座|为核心)?(?:搭建|建设|打造|开发|构建)"
)
_BASES = frozenset({"Platform", "Company"})
_JOINT = re.compile(r"^\s*(?:联合|携手|联手|会同|协同|牵手)\s*$")
# The next item of a list of launches, possibly with its own descriptor: 、仿真云平台“乙”.
_NEXT_ITEM = re.compile(
    r"[”’]?\s*[、和及]\s*(?:[^，。；、“”]{0,12}[“‘]|[^，。；、“”]{0,10}(?:平台|系统|软件|大脑|模型)[“‘]?)?"
    r"|[”’]?[“‘]?"  # quoted names side by side: “甲走廊”“乙走廊”
)
# 、纺织服装“乙”: the next quoted item after a few words that describe it.
_DESCRIBED_ITEM = re.compile(r"[”’]?\s*[、和及]\s*[^，。；、“”]{0,8}")
_ANAPHOR = re.compile(r"(?:这个|这一|该|此)[^，,。；]{0,30}(?:平台|系统|大脑)")
_ANAPHOR_GATE, _BASED_ON_GATE = gate(gate_words(_ANAPHOR)), gate(gate_words(_BASED_ON))


def _targets_after(view: SentenceView, pos: int, limit: int = 40) -> list[Mention]:
    """The platform or project a verb governs, with the rest of its list (建设A、B、C等)."""
    for i, m in enumerate(view.mentions):
        if m.start >= pos and m.label in _TARGETS and m.start - pos <= limit:
            between = view.text[pos : m.start]
            if rx(r"[。；;]").search(between) or "引进" in between:
                return []
            # Across a comma only when the verb ends a 的-phrase: …联手推出的…平台，“工赋青岛”
            crosses = rx(r"[，,]").search(between)
            if crosses and not rx(r"的[^，,]*[，,]\s*[“‘]?$").search(between):
                return []
            out = [m]
            for n in view.mentions[i + 1 :]:
                between = view.text[out[-1].end : n.start]
                quoted_next = view.text[n.start : n.start + 1] in "“‘"
                if n.label not in _TARGETS or not (
                    _NEXT_ITEM.fullmatch(between)
                    or (quoted_next and _DESCRIBED_ITEM.fullmatch(between))
                ):
                    break
                out.append(n)
            return out
    return []


def _builders_before(view: SentenceView, pos: int) -> tuple[list[Mention], str]:
    text = view.text
    clause_start, _ = view.clause_of(pos)
    you = text.rfind("由", clause_start, pos)
    if you >= 0:
        group = view.group_starting_at(you + 1, _BUILDERS, gap=r"^\s*$")
        if group:
            return group, "rule:developed_by_you"
    group = view.group_ending_at(pos, _BUILDERS)
    if group and text[group[0].start - 1 : group[0].start] in ("在", "于"):
        group = []  # 在甲市举办的乙: where it is held, not who holds it
    if group:
        # A联合B建设X: the partner before the joint verb builds X too
        before = [m for m in view.mentions if m.end <= group[0].start and m.label in _BUILDERS]
        if before and _JOINT.match(text[before[-1].end : group[0].start]):
            group = [before[-1], *group]
        return group, "rule:developed_by"
    lead = text[clause_start:pos]
    both_before = rx(r"(?:双方|二者|两者)[^，。；]{0,6}$").search(lead)
    # 双方已签署协议，共同开发X: the pair is the subject of the clause before
    if not both_before and rx(r"^\s*(?:将|拟)?(?:共同|联合|携手)$").match(lead):
        both_before = rx(r"(?:^|[，,])\s*(?:双方|二者|两者)").search(text, view.start, clause_start)
    if both_before:
        both = view.pair(pos)
        if both:
            return both, "rule:developed_by_pair"
    if rx(r"在[^，。；在]{1,30}(?:期间|之际|前夕)$").search(lead):
        return [], ""  # 乙在甲大会期间举办的…论坛: held there by others, not by 乙
    if view.subject is not None and view.subject.label in _BUILDERS and view.subject.end <= pos:
        # A携手B，打造了X: the partner joined to the subject builds X too
        partner = next((m for m in view.mentions if m.start > view.subject.end), None)
        if (
            partner is not None
            and partner.end <= pos
            and partner.label in _FIRM_BUILDERS
            and _JOINT.match(text[view.subject.end : partner.start])
            and rx(r"^[，,\s]*(?:共同|一起|合作)?$").match(text[partner.end : clause_start])
        ):
            return [view.subject, partner], "rule:developed_by_subject"
        # 该公司与B携手，建成了X: B, joined to the carried subject, builds X too
        joined = [
            m
            for m in view.mentions
            if m.end <= pos
            and m.label in _FIRM_BUILDERS
            and text[m.start - 1 : m.start] in ("与", "和", "同")
            and rx(r"(?:携手|合作|联手|共同)").match(text, m.end)
        ]
        return [view.subject, *joined[:1]], "rule:developed_by_subject"
    return [], ""


def find(views: list[SentenceView]) -> list[Relation]:
    out: list[Relation] = []
    for view in views:
        if not view.mentions:
            continue  # every rule below relates names of this sentence
        text = view.sentence.text
        here = not view.labels.isdisjoint(_TARGETS)
        targets = [m for m in view.mentions if m.label in _TARGETS] if here else []
        # With no target named, only the based-on rule below may relate (its base named here);
        # every match of _ANAPHOR ends in 平台, 系统 or 大脑.
        if not targets and (
            view.labels.isdisjoint(_BASES)
            or not (view.holds(_ANAPHOR_GATE) and _ANAPHOR.search(text))
        ):
            continue
        # verb … X   and   X … 建设 (加快X建设)
        for verb in _BUILD.finditer(text) if targets else ():  # (what it governs is named here)
            v_start, v_end = view.start + verb.start(), view.start + verb.end()
            if view.text[v_start - 2 : v_start] == "引进":
                continue
            if view.in_name(v_start, v_end):
                continue
            # (what it governs starts after the verb: at the latest, the last target named here)
            governed = _targets_after(view, v_end) if targets[-1].start >= v_end else []
            if not governed:
                prior = [m for m in targets if m.end <= v_start]
                gap = view.text[prior[-1].end : v_start] if prior else "x"
                if prior and rx(r"[\s”’的]*(?:对外|正式|全面|成功|已|已经|顺利)*").fullmatch(gap):
                    governed = [prior[-1]]  # 加快…平台建设; “云帆”平台对外发布
                    builders, method = _builders_before(view, prior[-1].start)
                elif prior and rx(r"[\s”’]*(?:是|系)?由[^，。；]{1,30}?").fullmatch(gap):
                    governed = [prior[-1]]  # 甲平台由乙(和丙)开发: the passive, builders after 由
                    builders, method = _builders_before(view, v_start)
                else:
                    continue
            else:
                builders, method = _builders_before(view, v_start)
            for target, b in ((t, b) for t in governed for b in builders):
                if b.name == target.name or b.label == "Project":
                    continue
                if verb.group(0) in _PROGRAMME_ONLY and b.label != "City":
                    continue
                if (
                    method == "rule:developed_by_subject"
                    and b.label == "Platform"
                    and target.label == "Project"
                ):
                    continue
                conf = 0.85 if method in ("rule:developed_by_you", "rule:developed_by") else 0.65
                out.append(relation("DEVELOPED_BY", target, b, view, method, conf))
        if targets:  # (what is built is named here)
            out.extend(_is_built_by(view))
        # 以A为基础搭建 / 基于A建设: the platform being built is the sentence's topic.
        # (the base, a platform or company, is named here)
        based_on = not view.labels.isdisjoint(_BASES) and view.holds(_BASED_ON_GATE)
        for based in _BASED_ON.finditer(text) if based_on else ():
            b_start = view.start + based.start("base")
            b_end = view.start + based.end("base")
            bases = [
                m
                for m in view.mentions
                if b_start <= m.start and m.end <= b_end and m.label in _BASES
            ]
            if not bases:
                continue
            topic = _topic(view, b_start)
            if topic is None:
                continue
            base = bases[0]
            out.append(relation("DEVELOPED_BY", topic, base, view, "rule:developed_based_on", 0.75))
    return out


# 甲项目是乙公司…投资建设的…工程 / 甲平台是乙自主研发的: X is what the builder built.
_IS = re.compile(r"^\s*(?:是|系|为)$")
_BUILT_ATTRIBUTE = re.compile(
    r"^[^，。；]{0,30}?(?:投资建设|开发建设|建设|建成|研发|开发|打造|推出|承建|主办|举办)的"
)


_OWN_BUILT = re.compile(
    r"[”’」]?(?:平台|系统)?(?:是|系)[^，。；]{0,12}?(?:搭建|开发|打造|研发|推出)的"
)


def _is_built_by(view: SentenceView) -> list[Relation]:
    out = []
    for m in view.mentions:
        # 甲移动“乙”平台是专为…搭建的系统: what the owner in front built (T36, T16)
        if m.label == "Platform" and m.owner and _OWN_BUILT.match(view.text, m.end):
            owner = Mention(m.start, m.start, "Company", m.owner, m.owner, "owner")
            out.append(relation("DEVELOPED_BY", m, owner, view, "rule:developed_is_by", 0.75))
    for i, target in enumerate(view.mentions[:-1]):
        builder = view.mentions[i + 1]
        if target.label not in _TARGETS or builder.label not in _BUILDERS:
            continue
        if builder.label == "Project" or not _IS.match(view.text[target.end : builder.start]):
            continue
        if _BUILT_ATTRIBUTE.match(view.text[builder.end : view.end]):
            out.append(relation("DEVELOPED_BY", target, builder, view, "rule:developed_is_by", 0.8))
    return out


def _topic(view: SentenceView, pos: int) -> Mention | None:
    """The platform a sentence is about: a platform before `pos` in this sentence, or, when
    the sentence says 这个…平台, the last platform of the previous sentence."""
    here = [m for m in view.mentions if m.end <= pos and m.label == "Platform"]
    if here:
        return here[0]
    if _ANAPHOR.search(view.text[view.start : pos]) and view.prev is not None:
        prev = [m for m in view.prev.mentions if m.label == "Platform"]
        return prev[-1] if prev else None
    return None
