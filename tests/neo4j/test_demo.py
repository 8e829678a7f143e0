"""`iikg demo` on a real Neo4j: the bundled corpus goes in, the two reports come out."""

from __future__ import annotations

from typing import Any

from click.testing import CliRunner

from graph.cli import main
from graph.neo4j import Settings


def _run_demo(settings: Settings) -> str:
    args = ["demo", "--no-progress", "--uri", settings.uri]
    if settings.database:
        args += ["--database", settings.database]
    result = CliRunner().invoke(main, args, env={"NEO4J_PASSWORD": settings.password or ""})
    assert result.exit_code == 0, result.output
    return result.output


def test_demo_ingests_the_sample_corpus_and_prints_two_reports(
    neo4j_db: Any, neo4j_server: Settings
) -> None:
    output = _run_demo(neo4j_server)
    assert "articles read: 5, skipped: 0" in output
    assert "(iikg report agreements)" in output and "(iikg report policies)" in output
    agreements = output.split("(iikg report agreements)")[1].split("(iikg report policies)")[0]
    assert any("卡奥斯" in line and "华光国瓷" in line for line in agreements.splitlines())
    policies = output.split("(iikg report policies)")[1]
    assert any(
        "2022年淄博市窑炉数字化提升行动计划" in line and "淄博市工业和信息化局" in line
        for line in policies.splitlines()
    )
    assert "/browser/" in output

    counts = neo4j_db.stats()
    again = _run_demo(neo4j_server)
    assert "5 unchanged" in again
    assert neo4j_db.stats() == counts
