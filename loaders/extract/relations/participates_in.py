"""PARTICIPATES_IN: Company/Agency/Platform → Project.

参与/承建/参建/承担 X; a company's own named project or facility (海尔智家位于…的中德冰箱互联工厂,
R4). Signing parties of a launched project are handled with SIGNED_WITH."""

from __future__ import annotations

from graph.model import SCHEMA, Relation
from loaders.extract.relations.base import EXHORTATION, SentenceView, relation, rx

_ACTORS = SCHEMA["PARTICIPATES_IN"].heads
_PROJECTS = frozenset({"Project"})
# Taking part (T39): joining, winning a bid, entering a list, receiving a programme's support.
_TAKES_PART = (
    r"参与|参加|承建|参建|承担|牵头建设|牵头实施|中标|入选|入围|上榜|榜上有名|加入|援建|"
    r"负责(?:运营|建设|实施|承建)|获得[^，。；]{0,12}?(?:支持|资助)|成为[^，。；]{0,12}?(?:首批|第一批)"
)


def find(views: list[SentenceView]) -> list[Relation]:
    out: list[Relation] = []
    for view in views:
        text = view.sentence.text
        for verb in rx(_TAKES_PART).finditer(text):
            if EXHORTATION.search(text[: verb.start()]):
                continue  # 要鼓励甲参与…: advice, not a report (G1)
            pos = view.start + verb.start()
            actors = view.actors_before(pos, _ACTORS)
            projects = view.group_in_clause_after(view.start + verb.end(), _PROJECTS)
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
