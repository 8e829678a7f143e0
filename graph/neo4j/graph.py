"""The Graph: one Neo4j database and everything iikg does with it.

``Graph(driver, database)`` (or ``graph.neo4j.connect(settings)``) holds the driver, the
database name and whether the schema was applied, and offers the writes (graph.neo4j.writes,
with the schema and its migrations from graph.neo4j.schema) and the reads (graph.neo4j.reads).
"""

from __future__ import annotations

from graph.neo4j.analysis import AnalysisOps
from graph.neo4j.reads import ReadOps
from graph.neo4j.writes import WriteOps


class Graph(WriteOps, ReadOps, AnalysisOps):
    """A Neo4j database seen through iikg: schema, writes, reads; plain values out."""

    def __enter__(self) -> Graph:
        return self
