"""`iikg ingest --bulk` (the first load of a corpus through neo4j-admin database import) and
`iikg bulk-finish DIR` (what follows an import run by hand on another server)."""

from __future__ import annotations

from pathlib import Path

import click

from graph.bulk import bulk_ingest
from graph.cli.app import Connection, connection_options, main
from graph.cli.resolve import decided_ingest
from graph.errors import UsageError
from graph.neo4j.bulk_load import finish
from loaders.paths import path_text

BULK_HELP = (
    "First load into an EMPTY database through `neo4j-admin database import full` (refused "
    "when the database holds anything). On the managed local server iikg stops it, imports, "
    "starts it and applies the schema; for another server it writes the files and prints the "
    "command to run there (then `iikg bulk-finish DIR`). The graph is the one a plain ingest "
    "writes.")
BULK_DIR_HELP = (
    "Where the import files go (an empty or new directory). Default: a temporary directory on "
    "the managed server (deleted after the load), else ./iikg-bulk.")


def run_bulk(paths: tuple[str, ...], connection: Connection, bulk_dir: str | None, jobs: int,
             progress: bool, resolutions: str | None) -> None:
    """`iikg ingest --bulk`: load, extract, write the files, import (managed server) or print
    the command (another server)."""
    extract, version = decided_ingest(resolutions)
    summary = bulk_ingest(paths, connection.settings(), directory=bulk_dir, jobs=jobs,
                          extract=extract, version=version, progress=progress)
    click.echo("\n".join(summary.lines()))
    if not summary.ingested:
        failed = len(summary.skipped)
        raise UsageError(
            f"nothing was ingested: all {failed} input(s) were skipped (listed above)"
            if failed else f"no article found in {', '.join(path_text(p) for p in paths)}")


@main.command("bulk-finish")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@connection_options
def bulk_finish_command(directory: str, connection: Connection) -> None:
    """After running the neo4j-admin command `iikg ingest --bulk` printed for another server
    (and starting the database again): apply the schema, set the list properties neo4j-admin
    cannot write (from DIRECTORY/lists.jsonl), link near-duplicate articles and count sources.
    """
    with connection.graph() as graph:
        done = finish(graph, Path(directory))
    click.echo(f"schema: {done.schema} statements; list properties set on {done.lists} node(s) "
               f"and {done.mention_lists} MENTIONS")
    if done.sources is not None:
        click.echo(done.sources.line())
