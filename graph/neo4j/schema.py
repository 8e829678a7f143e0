"""The schema and its migrations: constraints and indexes (cypher/schema), and upgrading a graph
written by an older iikg. A Graph applies both once, before its first write."""

from __future__ import annotations

import neo4j

import cypher
from graph.batch import entries_from_lists, evidence_node, relation_key
from graph.model import RELATION_TYPES
from graph.neo4j.base import WRITE_CHUNK, GraphBase


class SchemaOps(GraphBase):
    def apply_schema(self) -> list[str]:
        """Create the constraints and indexes of cypher/schema (all IF NOT EXISTS) and wait for
        the indexes to come online. Returns the statements run."""
        statements = list(cypher.schema_statements())
        with self.session() as session:
            for statement in statements:
                session.run(statement).consume()
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
