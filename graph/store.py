"""The Neo4j side of iikg: the only module that imports the ``neo4j`` driver.

Everything else passes a driver (from ``connect``) and plain values in, and gets plain
Python values back, so no other module depends on the driver's types.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any

import neo4j
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable

import cypher
from graph.batch import (
    PreparedArticle,
    entries_from_lists,
    evidence_node,
    group,
    merged_aliases,
    relation_key,
)
from graph.config import Settings
from graph.errors import ReadOnlyViolation, StoreError
from graph.model import (
    ENTITY_LABELS,
    EVIDENCE_LABEL,
    HAS_EVIDENCE,
    MENTIONS,
    RELATION_TYPES,
    check_label,
    check_relation_type,
)


@dataclass(frozen=True)
class ServerInfo:
    """What ``CALL dbms.components()`` reports about the server."""

    name: str
    version: str
    edition: str


def connect(settings: Settings) -> neo4j.Driver:
    """Open a driver for ``settings`` and check that the server answers.

    The caller closes the driver (it is a context manager). Raises StoreError naming the URI
    (never the password) when the server is unreachable or rejects the credentials.
    """
    try:
        driver = neo4j.GraphDatabase.driver(settings.uri, auth=settings.auth)
    except (ValueError, DriverError) as exc:
        raise StoreError(f"cannot use Neo4j URI {settings.uri}: {exc}") from exc
    try:
        driver.verify_connectivity()
    except AuthError as exc:
        driver.close()
        raise StoreError(
            f"Neo4j at {settings.uri} rejected the credentials for user "
            f"{settings.auth[0] if settings.auth else '(none)'}: set NEO4J_USER/NEO4J_PASSWORD"
        ) from exc
    except (DriverError, Neo4jError, OSError) as exc:
        driver.close()
        hint = "" if settings.managed else " (check NEO4J_URI, or unset it to use the local server)"
        raise StoreError(f"cannot reach Neo4j at {settings.uri}: {exc}{hint}") from exc
    return driver


def wait_for_bolt(
    uri: str,
    auth: tuple[str, str] | None = None,
    *,
    timeout: float = 120.0,
    interval: float = 0.5,
    alive: Callable[[], bool] | None = None,
) -> None:
    """Block until a Bolt server at ``uri`` accepts a connection.

    ``alive`` is polled between attempts so a server process that died fails fast instead of
    waiting out the timeout. Raises StoreError on timeout or when ``alive()`` turns False.
    """
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while True:
        if alive is not None and not alive():
            raise StoreError(f"the Neo4j process exited before Bolt answered at {uri}")
        try:
            with neo4j.GraphDatabase.driver(uri, auth=auth) as driver:
                driver.verify_connectivity()
            return
        except (ServiceUnavailable, DriverError, Neo4jError, OSError) as exc:
            last = exc
        if time.monotonic() >= deadline:
            raise StoreError(f"Neo4j did not answer at {uri} within {timeout:.0f}s: {last}")
        time.sleep(interval)


def run_read(
    driver: neo4j.Driver,
    cypher: str,
    params: Mapping[str, Any] | None = None,
    database: str | None = None,
) -> list[dict[str, Any]]:
    """Run a read-only query (routed to a reader in a cluster); rows as plain dicts."""
    return _run(driver, cypher, params, database, neo4j.RoutingControl.READ)


def run_write(
    driver: neo4j.Driver,
    cypher: str,
    params: Mapping[str, Any] | None = None,
    database: str | None = None,
) -> list[dict[str, Any]]:
    """Run a query that writes, in one managed transaction; rows as plain dicts."""
    return _run(driver, cypher, params, database, neo4j.RoutingControl.WRITE)


def _run(
    driver: neo4j.Driver,
    cypher: str,
    params: Mapping[str, Any] | None,
    database: str | None,
    routing: neo4j.RoutingControl,
) -> list[dict[str, Any]]:
    try:
        records, _, _ = driver.execute_query(
            cypher, dict(params or {}), routing_=routing, database_=database
        )
    except Neo4jError as exc:
        raise StoreError(f"Neo4j rejected the query: {exc.code}: {exc.message}") from exc
    except DriverError as exc:
        raise StoreError(f"lost the connection to Neo4j: {exc}") from exc
    return [record.data() for record in records]


def server_info(driver: neo4j.Driver) -> ServerInfo:
    """Name, version and edition of the server behind ``driver``."""
    rows = run_read(
        driver,
        "CALL dbms.components() YIELD name, versions, edition "
        "RETURN name, versions[0] AS version, edition",
    )
    if not rows:
        raise StoreError("dbms.components() returned nothing")
    row = rows[0]
    return ServerInfo(name=row["name"], version=row["version"], edition=row["edition"])


# --- Schema, writes, reports, read-only queries and subgraphs (issue 5) ------------------------
# Everything below takes a driver from connect(); sessions are opened per call.



WRITE_CHUNK = 1000  # rows per UNWIND statement


def _session(driver: neo4j.Driver, database: str | None, read: bool = False) -> neo4j.Session:
    """A session; READ access mode makes the server refuse writes. Server notifications (e.g.
    "label does not exist yet" on an empty graph) are not logged: they are not errors."""
    return driver.session(
        database=database,
        default_access_mode=neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS,
        notifications_min_severity="OFF",
    )
_schema_applied: set[tuple[int, str | None]] = set()


def _render(template: str, **names: str) -> str:
    """Fill __LABEL__/__HEAD__/__TAIL__/__TYPE__ placeholders, only with whitelisted names."""
    text = template
    for slot, value in names.items():
        if slot == "TYPE":
            check_relation_type(value)
        elif value not in ENTITY_LABELS:
            raise ValueError(f"not an entity label: {value!r}")
        text = text.replace(f"__{slot}__", value)
    return text


# Rendered write query → what it is ("mentions City"), to name statements in timings.
_QUERY_NAMES: dict[str, str] = {}


@cache
def _query(name: str, **names: str) -> str:
    text = _render(cypher.write_query(name), **names)
    _QUERY_NAMES[text] = " ".join((name, *names.values()))
    return text


def _chunks(rows: list[Any], size: int = WRITE_CHUNK) -> Iterator[list[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def apply_schema(driver: neo4j.Driver, database: str | None = None) -> list[str]:
    """Create the constraints and indexes of cypher/schema (all IF NOT EXISTS) and wait for the
    indexes to come online. Returns the statements run."""
    statements = list(cypher.schema_statements())
    with _session(driver, database) as session:
        for statement in statements:
            session.run(statement).consume()
        session.run("CALL db.awaitIndexes(300)").consume()
    _schema_applied.add((id(driver), database))
    return statements


def ensure_schema(driver: neo4j.Driver, database: str | None = None) -> None:
    """apply_schema and upgrade_storage once per driver and database (before the first
    write)."""
    if (id(driver), database) not in _schema_applied:
        apply_schema(driver, database)
        upgrade_storage(driver, database)


def upgrade_storage(
    driver: neo4j.Driver, database: str | None = None, chunk: int = WRITE_CHUNK
) -> int:
    """Move the evidence of a graph written by an older iikg (parallel `evidence_*` lists on
    each relationship) into Evidence nodes, giving each relationship its key; totals stay.
    One transaction per chunk of relationships, so an interrupted upgrade resumes where it
    stopped. Returns the number of relationships upgraded (0 for a current graph)."""

    def work(tx: neo4j.ManagedTransaction, rtype: str) -> int:
        rows, evidence = [], []
        for rec in tx.run(_query("legacy-evidence", TYPE=rtype), limit=chunk):
            key = relation_key(rtype, rec["head_label"], rec["head"], rec["tail_label"],
                               rec["tail"])
            rows.append({"id": rec["id"], "key": key})
            evidence += [evidence_node(key, rtype, rec["head"], rec["tail"], entry)
                         for entry in entries_from_lists(rec["props"])]
        if rows:
            tx.run(_query("legacy-rekey"), rows=rows).consume()
            tx.run(_query("evidence-create"), rows=evidence).consume()
        return len(rows)

    upgraded = 0
    with _session(driver, database) as session:
        # A graph that never held the lists has no such property key: no scan at all.
        keys = session.run("CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey)")
        if "evidence_article" not in keys.single()[0]:
            return 0
        for rtype in RELATION_TYPES:
            while done := session.execute_write(work, rtype):
                upgraded += done
    return upgraded


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
        for chunk in _chunks(group_rows):
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


def _write_batch_tx(tx: neo4j.ManagedTransaction, articles: list[PreparedArticle]) -> WriteResult:
    result = WriteResult()
    state_rows = [{"id": a.id, "path": a.path} for a in articles]
    state = {r["id"]: r for r in tx.run(_query("article-state"), rows=state_rows).data()}
    to_write: list[PreparedArticle] = []
    to_drop: set[str] = set()
    for art in articles:
        known = state[art.id]
        if known["fingerprint"] == art.fingerprint and not known["stale"]:
            result.unchanged += 1
            continue
        to_drop.update(known["stale"])
        if known["fingerprint"] is None and not known["stale"]:
            result.new += 1
        else:
            result.changed += 1
            if known["fingerprint"] is not None:
                to_drop.add(art.id)
        to_write.append(art)

    refresh = _drop_articles(tx, sorted(to_drop), result) if to_drop else set()

    batch = group(to_write)
    for rows in _chunks(batch.articles):
        _count(result, tx.run(_query("articles"), rows=rows).consume())
    for label, rows in batch.entities.items():
        merge = _query("entity-merge", LABEL=label)
        for chunk in _chunks(rows):
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
        for chunk in _chunks(rows):
            _count(result, tx.run(_query("mentions", LABEL=label), rows=chunk).consume())
    for (rtype, head, tail), rows in batch.relations.items():
        merge = _query("relationship-merge", TYPE=rtype, HEAD=head, TAIL=tail)
        for chunk in _chunks(rows):
            _count(result, tx.run(merge, rows=chunk).consume())
    for chunk in _chunks(batch.evidence):
        _count(result, tx.run(_query("evidence-create"), rows=chunk).consume())
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
        for chunk in _chunks(names):
            _count(result, tx.run(_query("refresh-entities", LABEL=label), names=chunk).consume())
    result.entity_rows = batch.mention_rows
    result.relationship_rows = batch.relationship_rows
    result.evidence = batch.evidence_entries
    return result


def write_articles(
    driver: neo4j.Driver,
    articles: list[PreparedArticle],
    database: str | None = None,
    timings: dict[str, float] | None = None,
) -> WriteResult:
    """Write one batch of prepared articles in one transaction (retried on transient errors).

    New articles are added; an article whose extraction changed, or whose path was ingested
    before under another id, first loses its old evidence and MENTIONS; unchanged ones are
    skipped. On failure nothing of the batch is written and the error names its articles.
    With ``timings``, the seconds each statement took are added to it (keyed by the write
    template and its labels or types, e.g. "mentions City"; the commit is not included), for
    profiling."""
    ensure_schema(driver, database)

    def work(tx: neo4j.ManagedTransaction, batch: list[PreparedArticle]) -> WriteResult:
        return _write_batch_tx(tx if timings is None else _TimedTx(tx, timings), batch)

    try:
        with _session(driver, database) as session:
            return session.execute_write(work, articles)
    except (Neo4jError, DriverError) as exc:
        names = ", ".join(a.label for a in articles[:10])
        more = f" and {len(articles) - 10} more" if len(articles) > 10 else ""
        raise StoreError(
            f"writing a batch of {len(articles)} article(s) failed, nothing of it was written "
            f"({names}{more}): {exc}"
        ) from exc


def stats(driver: neo4j.Driver, database: str | None = None) -> dict[str, Any]:
    """Counts of nodes per label and relationships per type, plus evidence totals."""
    with _session(driver, database, read=True) as session:
        return session.execute_read(_stats_tx)


def _stats_tx(tx: neo4j.ManagedTransaction) -> dict[str, Any]:
    labels = {}
    for label in (*ENTITY_LABELS, "Article", EVIDENCE_LABEL):
        labels[label] = tx.run(f"MATCH (n:`{label}`) RETURN count(n) AS n").single()["n"]
    types = {}
    for rtype in (*RELATION_TYPES, MENTIONS, HAS_EVIDENCE):
        types[rtype] = tx.run(f"MATCH ()-[r:`{rtype}`]->() RETURN count(r) AS n").single()["n"]
    totals = tx.run(
        "CALL () { MATCH (n) RETURN count(n) AS nodes } "
        "CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } "
        "CALL () { MATCH (ev:Evidence) RETURN count(ev) AS evidence } "
        "RETURN nodes, relationships, evidence"
    ).single()
    return {
        "nodes": totals["nodes"],
        "relationships": totals["relationships"],
        "evidence": totals["evidence"],
        "labels": labels,
        "types": types,
    }


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


def _read_tx(tx: neo4j.ManagedTransaction, query: str, params: dict[str, Any]) -> QueryResult:
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
        for rec in tx.run("MATCH (n) WHERE elementId(n) IN $ids RETURN n", ids=missing):
            nodes[rec["n"].element_id] = rec["n"]
    return QueryResult(
        columns,
        rows,
        [_node_row(n) for n in nodes.values()],
        [_rel_row(r) for r in rels.values()],
    )


def _explain(exc: Neo4jError) -> str:
    return f"{exc.code}: {exc.message}" if getattr(exc, "message", None) else str(exc)


def run_report(
    driver: neo4j.Driver,
    report: cypher.Report,
    raw_params: dict[str, Any],
    database: str | None = None,
) -> QueryResult:
    """Run a report of the library with validated, typed parameters in a read transaction."""
    if report.mode != "read":
        raise StoreError(f"report {report.name!r} is not a read report")
    params = report.bind(raw_params)
    try:
        with _session(driver, database, read=True) as session:
            return session.execute_read(_read_tx, report.query, params)
    except Neo4jError as exc:
        raise StoreError(f"report {report.name!r} failed: {_explain(exc)}") from exc


def run_query_readonly(
    driver: neo4j.Driver,
    query: str,
    params: dict[str, Any] | None = None,
    database: str | None = None,
) -> QueryResult:
    """Run ad-hoc Cypher in a READ access-mode transaction. The server refuses any write
    (Neo.ClientError.Statement.AccessMode), which is reported as ReadOnlyViolation."""
    try:
        with _session(driver, database, read=True) as session:
            return session.execute_read(_read_tx, query, params or {})
    except neo4j.exceptions.ClientError as exc:
        if exc.code == "Neo.ClientError.Statement.AccessMode":
            raise ReadOnlyViolation(
                "the query tries to write, and `iikg query` runs read-only: "
                "nothing was changed; use `iikg ingest` to change the graph"
            ) from exc
        raise StoreError(f"query failed: {_explain(exc)}") from exc
    except Neo4jError as exc:
        raise StoreError(f"query failed: {_explain(exc)}") from exc


# --- subgraphs for export -----------------------------------------------------------------

_ENTITY_TYPES = list(RELATION_TYPES)


def _graph_tx(tx: neo4j.ManagedTransaction, query: str, **params: Any) -> QueryResult:
    return _read_tx(tx, query, params)


def resolve_names(
    driver: neo4j.Driver, names: list[str], database: str | None = None
) -> list[dict[str, Any]]:
    """Entities whose name or an alias equals one of `names` (exact)."""
    query = (
        "UNWIND $names AS q "
        "CALL (q) { MATCH (e:Entity {name: q}) RETURN e "
        "UNION MATCH (e:Entity) WHERE q IN e.aliases RETURN e } "
        "RETURN DISTINCT e"
    )
    with _session(driver, database, read=True) as session:
        return session.execute_read(_graph_tx, query, names=names).nodes


def find_entities(
    driver: neo4j.Driver, names: list[str], database: str | None = None
) -> list[dict[str, Any]]:
    """Entities whose canonical name is exactly one of `names` (index lookups)."""
    if not names:
        return []
    query = "UNWIND $names AS q MATCH (e:Entity {name: q}) RETURN e"
    with _session(driver, database, read=True) as session:
        return session.execute_read(_graph_tx, query, names=names).nodes


def fetch_around(
    driver: neo4j.Driver,
    name: str,
    hops: int,
    types: list[str] | None = None,
    labels: list[str] | None = None,
    database: str | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Nodes and relationships within `hops` of the entities named `name` (aliases resolved),
    walking only relationships of `types` (default: all entity-to-entity types) through nodes
    with one of `labels` (default: entity labels). Breadth-first, one query per hop."""
    rel_types = [check_relation_type(t) for t in (types or _ENTITY_TYPES)]
    node_labels = [check_label(label) for label in (labels or ENTITY_LABELS)]
    centres = resolve_names(driver, [name], database)
    if not centres:
        raise StoreError(f"no entity is named {name!r} (name or alias)")
    nodes = {n["id"]: n for n in centres}
    rels: dict[str, dict[str, Any]] = {}
    frontier = sorted(nodes)
    step = (
        "MATCH (a)-[r]-(b) WHERE elementId(a) IN $frontier AND type(r) IN $types "
        "AND any(l IN labels(b) WHERE l IN $labels) RETURN r, b"
    )
    with _session(driver, database, read=True) as session:
        for _ in range(max(hops, 0)):
            if not frontier:
                break
            found = session.execute_read(
                _graph_tx, step, frontier=frontier, types=rel_types, labels=node_labels
            )
            for rel in found.relationships:
                rels[rel["id"]] = rel
            fresh = [n for n in found.nodes if n["id"] not in nodes]
            for node in fresh:
                nodes[node["id"]] = node
            frontier = sorted(n["id"] for n in fresh)
    return list(nodes.values()), list(rels.values())


