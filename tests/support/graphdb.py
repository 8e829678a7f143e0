"""Emptying a test database (tests and benchmarks only; iikg itself never deletes a graph)."""

from __future__ import annotations

import cypher
from graph.neo4j import Graph


def clear_database(graph: Graph) -> None:
    """Delete every node and relationship, in batches (relationships first, so a node with a
    huge degree never has to go in one transaction); the schema is kept."""
    with graph.session() as session:
        for statement in cypher.statements("write", "clear"):
            session.run(statement).consume()
