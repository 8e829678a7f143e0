"""The schema and its migrations: constraints and indexes (cypher/schema), and upgrading a graph
written by an older iikg. A Graph applies both once, before its first write."""

from __future__ import annotations

import re

import neo4j
from neo4j.exceptions import ClientError

import cypher
from graph.batch import entries_from_lists, evidence_node, relation_key
from graph.model import RELATION_TYPES
from graph.neo4j.base import WRITE_CHUNK, GraphBase

_ALREADY_EXISTS = frozenset({
    "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
    "Neo.ClientError.Schema.IndexAlreadyExists",
    "Neo.ClientError.Schema.ConstraintAlreadyExists",
})


_FULLTEXT = re.compile(
    r"CREATE FULLTEXT INDEX (\w+) IF NOT EXISTS\s+FOR \(\w+:([\w|]+)\) ON EACH \[([^\]]*)\]"
)


def _drop_outdated_fulltext(session: neo4j.Session, statements: list[str]) -> None:
    """IF NOT EXISTS keeps an index of the same name whatever it covers: the entity-name index
    an older iikg made over fewer labels (before Organization) is dropped, to be made again."""
    for statement in statements:
        wanted = _FULLTEXT.search(statement)
        if wanted is None or wanted.group(1) != "entity_names":
            continue
        labels = set(wanted.group(2).split("|"))
        props = {p.strip().split(".")[-1] for p in wanted.group(3).split(",")}
        found = session.run(cypher.read_query("fulltext-index"), name="entity_names").single()
        outdated = found is not None and (
            set(found["labels"]) != labels or set(found["properties"]) != props
        )
        if outdated:
            session.run(cypher.write_query("drop-entity-names")).consume()


class SchemaOps(GraphBase):
    def apply_schema(self) -> list[str]:
        """Create the constraints and indexes of cypher/schema (all IF NOT EXISTS) and wait for
        the indexes to come online. Returns the statements run."""
        statements = list(cypher.schema_statements())
        with self.session() as session:
            _drop_outdated_fulltext(session, statements)
            for statement in statements:
                try:
                    session.run(statement).consume()
                except ClientError as exc:
                    # IF NOT EXISTS still fails when another ingest creates the same index at
                    # the same moment; the rule then exists, which is all this asks for.
                    if exc.code not in _ALREADY_EXISTS:
                        raise
            session.run(cypher.read_query("await-indexes")).consume()
        self._schema_ready = True
        return statements

    def ensure_schema(self) -> None:
        """apply_schema and upgrade_storage once per Graph (before the first write)."""
        if not self._schema_ready:
            self.apply_schema()
            self.upgrade_storage()

    def upgrade_storage(self, chunk: int = WRITE_CHUNK) -> int:
        """Move the evidence of a graph written by an older iikg (parallel `evidence_*` lists on
        each relationship) into Evidence nodes, giving each relationship its key; totals stay.
        One transaction per chunk of relationships, so an interrupted upgrade resumes where it
        stopped. Returns the number of relationships upgraded (0 for a current graph)."""

        def work(tx: neo4j.ManagedTransaction, rtype: str) -> int:
            rows, evidence = [], []
            for rec in tx.run(cypher.query("write", "legacy-evidence", TYPE=rtype), limit=chunk):
                key = relation_key(rtype, rec["head_label"], rec["head"], rec["tail_label"],
                                   rec["tail"])
                rows.append({"id": rec["id"], "key": key})
                evidence += [evidence_node(key, rtype, rec["head"], rec["tail"], entry)
                             for entry in entries_from_lists(rec["props"])]
            if rows:
                tx.run(cypher.query("write", "legacy-rekey"), rows=rows).consume()
                tx.run(cypher.query("write", "evidence-create"), rows=evidence,
                       ingested_at=None).consume()  # the evidence keeps its article's time
            return len(rows)

        upgraded = 0
        with self.session() as session:
            # A graph that never held the lists has no such property key: no scan at all.
            keys = session.run(cypher.read_query("property-keys"))
            if "evidence_article" not in keys.single()[0]:
                return 0
            for rtype in RELATION_TYPES:
                while done := session.execute_write(work, rtype):
                    upgraded += done
        return upgraded
