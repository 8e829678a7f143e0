"""The `iikg` command line: a thin layer over the library.

Each command parses options, calls library functions and prints. Library errors become
click.ClickException here, at the edge.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import click

from graph import __version__, config, neo4j_local


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="iikg")
def main() -> None:
    """iikg: build and question a Neo4j knowledge graph of China's industrial internet."""


# --- shared connection options -------------------------------------------------------------


@dataclass(frozen=True)
class Connection:
    """The --uri/--user/--password/--database values of one command (None: not given)."""

    uri: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    database: str | None = None

    def settings(self, *, start_local: bool = True) -> config.Settings:
        """Resolved settings; starts the managed local server when no URI is configured."""
        try:
            return config.resolve_settings(
                self.uri,
                self.user,
                self.password,
                self.database,
                start_local=start_local,
                progress=_progress,
            )
        except (config.ConfigError, neo4j_local.Neo4jLocalError) as exc:
            raise click.ClickException(str(exc)) from exc

    @contextlib.contextmanager
    def driver(self) -> Iterator[Any]:
        """A connected neo4j.Driver for the configured (or managed local) server."""
        from graph import store

        settings = self.settings()
        try:
            driver = store.connect(settings)
        except store.StoreError as exc:
            raise click.ClickException(str(exc)) from exc
        with driver:
            yield driver


_CONNECTION_OPTIONS = (
    click.option(
        "--uri",
        envvar="NEO4J_URI",
        show_envvar=True,
        help="Neo4j URI (bolt://, neo4j://, neo4j+s://...). Default: the managed local server.",
    ),
    click.option("--user", envvar="NEO4J_USER", show_envvar=True, help="Neo4j user [neo4j]."),
    click.option("--password", envvar="NEO4J_PASSWORD", show_envvar=True, help="Neo4j password."),
    click.option(
        "--database",
        envvar="NEO4J_DATABASE",
        show_envvar=True,
        help="Database name. Default: the server's default database.",
    ),
)


