"""PARTICIPATES_IN: Company/Agency/Organization/Platform → Project.

参与/承建/参建/承担/中标/入选 … X; acting at a named event; a company's own named project or
facility (海尔智家位于…的中德冰箱互联工厂). Signing parties of a launched project are handled with
SIGNED_WITH."""

from __future__ import annotations

import re

from graph.model import SCHEMA, Relation
from loaders.extract.entities import TITLE_ALT, Mention
from loaders.extract.relations.base import (
    ADVERB_GAP,
    EXHORTATION,
    ArticleViews,
    SentenceView,
    relation,
    rx,
)
from loaders.extract.relations.events import EVENT_KINDS, EVENT_WORD, named_events

_ACTORS = SCHEMA["PARTICIPATES_IN"].heads
_PROJECTS = frozenset({"Project"})
# Taking part (T39): joining, winning a bid, entering a list, receiving a programme's support.
_TAKES_PART = (
    r"参与|参加|承建|参建|承担|牵头建设|牵头实施|中标|入选|入围|上榜|榜上有名|加入|援建|"
    r"负责(?:运营|建设|实施|承建)|获得[^，。；]{0,20}?(?:支持|资助)|成为[^，。；]{0,12}?(?:首批|第一批)"
)


_ENTERS_LIST = re.compile(r"入选|入围|上榜|榜上有名")
_LIST = re.compile(r"(?:名单|榜单|目录)$")


# 在甲大会上 / 在甲论坛期间: an organisation acting at a named event takes part (T40).
_AFTER_EVENT = re.compile(r"^[”」》]?(?:上|期间|现场)")
_TITLE_GAP = re.compile(f"^(?:[（(][^（）()]{{1,12}}[)）])?[^，。；]{{0,12}}?(?:{TITLE_ALT})$")


# 在甲峰会期间举办的乙论坛上: the forum is where one acts (T43)
_HELD_DURING = re.compile(r"^[”」》]?(?:期间|之际)(?:举办|举行|召开)的[“「]?$")
# 在甲大会上，乙发布了…: an organisation acting at the event after the comma (T40)
_ACTS_THERE = re.compile(
    r"^[^，。；]{0,20}?(?:发布|推出|荣获|获得|摘得|斩获|签约|签署|展示|亮相|汇报|介绍|发表)"
)


def _event_at(view: SentenceView, pos: int) -> Mention | None:
    """The named event a 在 at `pos` opens (在甲大会上, 在甲论坛期间)."""
    events = [
        e
        for e in view.mentions
        if e.label == "Project"
        and pos < e.start <= pos + 40
        and EVENT_WORD.search(e.name)
        and not rx(r"[，。；]").search(view.text[pos : e.start])
    ]
    for i, e in enumerate(events):
        if e.start > pos + 12 and i == 0:
            return None
        later = events[i + 1] if i + 1 < len(events) else None
        if later is not None and _HELD_DURING.match(view.text[e.end : later.start]):
            continue
        if _AFTER_EVENT.match(view.text[e.end : e.end + 3]):
            return e
        return None
    return None


# 在(本次)推介会上: the article's one event of that kind, named in full elsewhere
_EVENT_BY_KIND = re.compile(
    f"在(?:本次|此次|该|这次|本届|此届)?(?P<kind>{EVENT_KINDS}|开幕式)(?:上|期间|现场)"
)


def _at_event(view: SentenceView, named: dict[str, Mention]) -> list[Relation]:
    out = []
    for m in rx("在").finditer(view.sentence.text):
        pos = view.start + m.start()
        event = _event_at(view, pos)
        if event is None:
            kind = _EVENT_BY_KIND.match(view.text, pos)
            event = named.get(kind.group("kind")) if kind else None
        if event is None:
            continue
        events = [event]
        actors = view.group_ending_at(pos, _ACTORS)
        if not actors:  # 甲公司周二（19日）在乙大会上: a time between the actor and 在
            before = [m for m in view.mentions if m.end <= pos]
            if before and before[-1].label in _ACTORS and ADVERB_GAP.match(
                view.text[before[-1].end : pos]
            ):
                actors = before[-1:]
        after = rx(r"[”」》]?(?:上|期间|现场)[，,]\s*").match(view.text, event.end)
        clause_start, _ = view.clause_of(pos)
        if not actors and after is not None and clause_start == pos:
            actors = view.group_starting_at(after.end(), _ACTORS, gap=r"^\s*$")
            if actors and not _ACTS_THERE.match(view.text[actors[-1].end : view.end]):
                actors = []
        if not actors:
            person = next(
                (p for p in reversed(view.mentions) if p.end <= pos and p.label == "Person"), None
            )
            if person is not None and ADVERB_GAP.match(view.text[person.end : pos]):
                # 甲研究院总工程师乙在…大会上: the speaker's organisation takes part
                orgs = [o for o in view.mentions if o.end <= person.start and o.label in _ACTORS]
                if orgs and _TITLE_GAP.match(view.text[orgs[-1].end : person.start]):
                    actors = [orgs[-1]]
        for actor in actors:
            out.append(relation("PARTICIPATES_IN", actor, events[-1], view, "rule:at_event", 0.7))
    return out


