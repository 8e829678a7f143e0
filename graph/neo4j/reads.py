"""Reading the graph: counts, reports, read-only queries, and the subgraphs exports are made of.
Every query is in cypher/ (reports/ and read/); results come back as plain values."""

from __future__ import annotations

from typing import Any

import neo4j
from neo4j.exceptions import Neo4jError

import cypher
from graph.errors import ReadOnlyViolation, StoreError
from graph.incremental import Holders, Known
from graph.model import (
    ARTICLE_LABEL,
    DUPLICATE_OF,
    ENTITY_LABELS,
    EVIDENCE_LABEL,
    HAS_EVIDENCE,
    MENTIONS,
    RELATION_TYPES,
    check_label,
    check_relation_type,
)
from graph.neo4j import guard
from graph.neo4j.article_state import fetch_state
from graph.neo4j.base import GraphBase
from graph.neo4j.values import QueryResult, explain, read_tx


def _stats_tx(tx: neo4j.ManagedTransaction) -> dict[str, Any]:
    labels = {}
    for label in (*ENTITY_LABELS, ARTICLE_LABEL, EVIDENCE_LABEL):
        labels[label] = tx.run(cypher.query("read", "count-label", LABEL=label)).single()["n"]
    types = {}
    for rtype in (*RELATION_TYPES, MENTIONS, HAS_EVIDENCE, DUPLICATE_OF):
        types[rtype] = tx.run(cypher.query("read", "count-type", TYPE=rtype)).single()["n"]
    totals = tx.run(cypher.read_query("totals")).single()
    return {
        "nodes": totals["nodes"],
        "relationships": totals["relationships"],
        "evidence": totals["evidence"],
        "labels": labels,
        "types": types,
    }


def _guarded_read_tx(tx: neo4j.ManagedTransaction, query: str,
                     params: dict[str, Any]) -> QueryResult:
    """Plan the query first and refuse anything but a read of the graph (graph.neo4j.guard);
    then run it in the same read transaction."""
    try:
        summary = tx.run(guard.planned(query), params).consume()
    except neo4j.exceptions.ClientError as exc:
        if exc.code in guard.ADMIN_CODES:
            raise guard.refuse("an administration command (it needs the system database)") from exc
        raise
    reason = guard.refusal(summary.query_type, summary.plan)
    if reason:
        raise guard.refuse(reason)
    return read_tx(tx, query, params)


def _graph_tx(tx: neo4j.ManagedTransaction, name: str, **params: Any) -> QueryResult:
    return read_tx(tx, cypher.read_query(name), params)