def connection_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add the Neo4j connection options to a command; it receives them as ``connection``."""

    @functools.wraps(func)
    def wrapper(
        *args: Any,
        uri: str | None,
        user: str | None,
        password: str | None,
        database: str | None,
        **kwargs: Any,
    ) -> Any:
        connection = Connection(uri=uri, user=user, password=password, database=database)
        return func(*args, connection=connection, **kwargs)

    for option in reversed(_CONNECTION_OPTIONS):
        wrapper = option(wrapper)
    return wrapper


def _progress(message: str) -> None:
    click.echo(message, err=True)


# --- iikg neo4j ----------------------------------------------------------------------------


@main.group("neo4j")
def neo4j_group() -> None:
    """Run the managed local Neo4j server (assembled from Maven Central on first start).

    Settings: IIKG_CACHE_DIR (default ~/.cache/iikg), IIKG_NEO4J_BOLT_PORT (7687),
    IIKG_NEO4J_HTTP_PORT (7474), IIKG_NEO4J_HEAP (1g), IIKG_NEO4J_PAGECACHE (256m). The server
    listens on 127.0.0.1 only and runs without authentication.
    """


@neo4j_group.command("start")
@click.option("--timeout", default=180.0, show_default=True, help="Seconds to wait for Bolt.")
def neo4j_start(timeout: float) -> None:
    """Start the local server (assembling it first if needed) and wait until it answers."""
    try:
        server = neo4j_local.LocalServer.from_env()
        was_running = neo4j_local.running_pid(server) is not None
        neo4j_local.start(server, timeout=timeout, progress=_progress)
    except neo4j_local.Neo4jLocalError as exc:
        raise click.ClickException(str(exc)) from exc
    state = "already running" if was_running else "started"
    click.echo(f"Neo4j {server.version} {state}.")
    if os.environ.get("NEO4J_URI"):
        _progress(f"Note: NEO4J_URI is set, so other commands use {os.environ['NEO4J_URI']}.")
    click.echo(f"  Bolt:    {server.bolt_uri}  (no authentication)")
    click.echo(f"  Browser: {server.browser_connect_url}")


@neo4j_group.command("stop")
@click.option("--timeout", default=120.0, show_default=True, help="Seconds to wait before kill.")
def neo4j_stop(timeout: float) -> None:
    """Stop the local server cleanly."""
    try:
        server = neo4j_local.LocalServer.from_env()
        stopped = neo4j_local.stop(server, timeout=timeout)
    except neo4j_local.Neo4jLocalError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Neo4j {server.version} stopped." if stopped else "Neo4j was not running.")


@neo4j_group.command("status")
@connection_options
def neo4j_status(connection: Connection) -> None:
    """Report the local server, or the server that --uri / NEO4J_URI points to.

    Exits with status 1 when the server is not running or does not answer.
    """
    if connection.uri:
        from graph import store

        settings = connection.settings(start_local=False)
        try:
            with store.connect(settings) as driver:
                info = store.server_info(driver)
        except store.StoreError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"Neo4j {info.version} ({info.edition}) answers at {settings.uri}.")
        return
    try:
        state = neo4j_local.status()
    except neo4j_local.Neo4jLocalError as exc:
        raise click.ClickException(str(exc)) from exc
    server = state.server
    if not state.running:
        assembled = "assembled" if state.assembled else "not assembled yet"
        click.echo(f"Neo4j {server.version} is not running ({assembled}; home {server.home}).")
        click.echo("Start it with: iikg neo4j start")
        raise click.exceptions.Exit(1)
    if state.problem:
        click.echo(f"Neo4j process {state.pid} runs but does not answer: {state.problem}")
        click.echo(f"Log: {server.log_file}")
        raise click.exceptions.Exit(1)
    click.echo(f"Neo4j {state.version} ({state.edition}) is running (pid {state.pid}).")
    click.echo(f"  Bolt:    {server.bolt_uri}  (no authentication)")
    click.echo(f"  Browser: {server.browser_connect_url}")
    click.echo(f"  Home:    {server.home}")


# --- extraction and scoring ------------------------------------------------------------------


def _extractions(paths: tuple[str, ...], progress: bool) -> Iterator[Any]:
    """(article path, Extraction) for every loadable article; load and extraction errors are
    reported on stderr, counted, and skipped."""
    from loaders.errors import LoadError
    from loaders.extract.pipeline import extract
    from loaders.sources import LoadSummary, iter_articles

    summary = LoadSummary()
    failed = 0
    done = 0
    for item in iter_articles(paths, summary=summary):
        if isinstance(item, LoadError):
            click.echo(f"skipped {item.path}: {item.reason}", err=True)
            continue
        try:
            extraction = extract(item)
        except Exception as exc:  # one article's failure must not stop the corpus
            failed += 1
            click.echo(f"extraction failed for {item.path or item.id}: {exc!r}", err=True)
            continue
        done += 1
        if progress:
            click.echo(f"\rextracted {done} article(s)", nl=False, err=True)
        yield item.path, extraction
    if progress and done:
        click.echo(err=True)
    click.echo(f"{summary.read} article(s) read, {done} extracted, "
               f"{len(summary.skipped)} skipped, {failed} failed", err=True)


@main.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write JSON Lines here instead of standard output.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Report progress on standard error.")
def extract_command(paths: tuple[str, ...], output: str | None, progress: bool) -> None:
    """Extract entities and relationships from articles (files, directories, globs, JSON
    Lines corpora) and write one JSON object per article."""
    import json

    out = click.open_file(output or "-", "w", encoding="utf-8")
    with out:
        for _, extraction in _extractions(paths, progress):
            out.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")


@main.command("eval")
@click.option("--gold", "gold_dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="Directory of gold files: X.json scores the article X.txt.")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--misses", is_flag=True, help="Also list unmatched predictions and gold items.")
def eval_command(gold_dir: str, paths: tuple[str, ...], fmt: str, misses: bool) -> None:
    """Score the extraction of PATHS against a gold directory (graph-model.md scoring):
    per-label and per-type precision, recall and F1, with micro averages. A gold file whose
    article is among PATHS but did not load or extract counts as all misses, and is named."""
    import json

    from graph.evaluate import Evaluation, format_table, load_gold
    from loaders.extract.pipeline import extract
    from loaders.sources import iter_articles

    try:
        gold = load_gold(gold_dir)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    run = Evaluation(gold)
    for stem, one in run.run(iter_articles(paths), extract, lambda m: click.echo(m, err=True)):
        if misses:
            for kind, key, what in one.misses:
                click.echo(f"{stem}\t{kind}\t{key}\t{what}", err=True)
    if not run.gold_files:
        raise click.ClickException(
            f"no article in {', '.join(paths)} has a gold file in {gold_dir}")
    if fmt == "json":
        data = {"articles": len(run.scored), "gold_files": run.gold_files,
                "no_article": run.no_article, "no_input": run.no_input, **run.total.to_json()}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        without = (f", {len(run.no_article)} without one (all their gold items count as misses)"
                   if run.no_article else "")
        click.echo(f"{run.gold_files} gold file(s) scored against {gold_dir}: "
                   f"{len(run.scored)} with an extracted article{without}")
        for stem, reason in run.no_article.items():
            click.echo(f"  no article for {stem}: {reason}")
        if run.no_input:
            names = ", ".join(run.no_input[:5]) + (", …" if len(run.no_input) > 5 else "")
            click.echo(f"  not scored, no input file of that name: {len(run.no_input)} gold "
                       f"file(s) ({names})")
        click.echo()
        click.echo(format_table(run.total), nl=False)


# --- iikg browser ----------------------------------------------------------------------------


@main.command("browser")
@click.option("--uri", envvar="NEO4J_URI", show_envvar=True,
              help="The server whose Browser you use. Default: the managed local server.")
@click.option("--serve", is_flag=True,
              help="Serve the style and the guide on localhost until Ctrl-C, for a Browser "
                   "connected to another server (run it where your web browser runs).")
@click.option("--port", type=int, default=None,
              help="Port for --serve [IIKG_BROWSER_ASSETS_PORT or 7478].")
@click.option("--grass", is_flag=True,
              help="Print the stylesheet as one :style command to paste into the Browser.")
def browser_command(uri: str | None, serve: bool, port: int | None, grass: bool) -> None:
    """Show how to open Neo4j Browser with the iikg style and guide.

    The managed local server needs nothing: a new Browser connection loads both by itself.
    For another server, paste the printed :style and :play commands into its Browser while
    `iikg browser --serve` runs on your machine (the Browser allows guides from localhost).
    """
    import os

    from graph import browser
    from graph.browser import serve as assets

    if grass:
        click.echo(":style " + browser.asset_text(browser.STYLE_FILE))
        return
    port = port or int(os.environ.get("IIKG_BROWSER_ASSETS_PORT", assets.DEFAULT_PORT))
    if not uri:
        server = neo4j_local.LocalServer.from_env()
        running = neo4j_local.running_pid(server) is not None
        click.echo(f"Neo4j Browser: {server.browser_url}")
        if running and not serve:
            assets.ensure_running(server.home / "run")
            served = assets.running_port(server.home / "run")
            if served:
                click.echo("A new connection loads the iikg style and guide by itself; "
                           "to load them again, run in the Browser:")
                for command in browser.browser_commands(assets.asset_url(served)):
                    click.echo(f"  {command}")
                return
        if not running and not serve:
            click.echo("The local server is not running: start it with `iikg neo4j start`; "
                       "its Browser then loads the iikg style and guide by itself.")
            return
    else:
        click.echo(f"Neo4j Browser (usual address): {browser.browser_address(uri)}")
    url = assets.asset_url(port)
    click.echo("Run these in the Browser (the files are served by `iikg browser --serve`):")
    for command in browser.browser_commands(url):
        click.echo(f"  {command}")
    click.echo("Or paste the stylesheet alone: iikg browser --grass")
    if serve:
        click.echo(f"Serving the style and the guide at {url}/ (Ctrl-C stops).")
        try:
            assets.serve_forever(port)
        except OSError as exc:
            raise click.ClickException(f"cannot serve on 127.0.0.1:{port}: {exc}") from exc


# --- the graph: ingest, schema, stats, reports, queries, export ------------------------------

_FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
    show_default=True, help="Output format.",
)
_PARAM_OPTION = click.option(
    "-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
    help="A parameter (repeatable).",
)


def _library_errors() -> tuple[type[Exception], ...]:
    import cypher
    from graph import reports, store
    from graph.batch import BatchError
    from graph.subgraph import ExportError

    return (store.StoreError, cypher.CypherLibraryError, reports.UsageError, BatchError,
            ExportError)


@contextlib.contextmanager
def _clean_errors() -> Iterator[None]:
    """Library errors become one-line messages at the edge."""
    try:
        yield
    except _library_errors() as exc:
        raise click.ClickException(str(exc)) from exc


def _print_rows(columns: list[str], rows: list[list[Any]], fmt: str) -> None:
    from graph.tables import format_rows

    click.echo(format_rows(columns, rows, fmt), nl=False)


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--dry-run", is_flag=True,
              help="Load and extract only; show what would be written, write nothing.")
@click.option("--batch-size", type=click.IntRange(1), default=200, show_default=True,
              help="Articles per write transaction.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Progress bar on standard error.")
@connection_options
def ingest_command(paths: tuple[str, ...], dry_run: bool, batch_size: int, progress: bool,
                   connection: Connection) -> None:
    """Load articles (files, directories, globs, JSON Lines), extract entities and
    relationships, and write them to Neo4j, merged with what is there.

    Re-running on the same files changes nothing; an edited file replaces its own evidence.
    Files that cannot be read or extracted are skipped and listed with the reason.
    """
    from graph.ingest import ingest

    with _clean_errors():
        if dry_run:
            summary = ingest(paths, dry_run=True, progress=progress)
        else:
            with connection.driver() as driver:
                summary = ingest(paths, driver=driver, database=connection.settings().database,
                                 batch_size=batch_size, progress=progress)
    click.echo("\n".join(summary.lines()))


@main.group("schema")
def schema_group() -> None:
    """Constraints and indexes of the graph (cypher/schema)."""


@schema_group.command("apply")
@connection_options
def schema_apply(connection: Connection) -> None:
    """Create the constraints and indexes (IF NOT EXISTS) and upgrade a graph written by an
    older iikg (evidence lists on relationships → Evidence nodes). Ingest also does this first."""
    from graph import store

    with _clean_errors(), connection.driver() as driver:
        database = connection.settings().database
        statements = store.apply_schema(driver, database)
        upgraded = store.upgrade_storage(driver, database)
    click.echo(f"schema applied: {len(statements)} statements (constraints and indexes online)")
    if upgraded:
        click.echo(f"upgraded {upgraded} relationships: their evidence now lives in Evidence nodes")


@main.command("stats")
@_FORMAT_OPTION
@connection_options
def stats_command(fmt: str, connection: Connection) -> None:
    """Count nodes per label and relationships per type."""
    from graph import store

    with _clean_errors(), connection.driver() as driver:
        stats = store.stats(driver, connection.settings().database)
    rows = [["node", label, n] for label, n in stats["labels"].items()]
    rows += [["relationship", rtype, n] for rtype, n in stats["types"].items()]
    rows += [["total", "nodes", stats["nodes"]], ["total", "relationships", stats["relationships"]],
             ["total", "evidence sentences", stats["evidence"]]]
    _print_rows(["kind", "name", "count"], rows, fmt)


@main.command("reports")
def reports_command() -> None:
    """List the reports of the Cypher library with their descriptions and parameters."""
    from graph.reports import describe_reports

    click.echo(describe_reports(), nl=False)


@main.command("report")
@click.argument("name")
@_PARAM_OPTION
@_FORMAT_OPTION
@click.option("--plot", "plot_file", type=click.Path(dir_okay=False), default=None,
              help="Also draw the ranking as a bar chart (PNG, Chinese labels) in this file.")
@connection_options
def report_command(name: str, params: tuple[str, ...], fmt: str, plot_file: str | None,
                   connection: Connection) -> None:
    """Run the report NAME (see `iikg reports`), e.g.
    `iikg report agreements -p city=淄博 -p since=2022`,
    `iikg report platform-reach --plot platform-reach.png`."""
    import cypher
    from graph import reports, store

    with _clean_errors():
        report = cypher.get_report(name)
        raw = reports.parse_params(params)
        report.bind(raw)  # unknown or missing parameters fail before connecting
        with connection.driver() as driver:
            result = store.run_report(driver, report, raw, connection.settings().database)
    _print_rows(result.columns, result.rows, fmt)
    if plot_file:
        _plot_report(report, result.columns, result.rows, plot_file)


def _plot_report(report: Any, columns: list[str], rows: list[list[Any]], path: str) -> None:
    """Bar chart of a ranking report: bars named by its first text column, sized by its first
    numeric column."""
    from graph import charts

    records = [dict(zip(columns, row, strict=True)) for row in rows]
    title = f"{report.description_zh.split('：')[0]} ({report.name})"
    try:
        charts.plot_ranking(records, path, title=title)
    except charts.ChartError as exc:
        raise click.ClickException(f"cannot plot report {report.name!r}: {exc}") from exc
    click.echo(f"chart written to {path}", err=True)


@main.command("query")
@click.argument("cypher_text", metavar="CYPHER")
@_PARAM_OPTION
@_FORMAT_OPTION
@connection_options
def query_command(cypher_text: str, params: tuple[str, ...], fmt: str,
                  connection: Connection) -> None:
    """Run read-only Cypher (a write is refused and changes nothing). Parameters are
    `-p key=value`; values that parse as JSON (numbers, true, [..]) are used as such."""
    from graph import reports, store

    with _clean_errors():
        values = reports.parse_params(params, json_values=True)
        with connection.driver() as driver:
            result = store.run_query_readonly(driver, cypher_text, values,
                                              connection.settings().database)
    _print_rows(result.columns, result.rows, fmt)


@main.command("export")
@click.option("--around", metavar="NAME", help="Entities within --hops of this name or alias.")
@click.option("--hops", type=int, default=1, show_default=True, help="Hops for --around (0-6).")
@click.option("--report", "report_name", metavar="NAME",
              help="What a report's rows name (its entities and the relationships among them).")
@click.option("--query", "query_text", metavar="CYPHER",
              help="What a read-only query returns (nodes, relationships, paths) or names.")
@_PARAM_OPTION
@click.option("--labels", multiple=True,
              help="Keep only these labels (comma-separated). Evidence adds the Evidence nodes "
                   "of the exported relationships (their evidence is always on the edges).")
@click.option("--types", multiple=True,
              help="Keep only these relationship types (HAS_EVIDENCE: as for Evidence).")
@click.option("--since", metavar="DATE", help="Keep only what was seen on or after DATE.")
@click.option("--format", "fmt",
              type=click.Choice(["graphml", "gexf", "json", "csv", "cypher", "html"]),
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
    from pathlib import Path

    from graph import reports
    from graph import subgraph as sg
    from graph.model import MENTIONS, RELATION_TYPES

    with _clean_errors():
        label_list = reports.split_names(labels, sorted(sg.EXPORT_LABELS), "label")
        type_list = reports.split_names(types, [*RELATION_TYPES, MENTIONS, sg.HAS_EVIDENCE],
                                        "relationship type")
        values = reports.parse_params(params, json_values=bool(query_text))
        with connection.driver() as driver:
            sub = reports.choose_subgraph(
                driver, around=around, hops=hops, report=report_name, params=values,
                query=query_text, labels=label_list, types=type_list, since=since,
                database=connection.settings().database,
            )
        if fmt == "html":
            title = f"{around} · {hops} 跳" if around else (report_name or "iikg 知识图谱")
            written = _write_html_view(sg.to_networkx(sub), output, title)
        else:
            written = sg.write(sub, fmt, Path(output) if output else None)
    where = ", ".join(str(p) for p in written) or "standard output"
    click.echo(f"exported {len(sub.nodes)} nodes and {len(sub.rels)} relationships "
               f"({fmt}) to {where}", err=True)


def _write_html_view(graph: Any, output: str | None, title: str) -> list[Any]:
    """The HTML view of an export (graph/html_view.py), to `output` or standard output."""
    from graph import html_view

    if output:
        return [html_view.write_html(graph, output, title)]
    click.echo(html_view.render_html(graph, title), nl=False)
    return []


@main.command("demo")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Progress bar on standard error.")
@connection_options
def demo_command(progress: bool, connection: Connection) -> None:
    """Build the graph of the bundled sample corpus and show what it answers.

    Starts the managed local Neo4j when no NEO4J_URI is configured, ingests seeds/articles
    (idempotent: running it again changes nothing), prints two reports and the address of
    Neo4j Browser.
    """
    import cypher
    from graph import demo, store
    from graph.ingest import ingest

    with _clean_errors():
        settings = connection.settings()
        with connection.driver() as driver:
            summary = ingest([str(demo.sample_corpus())], driver=driver,
                             database=settings.database, progress=progress)
            click.echo("\n".join(summary.lines()))
            for name, params, heading in demo.DEMO_REPORTS:
                report = cypher.get_report(name)
                result = store.run_report(driver, report, params, settings.database)
                click.echo(f"\n{heading}  (iikg report {name})")
                _print_rows(result.columns, result.rows, "table")
    click.echo("\n" + demo.browser_hint(settings))
