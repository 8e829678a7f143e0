"""Writing to the graph: batches of prepared articles (the ingest), and loading an export back.

One batch of articles is one transaction: new articles are added, changed ones replace their
old evidence, unchanged ones are skipped (cypher/README.md describes the statements). Each
batch first takes the ingest lock (cypher/write/ingest-lock.cypher), so the batches of
concurrent ingests, in one process or several, run one at a time and give the graph of a
sequential run.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, fields
from functools import cache
from typing import Any

import neo4j
from neo4j.exceptions import DriverError, Neo4jError

import cypher
from graph import moments
from graph.batch import PreparedArticle, group, merged_aliases
from graph.errors import RefusedError, StoreError
from graph.incremental import Claim, plan_batch
from graph.model import ARTICLE_LABEL, ENTITY_LABELS, check_label, check_relation_type
from graph.neo4j.article_state import fetch_state
from graph.neo4j.base import chunks
from graph.neo4j.schema import SchemaOps

# Rendered write query → what it is ("mentions City"), to name statements in timings.
_QUERY_NAMES: dict[str, str] = {}


@cache
def _query(name: str, **names: str) -> str:
    text = cypher.query("write", name, **names)
    _QUERY_NAMES[text] = " ".join((name, *names.values()))
    return text


@dataclass
class WriteResult:
    """What one or more write batches did."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    entity_rows: int = 0
    relationship_rows: int = 0
    evidence: int = 0
    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0

    def add(self, other: WriteResult) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def _count(result: WriteResult, summary: neo4j.ResultSummary) -> None:
    c = summary.counters
    result.nodes_created += c.nodes_created
    result.nodes_deleted += c.nodes_deleted
    result.relationships_created += c.relationships_created
    result.relationships_deleted += c.relationships_deleted
    result.properties_set += c.properties_set


def _drop_articles(tx: neo4j.ManagedTransaction, ids: list[str], result: WriteResult) -> set:
    """Remove the evidence and MENTIONS of articles `ids` and delete their nodes; recompute the
    totals of the relationships that lost evidence (deleting those left with none). Returns the
    (label, name) of the entities the articles mentioned, whose totals must be recomputed."""
    records = tx.run(_query("drop-evidence"), ids=ids)
    supported: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for rec in records:
        group_key = (rec["type"], rec["head_label"], rec["tail_label"])
        supported.setdefault(group_key, []).append({"head": rec["head"], "tail": rec["tail"]})
    _count(result, records.consume())
    _refresh_relationships(tx, supported, result)
    _count(result, tx.run(_query("drop-quantities"), ids=ids).consume())
    touched = set()
    records = tx.run(_query("drop-articles"), ids=ids)
    for rec in records:
        if rec["label"] in ENTITY_LABELS:
            touched.add((rec["label"], rec["name"]))
    _count(result, records.consume())
    return touched


def _refresh_relationships(
    tx: neo4j.ManagedTransaction,
    rows: dict[tuple[str, str, str], list[dict[str, str]]],
    result: WriteResult,
) -> None:
    """Recompute relationship totals from their Evidence nodes, per (type, head, tail label)."""
    for (rtype, head, tail), group_rows in sorted(rows.items()):
        query = _query("refresh-relationships", TYPE=rtype, HEAD=head, TAIL=tail)
        for chunk in chunks(group_rows):
            _count(result, tx.run(query, rows=chunk).consume())


@dataclass
class _Fetched:
    """A result fetched whole, with the parts of neo4j.Result the write path uses."""

    records: list[neo4j.Record]
    summary: neo4j.ResultSummary

    def __iter__(self) -> Iterator[neo4j.Record]:
        return iter(self.records)

    def data(self) -> list[dict[str, Any]]:
        return [record.data() for record in self.records]

    def consume(self) -> neo4j.ResultSummary:
        return self.summary


