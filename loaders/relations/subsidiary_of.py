"""SUBSIDIARY_OF: Company/Platform → Company.

An owner prefix (海尔卡奥斯, R9); 旗下 / 子公司; a platform and its known owner named in the same
sentence (海尔集团介绍了卡奥斯…); a company whose name opens with the name of a 集团 in the same
article (万达宝通 → 万达集团)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from graph.model import Relation
from loaders.entities import Mention
from loaders.relations.base import SentenceView, relation


@lru_cache(maxsize=1)
def _gaz() -> Any:
    from loaders.gazetteer import load_gazetteer

    return load_gazetteer()


def _known_owner(m: Mention) -> str | None:
    for entry in _gaz().lookup(m.name):
        if entry.label == m.label and entry.parent:
            return entry.parent
    return None


def find(views: list[SentenceView]) -> list[Relation]:
    out: list[Relation] = []
    groups: dict[str, Mention] = {}
    for view in views:
        for m in view.mentions:
            if m.label == "Company" and m.name.endswith("集团") and len(m.name) >= 4:
                groups.setdefault(m.name[:-2], m)
    seen_prefix: set[str] = set()
    for view in views:
        text = view.sentence.text
        for m in view.mentions:
            if m.label not in ("Company", "Platform"):
                continue
            if m.owner and m.name not in seen_prefix:
                seen_prefix.add(m.name)
                owner = Mention(m.start, m.start, "Company", m.owner, m.owner, "owner")
                out.append(relation("SUBSIDIARY_OF", m, owner, view, "rule:owner_prefix", 0.9))
            known = _known_owner(m)
            if known:
                for o in view.mentions:
                    if o.label == "Company" and o.name == known:
                        out.append(relation("SUBSIDIARY_OF", m, o, view, "rule:known_owner", 0.8))
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
        for kw in re.finditer(r"旗下|子公司|控股子公司|全资子公司", text):
            pos = view.start + kw.start()
            parents = [m for m in view.mentions if m.end <= pos and m.label == "Company"]
            children = [
                m
                for m in view.mentions
                if m.start >= pos + len(kw.group(0)) and m.label in ("Company", "Platform")
            ]
            if parents and children and re.fullmatch(r"[\s的]*", view.text[parents[-1].end : pos]):
                out.append(
                    relation(
                        "SUBSIDIARY_OF", children[0], parents[-1], view, "rule:subsidiary_kw", 0.85
                    )
                )
    return out
