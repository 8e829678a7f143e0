"""The Graph: one Neo4j database and everything iikg does with it.

``Graph(driver, database)`` (or ``graph.neo4j.connect(settings)``) holds the driver, the
database name and whether the schema was applied, and offers the writes (graph.neo4j.writes,
with the schema and its migrations from graph.neo4j.schema), the reads (graph.neo4j.reads), the
removal of articles (graph.neo4j.retract), near-duplicate articles and sources
(graph.neo4j.sources) and resolution decisions applied to the stored graph
(graph.neo4j.resolution).
"""

from __future__ import annotations

from graph.neo4j.analysis import AnalysisOps
from graph.neo4j.reads import ReadOps
from graph.neo4j.resolution import ResolutionOps
from graph.neo4j.retract import RetractOps
from graph.neo4j.sources import SourceOps
from graph.neo4j.writes import WriteOps


class Graph(WriteOps, ReadOps, RetractOps, SourceOps, ResolutionOps, AnalysisOps):
    """A Neo4j database seen through iikg: schema, writes, reads; plain values out."""

    def __enter__(self) -> Graph:
        return self