class _TimedTx:
    """A transaction whose run() fetches each result at once and adds the seconds it took to
    ``times`` under the write template's name and its labels or types, e.g. "mentions City"
    (write_articles(timings=...))."""

    def __init__(self, tx: neo4j.ManagedTransaction, times: dict[str, float]) -> None:
        self._tx, self._times = tx, times

    def run(self, query: str, **params: Any) -> _Fetched:
        start = time.perf_counter()
        result = self._tx.run(query, **params)
        fetched = _Fetched(list(result), result.consume())
        key = _QUERY_NAMES.get(query) or " ".join(query.split())[:160]
        self._times[key] = self._times.get(key, 0.0) + time.perf_counter() - start
        return fetched


def _write_batch_tx(tx: neo4j.ManagedTransaction, items: list[PreparedArticle | Claim],
                    ingested_at: str) -> WriteResult:
    result = WriteResult()
    # First the ingest lock: a concurrent ingest's batch waits here until this one commits, so
    # the state read next is what every earlier batch committed (never a half-seen article).
    tx.run(_query("ingest-lock")).consume()
    known, holders = fetch_state(tx, (i.id for i in items), (i.path for i in items))
    plan = plan_batch(items, known, holders)
    result.new, result.changed, result.unchanged = plan.new, plan.changed, plan.unchanged
    to_write, to_drop = plan.write, plan.drop

    refresh = _drop_articles(tx, sorted(to_drop), result) if to_drop else set()

    batch = group(to_write)
    for rows in chunks(batch.articles):
        _count(result, tx.run(_query("articles"), rows=rows, ingested_at=ingested_at).consume())
    for label, rows in batch.entities.items():
        merge = _query("entity-merge", LABEL=label)
        for chunk in chunks(rows):
            params = [{"name": r["name"], "props": r["props"], "extra": r["extra"]} for r in chunk]
            new_aliases = {r["name"]: r["props"]["aliases"] for r in chunk}
            records = tx.run(merge, rows=params)
            updates = [
                {"name": rec["name"],
                 "aliases": merged_aliases(rec["aliases"], new_aliases[rec["name"]], rec["name"])}
                for rec in records
            ]
            _count(result, records.consume())
            if updates:
                query = _query("entity-aliases", LABEL=label)
                _count(result, tx.run(query, rows=updates).consume())
    for label, rows in batch.mentions.items():
        for chunk in chunks(rows):
            _count(result, tx.run(_query("mentions", LABEL=label), rows=chunk).consume())
    for (rtype, head, tail), rows in batch.relations.items():
        merge = _query("relationship-merge", TYPE=rtype, HEAD=head, TAIL=tail)
        for chunk in chunks(rows):
            _count(result, tx.run(merge, rows=chunk).consume())
    for chunk in chunks(batch.evidence):
        query = _query("evidence-create")
        _count(result, tx.run(query, rows=chunk, ingested_at=ingested_at).consume())
    for chunk in chunks(batch.quantities):
        _count(result, tx.run(_query("quantity-create"), rows=chunk).consume())
    # WORKS_FOR's title is the one of its latest evidence: recomputed from the Evidence nodes
    # (a handful per relationship), since "latest" cannot be added up batch by batch.
    titled = {
        key: [{"head": r["head"], "tail": r["tail"]} for r in rows]
        for key, rows in batch.relations.items() if key[0] == "WORKS_FOR"
    }
    _refresh_relationships(tx, titled, result)
    by_label: dict[str, list[str]] = {}
    for label, name in sorted(refresh):
        by_label.setdefault(label, []).append(name)
    for label, names in by_label.items():
        for chunk in chunks(names):
            _count(result, tx.run(_query("refresh-entities", LABEL=label), names=chunk).consume())
    stamps = [
        {"id": i, "path": path, "paths": paths, "content_hash": content, "extractor": version,
         "file_keys": keys}
        for i, (path, paths, content, version, keys) in plan.stamps.items()
    ]
    for chunk in chunks(stamps):
        _count(result, tx.run(_query("article-paths"), rows=chunk).consume())
    result.entity_rows = batch.mention_rows
    result.relationship_rows = batch.relationship_rows
    result.evidence = batch.evidence_entries
    return result