def fetch_induced(
    driver: neo4j.Driver, element_ids: list[str], database: str | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The nodes with these element ids and every relationship among them."""
    query = (
        "MATCH (n) WHERE elementId(n) IN $ids "
        "OPTIONAL MATCH (n)-[r]->(m) WHERE elementId(m) IN $ids "
        "RETURN n, collect(r) AS rels"
    )
    with _session(driver, database, read=True) as session:
        found = session.execute_read(_graph_tx, query, ids=sorted(set(element_ids)))
    return found.nodes, found.relationships


def fetch_evidence(
    driver: neo4j.Driver, keys: list[str], database: str | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The evidence of the relationships with these `key`s, from their Evidence nodes, in one
    query (index `evidence_rel`): key → entries in the stable order (date, article, start, end,
    method), each a dict of article, sentence, start, end, method, confidence, date and title
    (None where the node has none). Keys without evidence are left out."""
    if not keys:
        return {}
    query = (
        "UNWIND $keys AS key "
        "CALL (key) { MATCH (ev:Evidence {rel: key}) "
        "WITH ev ORDER BY coalesce(ev.date, ''), ev.article, ev.start, ev.end, ev.method "
        "RETURN collect(ev {.article, .sentence, .start, .end, .method, .confidence, .date, "
        ".title}) AS entries } "
        "WITH key, entries WHERE size(entries) > 0 "
        "RETURN key, entries"
    )
    rows = run_read(driver, query, {"keys": sorted(set(keys))}, database)
    return {row["key"]: row["entries"] for row in rows}


def write_subgraph_rows(
    driver: neo4j.Driver,
    nodes: list[tuple[str, dict[str, Any]]],
    rels: list[tuple[str, str, dict[str, Any], str, dict[str, Any], dict[str, Any]]],
    database: str | None = None,
) -> None:
    """Create nodes (label, props) and relationships (type, start label, start key props,
    end label, end key props, props) through parameters, labels and types whitelisted.
    Used to load an export (e.g. neo4j-admin CSV read in Python) into a database."""

    def key_of(label: str) -> str:
        return "id" if label == "Article" else "name"

    def work(tx: neo4j.ManagedTransaction) -> None:
        by_label: dict[str, list[dict[str, Any]]] = {}
        for label, props in nodes:
            by_label.setdefault(check_label(label), []).append(props)
        for label, rows in by_label.items():
            extra = "" if label == "Article" else ", n:Entity"
            query = (
                f"UNWIND $rows AS p MERGE (n:`{label}` {{{key_of(label)}: p.{key_of(label)}}}) "
                f"SET n = p{extra}"
            )
            for chunk in _chunks(rows):
                tx.run(query, rows=chunk).consume()
        grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        for rtype, slabel, skey, elabel, ekey, props in rels:
            key = (check_relation_type(rtype), check_label(slabel), check_label(elabel))
            grouped.setdefault(key, []).append({"s": skey, "e": ekey, "p": props})
        for (rtype, slabel, elabel), rows in grouped.items():
            sk, ek = key_of(slabel), key_of(elabel)
            query = (
                f"UNWIND $rows AS row MATCH (a:`{slabel}` {{{sk}: row.s.{sk}}}) "
                f"MATCH (b:`{elabel}` {{{ek}: row.e.{ek}}}) "
                f"MERGE (a)-[r:`{rtype}`]->(b) SET r = row.p"
            )
            for chunk in _chunks(rows):
                tx.run(query, rows=chunk).consume()

    with _session(driver, database) as session:
        session.execute_write(work)


def run_script(driver: neo4j.Driver, statements: list[str], database: str | None = None) -> int:
    """Run parameter-free statements (an export script) in one write transaction."""

    def work(tx: neo4j.ManagedTransaction) -> int:
        for statement in statements:
            tx.run(statement).consume()
        return len(statements)

    with _session(driver, database) as session:
        return session.execute_write(work)


def clear_database(driver: neo4j.Driver, database: str | None = None) -> None:
    """Delete every node and relationship, in batches (relationships first, so a node with a
    huge degree never has to go in one transaction). Schema is kept. Tests and the benchmark
    only: the CLI never calls this."""
    with _session(driver, database) as session:
        session.run(
            "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()
        session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
