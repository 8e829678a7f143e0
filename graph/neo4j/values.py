"""Driver values → plain Python: rows, and the nodes and relationships a result holds (for
exports). Only graph.neo4j uses these; callers see the plain values."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j.exceptions import Neo4jError

import cypher

_SCALARS = (str, int, float, bool, bytes)


def plain(value: Any) -> Any:
    """Driver values → plain Python: graph values become dicts, temporals ISO strings."""
    if value is None or isinstance(value, _SCALARS):  # most values: checked first, it is cheap
        return value
    if isinstance(value, neo4j.graph.Node):
        return {"labels": sorted(value.labels), "properties": dict(value.items())}
    if isinstance(value, neo4j.graph.Relationship):
        return {
            "type": value.type,
            "start": value.start_node.get("name") if value.start_node else None,
            "end": value.end_node.get("name") if value.end_node else None,
            "properties": dict(value.items()),
        }
    if isinstance(value, neo4j.graph.Path):
        return {
            "nodes": [plain(n) for n in value.nodes],
            "relationships": [plain(r) for r in value.relationships],
        }
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]
    nodes: list[dict[str, Any]] = field(default_factory=list)  # graph values, for export
    relationships: list[dict[str, Any]] = field(default_factory=list)


def _collect(value: Any, nodes: dict[str, Any], rels: dict[str, Any]) -> None:
    if value is None or isinstance(value, _SCALARS):
        return
    if isinstance(value, neo4j.graph.Node):
        nodes[value.element_id] = value
    elif isinstance(value, neo4j.graph.Relationship):
        rels[value.element_id] = value
    elif isinstance(value, neo4j.graph.Path):
        for n in value.nodes:
            nodes[n.element_id] = n
        for r in value.relationships:
            rels[r.element_id] = r
    elif isinstance(value, list):
        for v in value:
            _collect(v, nodes, rels)
    elif isinstance(value, dict):
        for v in value.values():
            _collect(v, nodes, rels)


def _node_row(node: neo4j.graph.Node) -> dict[str, Any]:
    return {"id": node.element_id, "labels": sorted(node.labels), "properties": dict(node.items())}


def _rel_row(rel: neo4j.graph.Relationship) -> dict[str, Any]:
    return {
        "id": rel.element_id,
        "type": rel.type,
        "start": rel.start_node.element_id,
        "end": rel.end_node.element_id,
        "properties": dict(rel.items()),
    }


def read_tx(tx: neo4j.ManagedTransaction, query: str, params: dict[str, Any]) -> QueryResult:
    result = tx.run(query, params)
    columns = list(result.keys())
    nodes: dict[str, Any] = {}
    rels: dict[str, Any] = {}
    rows = []
    for record in result:
        values = list(record.values())
        for value in values:
            _collect(value, nodes, rels)
        rows.append([plain(v) for v in values])
    # Relationship ends not returned as nodes themselves are fetched, so exports keep them.
    missing = sorted(
        {e for r in rels.values() for e in (r.start_node.element_id, r.end_node.element_id)}
        - set(nodes)
    )
    if missing:
        for rec in tx.run(cypher.read_query("nodes-by-id"), ids=missing):
            nodes[rec["n"].element_id] = rec["n"]
    return QueryResult(
        columns,
        rows,
        [_node_row(n) for n in nodes.values()],
        [_rel_row(r) for r in rels.values()],
    )


def explain(exc: Neo4jError) -> str:
    return f"{exc.code}: {exc.message}" if getattr(exc, "message", None) else str(exc)


