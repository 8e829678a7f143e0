"""The commands that question the graph: reports, report, query, export."""

from __future__ import annotations

from pathlib import Path

import click

import cypher
from graph import charts, export, reports
from graph.cli.app import (
    FORMAT_OPTION,
    PARAM_OPTION,
    Connection,
    connection_options,
    main,
    print_rows,
)
from graph.model import MENTIONS, RELATION_TYPES


@main.command("reports")
def reports_command() -> None:
    """List the reports of the Cypher library with their descriptions and parameters."""
    click.echo(reports.describe_reports(), nl=False)


@main.command("report")
@click.argument("name")
@PARAM_OPTION
@FORMAT_OPTION
@click.option("--plot", "plot_file", type=click.Path(dir_okay=False), default=None,
              help="Also draw the ranking as a bar chart (PNG, Chinese labels) in this file.")
@connection_options
def report_command(name: str, params: tuple[str, ...], fmt: str, plot_file: str | None,
                   connection: Connection) -> None:
    """Run the report NAME (see `iikg reports`), e.g.
    `iikg report agreements -p city=淄博 -p since=2022`,
    `iikg report platform-reach --plot platform-reach.png`."""
    report = cypher.get_report(name)
    raw = reports.parse_params(params)
    report.bind(raw)  # unknown or missing parameters fail before connecting
    with connection.graph() as graph:
        result = graph.run_report(report, raw)
    print_rows(result.columns, result.rows, fmt)
    if plot_file:
        charts.plot_report(report, result.columns, result.rows, plot_file)
        click.echo(f"chart written to {plot_file}", err=True)


@main.command("query")
@click.argument("cypher_text", metavar="CYPHER")
@PARAM_OPTION
@FORMAT_OPTION
@connection_options
def query_command(cypher_text: str, params: tuple[str, ...], fmt: str,
                  connection: Connection) -> None:
    """Run read-only Cypher (a write is refused and changes nothing). Parameters are
    `-p key=value`; values that parse as JSON (numbers, true, [..]) are used as such."""
    values = reports.parse_params(params, json_values=True)
    with connection.graph() as graph:
        result = graph.run_query_readonly(cypher_text, values)
    print_rows(result.columns, result.rows, fmt)


@main.command("export")
@click.option("--around", metavar="NAME", help="Entities within --hops of this name or alias.")
@click.option("--hops", type=int, default=1, show_default=True, help="Hops for --around (0-6).")
@click.option("--report", "report_name", metavar="NAME",
              help="What a report's rows name (its entities and the relationships among them).")
@click.option("--query", "query_text", metavar="CYPHER",
              help="What a read-only query returns (nodes, relationships, paths) or names.")
@PARAM_OPTION
@click.option("--labels", multiple=True,
              help="Keep only these labels (comma-separated). Evidence adds the Evidence nodes "
                   "of the exported relationships (their evidence is always on the edges).")
@click.option("--types", multiple=True,
              help="Keep only these relationship types (HAS_EVIDENCE: as for Evidence).")
@click.option("--since", metavar="DATE", help="Keep only what was seen on or after DATE.")
@click.option("--format", "fmt", type=click.Choice(list(export.FORMATS)),
              default="graphml", show_default=True,
              help="Export format (html: one interactive page, no network needed to open it).")
@click.option("-o", "--output", type=click.Path(), default=None,
              help="Output file (for csv: a directory). Default: standard output.")
@connection_options
def export_command(around: str | None, hops: int, report_name: str | None,
                   query_text: str | None, params: tuple[str, ...], labels: tuple[str, ...],
                   types: tuple[str, ...], since: str | None, fmt: str, output: str | None,
                   connection: Connection) -> None:
    """Export a subgraph through networkx as GraphML, GEXF, node-link JSON, neo4j-admin CSV or
    a Cypher script that recreates it. Output is sorted, so exports diff cleanly.

    \b
    iikg export --around 卡奥斯 --hops 2 --format gexf -o kaos.gexf
    iikg export --report agreements -p city=淄博 --format json -o agreements.json
    iikg export --query 'MATCH p=(:Platform)-[:EMPOWERS]->() RETURN p' --format cypher
    """
    label_list = reports.split_names(labels, sorted(export.EXPORT_LABELS), "label")
    type_list = reports.split_names(types, [*RELATION_TYPES, MENTIONS, export.HAS_EVIDENCE],
                                    "relationship type")
    values = reports.parse_params(params, json_values=bool(query_text))
    with connection.graph() as graph:
        sub = export.choose_subgraph(
            graph, around=around, hops=hops, report=report_name, params=values,
            query=query_text, labels=label_list, types=type_list, since=since,
        )
    title = f"{around} · {hops} 跳" if around else (report_name or "iikg 知识图谱")
    written = export.write(sub, fmt, Path(output) if output else None, title)
    where = ", ".join(str(p) for p in written) or "standard output"
    click.echo(f"exported {len(sub.nodes)} nodes and {len(sub.rels)} relationships "
               f"({fmt}) to {where}", err=True)
