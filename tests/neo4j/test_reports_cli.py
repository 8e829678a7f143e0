"""The CLI commands of the graph (ingest, schema, stats, reports, report, query, export) through
click's test runner, on a real Neo4j."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner
from support.paths import SEEDS
from support.store_corpus import corpus

import cypher
from graph.cli import main
from graph.ingest import write_extractions


def conn(settings: Any) -> list[str]:
    args = ["--uri", settings.uri]
    if settings.password:
        args += ["--user", settings.user or "neo4j", "--password", settings.password]
    if settings.database:
        args += ["--database", settings.database]
    return args


@pytest.fixture
def cli(neo4j_db: Any, neo4j_server: Any) -> Any:
    write_extractions(neo4j_db, corpus())
    runner = CliRunner()

    def invoke(*args: str) -> Any:
        return runner.invoke(main, [*args, *conn(neo4j_server)], catch_exceptions=False)

    return invoke


def test_every_graph_command_has_help() -> None:
    runner = CliRunner()
    for command in ("ingest", "stats", "reports", "report", "query", "export", "schema"):
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0 and len(result.output) > 100, command


def test_reports_lists_every_report_with_parameters() -> None:
    output = CliRunner().invoke(main, ["reports"]).output
    for report in cypher.reports().values():
        assert report.name in output and report.description_en in output
        for param in report.params:
            assert f"-p {param.name}=<{param.type}>" in output


def test_bad_report_parameters_fail_before_connecting() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["report", "agreements", "-p", "town=淄博"])
    assert result.exit_code == 1 and "unknown parameter(s) town" in result.output
    result = runner.invoke(main, ["report", "empowered-by"])
    assert result.exit_code == 1 and "missing required parameter 'name'" in result.output
    result = runner.invoke(main, ["report", "agreements", "-p", "since=yesterday"])
    assert result.exit_code == 1 and "YYYY" in result.output
    result = runner.invoke(main, ["report", "no-such-report"])
    assert result.exit_code == 1 and "no report named" in result.output


def test_report_in_every_format(cli: Any) -> None:
    table = cli("report", "agreements", "-p", "city=淄博")
    assert table.exit_code == 0 and "华光国瓷" in table.output and "(2 rows)" in table.output
    rows = json.loads(cli("report", "agreements", "-p", "city=淄博", "--format", "json").output)
    assert {(r["party_a"], r["party_b"]) for r in rows} == {
        ("华光国瓷", "卡奥斯"), ("卡奥斯", "鲁中耐火材料")
    }
    csv_out = cli("report", "policies", "--format", "csv").output.splitlines()
    assert csv_out[0] == "policy,issuers,first_seen,last_seen,mentions"
    assert csv_out[1].startswith("2022年淄博市窑炉数字化提升行动计划,淄博市工业和信息化局,")


def test_query_is_read_only(cli: Any) -> None:
    refused = cli("query", "MATCH (n) DETACH DELETE n")
    assert refused.exit_code == 1 and "read-only" in refused.output
    counted = cli("query", "MATCH (n:Entity) RETURN count(n) AS n", "--format", "json")
    assert json.loads(counted.output) == [{"n": 18}]
    param = cli("query", "MATCH (c:City {name: $n}) RETURN c.level AS level", "-p", "n=淄博市",
                "--format", "json")
    assert json.loads(param.output) == [{"level": "city"}]


def test_stats_and_schema(cli: Any) -> None:
    assert "schema applied" in cli("schema", "apply").output
    rows = json.loads(cli("stats", "--format", "json").output)
    counts = {(r["kind"], r["name"]): r["count"] for r in rows}
    assert counts[("node", "Article")] == 3 and counts[("relationship", "SIGNED_WITH")] == 2


def test_export_writes_a_readable_file(cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "kaos.graphml"
    result = cli("export", "--around", "卡奥斯", "--hops", "1", "--format", "graphml",
                 "-o", str(out))
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out)
    assert graph.number_of_nodes() == 6 and "Platform:卡奥斯" in graph
    bad = cli("export", "--around", "卡奥斯", "--labels", "Robot")
    assert bad.exit_code == 1 and "unknown label 'Robot'" in bad.output
    none = cli("export", "--format", "json")
    assert none.exit_code == 1 and "exactly one" in none.output


def test_ingest_dry_run_and_real(neo4j_db: Any, neo4j_server: Any) -> None:
    runner = CliRunner()
    dry = runner.invoke(main, ["ingest", str(SEEDS), "--dry-run", "--no-progress"])
    assert dry.exit_code == 0 and "articles read: 5, skipped: 0" in dry.output
    assert "dry run: nothing was written" in dry.output
    real = runner.invoke(main, ["ingest", str(SEEDS), "--no-progress", *conn(neo4j_server)])
    assert real.exit_code == 0 and "5 new" in real.output
    again = runner.invoke(main, ["ingest", str(SEEDS), "--no-progress", *conn(neo4j_server)])
    assert "5 unchanged" in again.output
