"""The company an article is about (subsidiary_of and works_for read it)."""

from __future__ import annotations

from loaders.extract.entities import Mention
from loaders.extract.relations.base import ArticleViews


def principal_company(views: ArticleViews) -> Mention | None:
    """The company an article is about: the one named most often, at least twice."""
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for m in views.labelled("Company"):
        counts[m.name] = counts.get(m.name, 0) + 1
        first.setdefault(m.name, m)
    if not counts:
        return None
    name = max(counts, key=lambda n: counts[n])
    tied = [n for n in counts if counts[n] == counts[name]]
    return first[name] if counts[name] >= 2 and len(tied) == 1 else None
