"""Schema apply on a graph whose entity-name index an older iikg made over fewer labels."""

from __future__ import annotations

from typing import Any


def _labels(graph: Any) -> set[str]:
    with graph.session() as session:
        row = session.run(
            "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes WHERE name = 'entity_names' "
            "RETURN labelsOrTypes"
        ).single()
    return set(row[0]) if row else set()


def test_an_outdated_entity_name_index_is_made_again_over_every_label(neo4j_db: Any) -> None:
    with neo4j_db.session() as session:
        session.run("DROP INDEX entity_names IF EXISTS").consume()
        session.run(
            "CREATE FULLTEXT INDEX entity_names FOR (n:Platform|Company) "
            "ON EACH [n.name, n.aliases]"
        ).consume()
    assert _labels(neo4j_db) == {"Platform", "Company"}
    neo4j_db.apply_schema()
    assert "Organization" in _labels(neo4j_db)
    neo4j_db.apply_schema()  # a current index is left as it is
    assert "Organization" in _labels(neo4j_db)
