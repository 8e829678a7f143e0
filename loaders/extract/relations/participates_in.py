"""PARTICIPATES_IN: Company/Agency/Platform → Project.

参与/承建/参建/承担 X; a company's own named project or facility (海尔智家位于…的中德冰箱互联工厂,
R4). Signing parties of a launched project are handled with SIGNED_WITH."""

from __future__ import annotations

from graph.model import SCHEMA, Relation
from loaders.extract.relations.base import SentenceView, relation, rx

_ACTORS = SCHEMA["PARTICIPATES_IN"].heads


def find(views: list[SentenceView]) -> list[Relation]:
    out: list[Relation] = []
    for view in views:
        text = view.sentence.text
        for verb in rx(r"参与|承建|参建|承担|牵头建设|牵头实施").finditer(text):
            pos = view.start + verb.start()
            actors = view.group_ending_at(pos, _ACTORS)
            if not actors and view.subject is not None and view.subject.label in _ACTORS:
                actors = [view.subject]
            projects = view.group_starting_at(
                view.start + verb.end(), frozenset({"Project"}), gap=r"^[\s了的“]*$"
            )
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