class ReadOps(GraphBase):
    def article_state(
        self, ids: list[str], paths: list[str | None]
    ) -> tuple[dict[str, Known], Holders]:
        """The stored Articles with one of `ids` or holding one of `paths`, and who holds each
        path (graph.incremental), read before extraction."""
        try:
            with self.session(read=True) as session:
                return session.execute_read(fetch_state, ids, paths)
        except Neo4jError as exc:
            raise StoreError(f"reading the state of {len(ids)} article(s) failed: {exc}") from exc

    def stats(self) -> dict[str, Any]:
        """Counts of nodes per label and relationships per type, plus evidence totals."""
        with self.session(read=True) as session:
            return session.execute_read(_stats_tx)

    def run_report(self, report: cypher.Report, raw_params: dict[str, Any]) -> QueryResult:
        """Run a report of the library with validated, typed parameters in a read
        transaction."""
        if report.mode != "read":
            raise StoreError(f"report {report.name!r} is not a read report")
        params = report.bind(raw_params)
        try:
            with self.session(read=True) as session:
                return session.execute_read(read_tx, report.query, params)
        except Neo4jError as exc:
            raise StoreError(f"report {report.name!r} failed: {explain(exc)}") from exc

    def run_query_readonly(self, query: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run ad-hoc Cypher in a READ access-mode transaction, after its plan shows it is a read
        of the graph: a write, an administration or server command (TERMINATE TRANSACTIONS,
        SHOW USERS, dbms.* ...) is refused as ReadOnlyViolation (graph.neo4j.guard), and so is
        a write the server itself refuses (Neo.ClientError.Statement.AccessMode)."""
        try:
            with self.session(read=True) as session:
                return session.execute_read(_guarded_read_tx, query, params or {})
        except neo4j.exceptions.ClientError as exc:
            if exc.code == "Neo.ClientError.Statement.AccessMode":
                raise ReadOnlyViolation(
                    "the query tries to write, and `iikg query` runs read-only: "
                    "nothing was changed; use `iikg ingest` to change the graph"
                ) from exc
            raise StoreError(f"query failed: {explain(exc)}") from exc
        except Neo4jError as exc:
            raise StoreError(f"query failed: {explain(exc)}") from exc

    # --- subgraphs for export -------------------------------------------------------------

    def _graph(self, name: str, **params: Any) -> QueryResult:
        with self.session(read=True) as session:
            return session.execute_read(_graph_tx, name, **params)

    def resolve_names(self, names: list[str]) -> list[dict[str, Any]]:
        """Entities whose name or an alias equals one of `names` (exact)."""
        return self._graph("entities-named", names=names).nodes

    def find_entities(self, names: list[str]) -> list[dict[str, Any]]:
        """Entities whose canonical name is exactly one of `names` (index lookups)."""
        if not names:
            return []
        return self._graph("entities-by-name", names=names).nodes

    def fetch_around(
        self,
        name: str,
        hops: int,
        types: list[str] | None = None,
        labels: list[str] | None = None,
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Nodes and relationships within `hops` of the entities named `name` (aliases
        resolved), walking only relationships of `types` (default: all entity-to-entity types)
        through nodes with one of `labels` (default: entity labels). Breadth-first, one query
        per hop."""
        rel_types = [check_relation_type(t) for t in (types or RELATION_TYPES)]
        node_labels = [check_label(label) for label in (labels or ENTITY_LABELS)]
        centres = self.resolve_names([name])
        if not centres:
            raise StoreError(f"no entity is named {name!r} (name or alias)")
        nodes = {n["id"]: n for n in centres}
        rels: dict[str, dict[str, Any]] = {}
        frontier = sorted(nodes)
        with self.session(read=True) as session:
            for _ in range(max(hops, 0)):
                if not frontier:
                    break
                found = session.execute_read(
                    _graph_tx, "around-step", frontier=frontier, types=rel_types,
                    labels=node_labels,
                )
                for rel in found.relationships:
                    rels[rel["id"]] = rel
                fresh = [n for n in found.nodes if n["id"] not in nodes]
                for node in fresh:
                    nodes[node["id"]] = node
                frontier = sorted(n["id"] for n in fresh)
        return list(nodes.values()), list(rels.values())

    def fetch_induced(
        self, element_ids: list[str]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The nodes with these element ids and every relationship among them."""
        found = self._graph("induced", ids=sorted(set(element_ids)))
        return found.nodes, found.relationships

    def fetch_evidence(self, keys: list[str]) -> dict[str, list[dict[str, Any]]]:
        """The evidence of the relationships with these `key`s, from their Evidence nodes, in
        one query (index `evidence_rel`): key → entries in the stable order (date, article,
        start, end, method), each a dict of article, sentence, start, end, method, confidence,
        date and title (None where the node has none). Keys without evidence are left out."""
        if not keys:
            return {}
        rows = self.read("evidence-of", {"keys": sorted(set(keys))})
        return {row["key"]: row["entries"] for row in rows}

    def fetch_evidence_nodes(
        self, keys: list[str]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The Evidence nodes of the relationships with these keys, with their articles and
        HAS_EVIDENCE."""
        found = self.run_query_readonly(cypher.read_query("evidence-nodes"), {"keys": keys})
        return found.nodes, found.relationships
