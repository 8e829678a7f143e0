"""The library behind `iikg reports`, `iikg report`, `iikg query` and `iikg export`: parameter
parsing, report listings, and choosing the subgraph to export. The CLI only parses and prints.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import cypher
from graph import store
from graph import subgraph as sg
from graph.errors import UsageError
from graph.model import ARTICLE_LABEL, ENTITY_LABELS, MENTIONS, RELATION_TYPES


def parse_params(items: Iterable[str], *, json_values: bool = False) -> dict[str, Any]:
    """`key=value` strings → dict. With json_values, values that parse as JSON (numbers, true,
    lists...) are used as such (for ad-hoc queries); report values stay strings and are typed by
    the report's header."""
    params: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UsageError(f"parameter {item!r} is not key=value")
        if key in params:
            raise UsageError(f"parameter {key!r} is given twice")
        if json_values:
            try:
                params[key] = json.loads(value)
            except ValueError:
                params[key] = value
        else:
            params[key] = value
    return params


def describe_reports() -> str:
    """Every report with its descriptions and parameters, for `iikg reports`."""
    blocks = []
    for report in cypher.reports().values():
        lines = [f"{report.name}", f"    {report.description_zh}", f"    {report.description_en}"]
        for p in report.params:
            default = "required" if p.required else f"default {p.default!r}"
            if not p.required and p.default is None:
                default = "optional"
            lines.append(f"    -p {p.name}=<{p.type}>  ({default})  {p.description}")
        lines.append(f"    columns: {', '.join(report.columns)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def split_names(values: Iterable[str], allowed: Iterable[str], what: str) -> list[str] | None:
    """Comma-separated or repeated option values, checked against a whitelist."""
    allowed = list(allowed)
    names = [v.strip() for value in values for v in value.split(",") if v.strip()]
    for name in names:
        if name not in allowed:
            raise UsageError(f"unknown {what} {name!r}; choose from {', '.join(allowed)}")
    return names or None


def _string_cells(rows: list[list[Any]]) -> set[str]:
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for row in rows:
        for value in row:
            walk(value)
    return found


def _from_result(driver: Any, result: store.QueryResult, database: str | None) -> sg.Subgraph:
    """The subgraph a result names: its nodes, relationships and paths, plus the entities whose
    exact name appears in a cell, and every relationship among all of those."""
    ids = {n["id"] for n in result.nodes}
    named = store.find_entities(driver, sorted(_string_cells(result.rows)), database)
    ids |= {n["id"] for n in named}
    if not ids:
        raise UsageError("the result names no node or entity: nothing to export")
    nodes, rels = store.fetch_induced(driver, sorted(ids), database)
    return sg.from_rows(nodes, rels + result.relationships)


def choose_subgraph(
    driver: Any,
    *,
    around: str | None = None,
    hops: int = 1,
    report: str | None = None,
    params: dict[str, Any] | None = None,
    query: str | None = None,
    labels: list[str] | None = None,
    types: list[str] | None = None,
    since: str | None = None,
    database: str | None = None,
) -> sg.Subgraph:
    """The subgraph for `iikg export`: exactly one of `around` (entities within `hops` of a
    name or alias), `report` (what a report's rows name) or `query` (what a read-only query
    returns or names), then filtered by labels, relationship types and date."""
    chosen = [x for x in (around, report, query) if x]
    if len(chosen) != 1:
        raise UsageError("choose exactly one of --around NAME, --report NAME or --query CYPHER")
    if since is not None:
        since = cypher.Param("since", "date", False, None).convert(since)
    if around:
        if not 0 <= hops <= 6:
            raise UsageError("--hops must be between 0 and 6")
        # Evidence hangs off articles, never between entities: it is added below, not walked.
        walk_labels = [x for x in labels or [] if x != sg.EVIDENCE_LABEL] or list(ENTITY_LABELS)
        walk_types = [t for t in (types or RELATION_TYPES) if t not in (MENTIONS, sg.HAS_EVIDENCE)]
        if ARTICLE_LABEL in walk_labels or (types and MENTIONS in types):
            walk_types.append(MENTIONS)
        nodes, rels = store.fetch_around(driver, around, hops, walk_types, walk_labels, database)
        sub = sg.from_rows(nodes, rels)
    elif report:
        result = store.run_report(driver, cypher.get_report(report), params or {}, database)
        sub = _from_result(driver, result, database)
    else:
        result = store.run_query_readonly(driver, query or "", params or {}, database)
        sub = _from_result(driver, result, database)
    if sg.EVIDENCE_LABEL in (labels or []) or sg.HAS_EVIDENCE in (types or []):
        sub = sg.merge(sub, _evidence_nodes(driver, sub, database))
    sub = sg.filter_subgraph(sub, labels=labels, types=types, since=since)
    # Every exported relationship carries its evidence as lists, gathered in one query.
    return sg.with_evidence(sub, store.fetch_evidence(driver, sg.relationship_keys(sub), database))


_EVIDENCE_NODES = (
    "UNWIND $keys AS key "
    "MATCH (a:Article)-[h:HAS_EVIDENCE]->(ev:Evidence {rel: key}) RETURN a, h, ev"
)


def _evidence_nodes(driver: Any, sub: sg.Subgraph, database: str | None) -> sg.Subgraph:
    """The Evidence nodes of the subgraph's relationships, with their articles and HAS_EVIDENCE
    (for an export that asks for Evidence with --labels or --types)."""
    keys = sg.relationship_keys(sub)
    if not keys:
        return sg.Subgraph()
    result = store.run_query_readonly(driver, _EVIDENCE_NODES, {"keys": keys}, database)
    return sg.from_rows(result.nodes, result.relationships)
