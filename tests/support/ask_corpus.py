"""The corpus `iikg ask` is tested on: the store corpus (support.store_corpus) and one more
invented article, about a national ministry written short (工信部), a city written without 市
(洛阳) and a firm with its chairman, so every kind of question has something to name.
Written by hand for the tests."""

from __future__ import annotations

from graph.ask.entities import Candidate
from graph.model import Entity, Extraction
from support.store_corpus import _article, _rel, corpus

MIIT = ("Agency", "工业和信息化部")
PLAN = ("Policy", "工业互联网创新发展行动计划")
XINGYUN = ("Company", "星云科技")
LUOYANG = ("City", "洛阳市")
LI = ("Person", "李明远")
CLOUD = ("Platform", "星云工业云")
BEARING = ("Company", "洛阳精密轴承")
LUOYANG_GOV = ("Agency", "洛阳市人民政府")

V1 = "工信部印发《工业互联网创新发展行动计划》。"
V2 = "洛阳的星云科技董事长李明远介绍，星云科技开发的星云工业云赋能洛阳精密轴承。"
V3 = "星云科技与洛阳市人民政府签署战略合作协议。"
TEXT = V1 + V2 + V3


def luoyang() -> Extraction:
    article = _article("art-luoyang", "corpus/luoyang.txt", "2026-11-20", "洛阳星云", TEXT)
    o2, o3 = len(V1), len(V1) + len(V2)
    return Extraction(
        article,
        (
            Entity(*MIIT, aliases=("工信部",), mentions=1),
            Entity(*PLAN, mentions=1),
            Entity(*XINGYUN, mentions=3),
            Entity(*LUOYANG, aliases=("洛阳",), mentions=2, properties={"level": "city"}),
            Entity(*LI, mentions=1),
            Entity(*CLOUD, mentions=1),
            Entity(*BEARING, mentions=1),
            Entity(*LUOYANG_GOV, mentions=1),
        ),
        (
            _rel("ISSUED_BY", PLAN, MIIT, V1, 0),
            _rel("LOCATED_IN", XINGYUN, LUOYANG, V2, o2),
            _rel("WORKS_FOR", LI, XINGYUN, V2, o2, title="董事长"),
            _rel("DEVELOPED_BY", CLOUD, XINGYUN, V2, o2),
            _rel("EMPOWERS", CLOUD, BEARING, V2, o2),
            _rel("SIGNED_WITH", LUOYANG_GOV, XINGYUN, V3, o3),
            _rel("LOCATED_IN", LUOYANG_GOV, LUOYANG, V3, o3),
        ),
    )


def ask_corpus() -> list[Extraction]:
    return [*corpus(), luoyang()]


def lexicon_entities() -> list[Candidate]:
    """The entities of the corpus as a graph holds them: one per (label, name), the aliases of
    every article merged, mentions added up."""
    merged: dict[tuple[str, str], tuple[set[str], int]] = {}
    for extraction in ask_corpus():
        for ent in extraction.entities:
            aliases, count = merged.get((ent.label, ent.name), (set(), 0))
            merged[(ent.label, ent.name)] = (aliases | set(ent.aliases), count + ent.mentions)
        for rel in extraction.relations:
            for end in ((rel.head_label, rel.head), (rel.tail_label, rel.tail)):
                merged.setdefault(end, (set(), 1))
    return [Candidate(name, label, tuple(sorted(aliases - {name})), count)
            for (label, name), (aliases, count) in sorted(merged.items())]