# Neo4j's codes for a statement or a value it refuses ("Property value is too large to index" is
# Neo.DatabaseError.Statement.ExecutionFailed), as opposed to the server, the database or the
# login: only those are worth retrying article by article.
_DATA_CODES = ("Neo.ClientError.Statement.", "Neo.ClientError.Schema.",
               "Neo.DatabaseError.Statement.", "Neo.DatabaseError.Schema.")


def _about_the_data(code: str | None) -> bool:
    return bool(code) and str(code).startswith(_DATA_CODES)


class WriteOps(SchemaOps):
    def write_articles(
        self,
        articles: list[PreparedArticle | Claim],
        timings: dict[str, float] | None = None,
        ingested_at: str | None = None,
    ) -> WriteResult:
        """Write one batch of prepared articles in one transaction (retried on transient errors).

        New articles are added; an article whose extraction changed first loses its old
        evidence and MENTIONS; unchanged ones are skipped. A path now holding another text moves
        to that text's Article (graph.incremental); an Article left without a path is dropped.
        A Claim (an article skipped before extraction) only records its path. On failure
        nothing of the batch is written and the error names its articles.
        With ``timings``, the seconds each statement took are added to it (keyed by the write
        template and its labels or types, e.g. "mentions City"; the commit is not included), for
        profiling. New and changed articles and their Evidence nodes get ``ingested_at``
        (default: now, UTC ISO 8601)."""
        self.ensure_schema()
        stamp = ingested_at or moments.now()

        def work(tx: neo4j.ManagedTransaction, batch: list[PreparedArticle | Claim]) -> WriteResult:
            return _write_batch_tx(tx if timings is None else _TimedTx(tx, timings), batch, stamp)

        try:
            with self.session() as session:
                return session.execute_write(work, articles)
        except (Neo4jError, DriverError) as exc:
            names = ", ".join(
                a.label if isinstance(a, PreparedArticle) else a.path for a in articles[:10])
            more = f" and {len(articles) - 10} more" if len(articles) > 10 else ""
            message = (
                f"writing a batch of {len(articles)} article(s) failed, nothing of it was written "
                f"({names}{more}): {exc}"
            )
            if isinstance(exc, Neo4jError) and _about_the_data(exc.code):
                raise RefusedError(message, f"{exc.code}: {exc.message}") from exc
            raise StoreError(message) from exc

    def write_subgraph_rows(
        self,
        nodes: list[tuple[str, dict[str, Any]]],
        rels: list[tuple[str, str, dict[str, Any], str, dict[str, Any], dict[str, Any]]],
    ) -> None:
        """Create nodes (label, props) and relationships (type, start label, start key props,
        end label, end key props, props) through parameters, labels and types whitelisted.
        Used to load an export (e.g. neo4j-admin CSV read in Python) into a database."""

        def work(tx: neo4j.ManagedTransaction) -> None:
            by_label: dict[str, list[dict[str, Any]]] = {}
            for label, props in nodes:
                by_label.setdefault(check_label(label), []).append(props)
            for label, rows in by_label.items():
                if label == ARTICLE_LABEL:
                    query = cypher.query("write", "import-articles")
                else:
                    query = cypher.query("write", "import-entities", LABEL=label)
                for chunk in chunks(rows):
                    tx.run(query, rows=chunk).consume()
            grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
            for rtype, slabel, skey, elabel, ekey, props in rels:
                key = (check_relation_type(rtype), check_label(slabel), check_label(elabel))
                grouped.setdefault(key, []).append({"s": skey, "e": ekey, "p": props})
            for (rtype, slabel, elabel), rows in grouped.items():
                query = cypher.query("write", "import-relationships", TYPE=rtype, HEAD=slabel,
                                     TAIL=elabel)
                for chunk in chunks(rows):
                    tx.run(query, rows=chunk).consume()

        with self.session() as session:
            session.execute_write(work)

    def run_script(self, statements: list[str]) -> int:
        """Run parameter-free statements (an export script) in one write transaction."""

        def work(tx: neo4j.ManagedTransaction) -> int:
            for statement in statements:
                tx.run(statement).consume()
            return len(statements)

        with self.session() as session:
            return session.execute_write(work)
