"""Reading the relationships `iikg analyze` works on and writing its results back."""

from __future__ import annotations

from typing import Any

import cypher
from graph.model import RELATION_TYPES
from graph.neo4j.base import GraphBase, chunks


class AnalysisOps(GraphBase):
    def entity_edges(self) -> list[dict[str, Any]]:
        """Every entity-to-entity relationship of the model's types: head_label, head,
        tail_label, tail, type, weight (its evidence count)."""
        return self._read_rows("analysis-edges", {"types": list(RELATION_TYPES)})

    def _read_rows(self, name: str, params: dict[str, Any] | None = None) -> list[dict]:
        """cypher/read/NAME.cypher in a read session whose notifications are off (a property
        key no run has written yet is not worth a warning)."""
        query = cypher.read_query(name)
        with self.session(read=True) as session:
            return session.execute_read(lambda tx: tx.run(query, params or {}).data())

    def write_analysis(self, rows: list[dict[str, Any]], batch_size: int = 1000) -> int:
        """Set pagerank, betweenness and community on the entities of `rows` ({label, name,
        pagerank, betweenness, community}), one transaction per batch; remove them from
        entities scored before that are not in `rows`. Returns the entities written."""
        self.ensure_schema()
        fresh = {(r["label"], r["name"]) for r in rows}
        stale = [{"label": r["label"], "name": r["name"]}
                 for r in self._read_rows("analysis-scored")
                 if (r["label"], r["name"]) not in fresh]
        clear = cypher.write_query("analysis-clear")
        for chunk in chunks(stale, batch_size):
            self.run_write(clear, {"rows": chunk})
        write = cypher.write_query("analysis-scores")
        for chunk in chunks(rows, batch_size):
            self.run_write(write, {"rows": chunk})
        return len(rows)
