"""Choosing the subgraph of an export: around a name, what a report's rows name, or what a
read-only query returns; then filtered by label, type and date, with the evidence of every
relationship on it."""

from __future__ import annotations

from typing import Any

import cypher
from graph.errors import UsageError
from graph.export import subgraph as sg
from graph.model import ARTICLE_LABEL, ENTITY_LABELS, MENTIONS, RELATION_TYPES
from graph.neo4j import Graph, QueryResult


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


def _from_result(graph: Graph, result: QueryResult) -> sg.Subgraph:
    """The subgraph a result names: its nodes, relationships and paths, plus the entities whose
    exact name appears in a cell, and every relationship among all of those."""
    ids = {n["id"] for n in result.nodes}
    named = graph.find_entities(sorted(_string_cells(result.rows)))
    ids |= {n["id"] for n in named}
    if not ids:
        raise UsageError("the result names no node or entity: nothing to export")
    nodes, rels = graph.fetch_induced(sorted(ids))
    return sg.from_rows(nodes, rels + result.relationships)


def choose_subgraph(
    graph: Graph,
    *,
    around: str | None = None,
    hops: int = 1,
    report: str | None = None,
    params: dict[str, Any] | None = None,
    query: str | None = None,
    labels: list[str] | None = None,
    types: list[str] | None = None,
    since: str | None = None,
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
        nodes, rels = graph.fetch_around(around, hops, walk_types, walk_labels)
        sub = sg.from_rows(nodes, rels)
    elif report:
        result = graph.run_report(cypher.get_report(report), params or {})
        sub = _from_result(graph, result)
    else:
        result = graph.run_query_readonly(query or "", params or {})
        sub = _from_result(graph, result)
    if sg.EVIDENCE_LABEL in (labels or []) or sg.HAS_EVIDENCE in (types or []):
        sub = sg.merge(sub, _evidence_nodes(graph, sub))
    sub = sg.filter_subgraph(sub, labels=labels, types=types, since=since)
    # Every exported relationship carries its evidence as lists, gathered in one query.
    return sg.with_evidence(sub, graph.fetch_evidence(sg.relationship_keys(sub)))


def _evidence_nodes(graph: Graph, sub: sg.Subgraph) -> sg.Subgraph:
    """The Evidence nodes of the subgraph's relationships, with their articles and HAS_EVIDENCE
    (for an export that asks for Evidence with --labels or --types)."""
    keys = sg.relationship_keys(sub)
    if not keys:
        return sg.Subgraph()
    return sg.from_rows(*graph.fetch_evidence_nodes(keys))
