"""The library behind `iikg remove` and `iikg changes`: which articles a removal names, and
the window of a change listing.

`remove` takes article ids and paths as given to `iikg ingest` (a file, a directory, a JSON
Lines or JSON file); a path that exists is also tried in its other spellings (relative to the
working directory, absolute), since the graph stores the path the ingest was given.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import cypher
from graph import moments
from graph.errors import UsageError
from graph.neo4j import Graph
from graph.neo4j.retract import Removal
from graph.neo4j.values import QueryResult

BY = ("ingested", "published")


def spellings(item: str) -> list[str]:
    """An id or path argument and, for an existing path, its normalized, absolute and
    working-directory-relative forms (no trailing slash)."""
    forms = [item.rstrip("/") or item]
    path = Path(item)
    if path.exists():
        absolute = path.resolve()
        forms += [os.path.normpath(item), str(absolute)]
        with contextlib.suppress(ValueError):  # another drive (Windows)
            forms.append(os.path.relpath(absolute))
    return list(dict.fromkeys(forms))


def select(graph: Graph, items: Iterable[str], *, source: str | None = None,
           before: str | None = None) -> list[dict[str, Any]]:
    """The articles named by ids or paths (all, when none is given), narrowed by source and by
    a publication date before `before`. Refuses an empty selection of criteria, and a
    selection that finds nothing."""
    items = list(items)
    if not items and source is None and before is None:
        raise UsageError("name the articles to remove: PATH or ID arguments, --source or --before")
    if before is not None:
        before = moments.moment(before, "--before")
    keys = sorted({form for item in items for form in spellings(item)}) if items else None
    articles = graph.select_articles(keys, source, before)
    if not articles:
        raise UsageError("no article in the graph matches "
                         + (", ".join(repr(i) for i in items) or "the given --source/--before")
                         + ("" if source is None else f" with source {source!r}")
                         + ("" if before is None else f" dated before {before}"))
    return articles


def remove(graph: Graph, items: Iterable[str], *, source: str | None = None,
           before: str | None = None, dry_run: bool = False) -> Removal:
    """Remove the selected articles with their evidence and mentions (graph.neo4j.retract)."""
    articles = select(graph, items, source=source, before=before)
    removal = graph.remove_articles(articles, dry_run=dry_run)
    if not dry_run and articles:
        # originals may have gone and touched relationships lost their count: recount them
        graph.refresh_sources()
    return removal


def changes(graph: Graph, since: str, *, until: str | None = None, by: str = "ingested",
            label: str | None = None, rtype: str | None = None,
            limit: int | None = None) -> QueryResult:
    """The whats-new report over a window: new entities, new relationships, relationships with
    more evidence."""
    if by not in BY:
        raise UsageError(f"--by {by!r}: choose ingested or published")
    params: dict[str, Any] = {"since": moments.moment(since, "--since"), "by": by,
                              "label": label, "type": rtype}
    if until is not None:
        params["until"] = moments.moment(until, "--until")
    if limit is not None:
        params["limit"] = limit
    return graph.run_report(cypher.get_report("whats-new"), params)