# 甲是乙项目的总承包方: the party a project names by its role in it (T39).
_ROLE_IN_PROJECT = re.compile(
    r"的(?:总承包方|总承包单位|承建方|承建单位|中标方|中标单位|参建单位|运营方)"
)


def _role_in(view: SentenceView) -> list[Relation]:
    out = []
    for i, project in enumerate(view.mentions):
        if project.label != "Project" or i == 0:
            continue
        actor = view.mentions[i - 1]
        before = view.text[actor.end : project.start]
        if actor.label not in _ACTORS or not rx(r"^(?:是|为|系|作为)$").match(before):
            continue
        if _ROLE_IN_PROJECT.match(view.text[project.end : project.end + 8]):
            out.append(relation("PARTICIPATES_IN", actor, project, view, "rule:participates", 0.8))
    return out


def find(views: ArticleViews) -> list[Relation]:
    out: list[Relation] = []
    named = views.once(named_events)
    for view in views:
        # events are named here, or in the article; who acts at one is named here; 在 written
        if (
            (named or "Project" in view.labels)
            and not view.labels.isdisjoint(_ACTORS)
            and "在" in view.sentence.text
        ):
            out.extend(_at_event(view, named))
        if "Project" in view.labels:  # (the project is named here)
            out.extend(_role_in(view))
        if "Project" not in view.labels:
            continue  # every rule below takes its project from this sentence's names
        text = view.sentence.text
        for verb in rx(_TAKES_PART).finditer(text):
            if view.in_name(view.start + verb.start(), view.start + verb.end()):
                continue
            if EXHORTATION.search(text[: verb.start()]):
                continue  # 要鼓励甲参与…: advice, not a report (G1)
            pos = view.start + verb.start()
            actors = view.actors_before(pos, _ACTORS)
            projects = view.group_in_clause_after(view.start + verb.end(), _PROJECTS)
            if verb.group(0).startswith("获得"):  # 获得甲计划…支持: the programme lies inside
                projects = [
                    p
                    for p in view.mentions
                    if p.label == "Project" and pos < p.start and p.end <= view.start + verb.end()
                ]
            if not projects and actors and _ENTERS_LIST.fullmatch(verb.group(0)):
                # 甲公布…名单，乙入选: the list named before the one who enters it
                lists = [
                    p
                    for p in view.mentions
                    if p.label == "Project" and p.end <= actors[0].start and _LIST.search(p.name)
                ]
                projects = lists[-1:]
            for a in actors:
                for p in projects:
                    out.append(relation("PARTICIPATES_IN", a, p, view, "rule:participates", 0.8))
        # A company's own facility: 海尔智家位于西海岸新区的中德冰箱互联工厂 / X的Y工厂.
        for i, m in enumerate(view.mentions[:-1]):
            if m.label != "Company":
                continue
            nxt = view.mentions[i + 1]
            if nxt.label == "City":
                if i + 2 >= len(view.mentions):
                    continue
                gap = view.text[m.end : nxt.start]
                after = view.mentions[i + 2]
                if (
                    gap == "位于"
                    and after.label == "Project"
                    and view.text[nxt.end : after.start] == "的"
                ):
                    out.append(
                        relation("PARTICIPATES_IN", m, after, view, "rule:owned_facility", 0.7)
                    )
            elif nxt.label == "Project" and view.text[m.end : nxt.start] == "的":
                out.append(relation("PARTICIPATES_IN", m, nxt, view, "rule:owned_facility", 0.65))
    return out
