"""The commands on the graph: ingest, schema apply, stats, demo."""

from __future__ import annotations

import click

import cypher
from graph import demo
from graph.cli.app import FORMAT_OPTION, Connection, connection_options, main, print_rows
from graph.cli.bulk import BULK_DIR_HELP, BULK_HELP, run_bulk
from graph.cli.resolve import RESOLUTIONS_OPTION, decided_ingest
from graph.errors import UsageError
from graph.ingest import ingest
from graph.ingest_flow import default_jobs
from loaders.paths import path_text


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--dry-run", is_flag=True,
              help="Load and extract only; show what would be written, write nothing.")
@click.option("--batch-size", type=click.IntRange(1), default=200, show_default=True,
              help="Articles per write transaction.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Progress bar on standard error.")
@click.option("--jobs", "-j", type=click.IntRange(1), default=default_jobs(), show_default=True,
              help="Worker processes extracting while one writer writes (default: the cores).")
@click.option("--scheduler", envvar="IIKG_DASK_SCHEDULER", show_envvar=True, metavar="ADDRESS",
              help="Extract on the workers of this Dask distributed scheduler "
                   "(tcp://HOST:PORT; needs pip install 'iikg[dask]'); this process still "
                   "loads, skips what the graph holds, and writes. --jobs is then unused.")
@click.option("--bulk", is_flag=True, help=BULK_HELP)
@click.option("--bulk-dir", type=click.Path(file_okay=False), default=None, help=BULK_DIR_HELP)
@RESOLUTIONS_OPTION
@connection_options
def ingest_command(paths: tuple[str, ...], dry_run: bool, batch_size: int, progress: bool,
                   jobs: int, scheduler: str | None, bulk: bool, bulk_dir: str | None,
                   resolutions: str | None,
                   connection: Connection) -> None:
    """Load articles (files, directories, globs, JSON Lines), extract entities and
    relationships, and write them to Neo4j, merged with what is there.

    Incremental by content: an article whose text and metadata were extracted before by the
    same extractor version (resolution decisions included) is skipped before extraction, so
    re-running on the same files changes nothing; the same text under several paths is one
    article holding all of them (a second copy in one run is listed as a duplicate and
    written once); an edited file replaces its own evidence. Files that cannot be read or
    extracted (and special files: FIFOs, sockets, devices) are skipped and listed with the
    reason. The --jobs workers apply the same resolution decisions. With --scheduler the
    workers of a Dask distributed cluster extract instead (they must run the same iikg); this
    process still loads the files, skips what the graph holds and writes. Near-duplicate articles
    are then linked and relationships' `sources` counted (iikg dedup). Exits with status 1
    when no article could be ingested.

    --bulk: the first load of a large corpus into an empty database, through neo4j-admin
    (see README "Bulk first load").
    """
    if bulk:
        if scheduler:
            raise UsageError("--bulk extracts on this machine (--jobs); it does not take "
                             "--scheduler")
        if dry_run:
            raise UsageError("--bulk and --dry-run do not go together (--dry-run writes nothing)")
        run_bulk(paths, connection, bulk_dir, jobs, progress, resolutions)
        return
    if bulk_dir:
        raise UsageError("--bulk-dir goes with --bulk")
    extract, version = decided_ingest(resolutions)
    if dry_run:
        summary = ingest(paths, dry_run=True, progress=progress, jobs=jobs, extract=extract,
                         version=version, scheduler=scheduler or None)
    else:
        with connection.graph() as graph:
            summary = ingest(paths, graph=graph, batch_size=batch_size, progress=progress,
                             jobs=jobs, extract=extract, version=version,
                             scheduler=scheduler or None)
    click.echo("\n".join(summary.lines()))
    if not summary.ingested:
        failed = len(summary.skipped)
        raise UsageError(
            f"nothing was ingested: all {failed} input(s) were skipped (listed above)"
            if failed else f"no article found in {', '.join(path_text(p) for p in paths)}"
        )


@main.group("schema")
def schema_group() -> None:
    """Constraints and indexes of the graph (cypher/schema)."""


@schema_group.command("apply")
@connection_options
def schema_apply(connection: Connection) -> None:
    """Create the constraints and indexes (IF NOT EXISTS) and upgrade a graph written by an
    older iikg (evidence lists on relationships → Evidence nodes). Ingest also does this first."""
    with connection.graph() as graph:
        statements = graph.apply_schema()
        upgraded = graph.upgrade_storage()
    click.echo(f"schema applied: {len(statements)} statements (constraints and indexes online)")
    if upgraded:
        click.echo(f"upgraded {upgraded} relationships: their evidence now lives in Evidence nodes")


@main.command("stats")
@FORMAT_OPTION
@connection_options
def stats_command(fmt: str, connection: Connection) -> None:
    """Count nodes per label and relationships per type."""
    with connection.graph() as graph:
        stats = graph.stats()
    rows = [["node", label, n] for label, n in stats["labels"].items()]
    rows += [["relationship", rtype, n] for rtype, n in stats["types"].items()]
    rows += [["total", "nodes", stats["nodes"]], ["total", "relationships", stats["relationships"]],
             ["total", "evidence sentences", stats["evidence"]]]
    print_rows(["kind", "name", "count"], rows, fmt)


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
    with connection.graph() as graph:
        summary = ingest([str(demo.sample_corpus())], graph=graph, progress=progress)
        click.echo("\n".join(summary.lines()))
        for name, params, heading in demo.DEMO_REPORTS:
            result = graph.run_report(cypher.get_report(name), params)
            click.echo(f"\n{heading}  (iikg report {name})")
            print_rows(result.columns, result.rows, "table")
        settings = graph.settings
    click.echo("\n" + demo.browser_hint(settings))
