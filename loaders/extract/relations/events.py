"""Named events, and events named again by their kind alone (此次推介会由甲、乙联合举办): the
organisers of the article's one event of that kind develop it (T18), and co-organisers that hold
it jointly are partners (T24)."""

from __future__ import annotations

import re
from itertools import pairwise

from graph.model import SCHEMA, Relation
from loaders.extract.entities import Mention
from loaders.extract.relations.base import ArticleViews, SentenceView, relation

EVENT_WORD = re.compile(
    r"(?:大会|论坛|峰会|博览会|展会|会议|大赛|年会|发布会|开幕式|交易会|洽谈会|推介会|推进会|"
    r"嘉年华|锦标赛|比赛)$"
)
# The kind words an event is named again by alone (此次推介会, 在大会上).
EVENT_KINDS = "大会|论坛|峰会|博览会|推介会|发布会|年会|洽谈会|交易会|推进会"
# 此次推介会由甲、乙与丙联合举办
_HOSTED_BY_KIND = re.compile(
    f"(?:本次|此次|这次|本届|此届|该)(?P<kind>{EVENT_KINDS})由(?P<hosts>[^，。；]{{2,60}}?)"
    r"(?P<joint>联合|共同)?(?:主办|举办|承办)"
)
_HOSTS = SCHEMA["DEVELOPED_BY"].tails - {"Project", "Platform"}


def named_events(views: ArticleViews) -> dict[str, Mention]:
    """Kind word → the article's one named event of that kind (none where several are)."""
    by_kind: dict[str, set[str]] = {}
    mentions: dict[str, Mention] = {}
    for m in views.labelled("Project"):
        kind = EVENT_WORD.search(m.name)
        if kind is not None:
            by_kind.setdefault(kind.group(0), set()).add(m.name)
            mentions[m.name] = m
    return {k: mentions[next(iter(names))] for k, names in by_kind.items() if len(names) == 1}


def find(views: ArticleViews) -> list[Relation]:
    out: list[Relation] = []
    named: dict[str, Mention] | None = None
    for view in views:
        if "由" not in view.sentence.text:
            continue  # (every match of _HOSTED_BY_KIND holds 由: a cheap test first)
        for m in _HOSTED_BY_KIND.finditer(view.sentence.text):
            named = views.once(named_events) if named is None else named
            event = named.get(m.group("kind"))
            if event is None:
                continue
            start, end = view.start + m.start("hosts"), view.start + m.end("hosts")
            hosts = [h for h in view.mentions if start <= h.start and h.end <= end]
            hosts = [h for h in hosts if h.label in _HOSTS]
            for host in hosts:
                out.append(relation("DEVELOPED_BY", event, host, view, "rule:hosted_by", 0.8))
            for a, b in _joint_pairs(view, hosts) if m.group("joint") else ():
                out.append(relation("PARTNERS_WITH", a, b, view, "rule:hosted_jointly", 0.75))
    return out


def _joint_pairs(view: SentenceView, hosts: list[Mention]) -> list[tuple[Mention, Mention]]:
    """甲、乙与丙联合举办: each host before 与 with each after it (T9's reading); without 与,
    every pair."""
    gaps = [view.text[a.end : b.start] for a, b in pairwise(hosts)]
    joint = next((i + 1 for i, gap in enumerate(gaps) if gap in ("与", "和", "同")), None)
    if joint is None:
        return [(a, b) for i, a in enumerate(hosts) for b in hosts[i + 1 :]]
    return [(a, b) for a in hosts[:joint] for b in hosts[joint:]]
