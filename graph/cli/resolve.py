"""`iikg resolve apply|candidates` (resolution decisions users own), `iikg dedup`
(near-duplicate articles and independent sources), and the `--resolutions` option of
extract, eval and ingest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from graph.candidates import decision_rows, find_candidates, nodes_from_rows
from graph.cli.app import Connection, connection_options, main
from loaders.extract.decisions import (
    DEFAULT_FILE,
    ENV_VAR,
    Decisions,
    default_path,
    load_decisions,
    write_decisions,
)

RESOLUTIONS_OPTION = click.option(
    "--resolutions", "resolutions", type=click.Path(dir_okay=False), default=None,
    help=f"Resolution decisions (CSV: action,name,label,target,target_label,note) applied to "
         f"every extraction. Default: ${ENV_VAR} (empty: none), else ./{DEFAULT_FILE} when it "
         "exists.",
)


def load_resolutions(path: str | None) -> Decisions | None:
    """The decisions of `path`, or of the default file; None when there is none."""
    target = Path(path) if path else default_path()
    if target is None:
        return None
    decisions = load_decisions(target)
    click.echo(f"resolution decisions: {target} ({len(decisions.rows)} row(s))", err=True)
    return decisions


def decided_extract(path: str | None, extract: Any) -> Any:
    """The `extract` function, with the decisions of `path` (or of the default file)."""
    decisions = load_resolutions(path)
    return decisions.wrap(extract) if decisions else extract


def decided_ingest(path: str | None) -> tuple[Any, str | None]:
    """(extract, extractor version) for `iikg ingest`: (None, None), the pipeline and its own
    version, without decisions; else the pipeline with the decisions applied (a picklable
    function, so the --jobs workers apply them too) and a version that includes their digest,
    so an article extracted under other decisions is extracted again."""
    decisions = load_resolutions(path)
    if not decisions:
        return None, None
    from graph.ingest import default_extract
    from loaders.extract.version import extractor_version

    return decisions.wrap(default_extract), extractor_version(decisions=decisions.digest())


@main.group("resolve")
def resolve_group() -> None:
    """Resolution decisions: which names are one entity, which are not.

    A decisions file is a CSV with the columns action,name,label,target,target_label,note;
    actions: merge (name into target), keep-apart (name and target), rename (name to target),
    relabel (name to target_label), ignore (name). `extract`, `eval` and `ingest` apply it
    with --resolutions (default ./resolutions.csv); `resolve apply` applies it to the graph.
    """


@resolve_group.command("apply")
@click.argument("file", type=click.Path(dir_okay=False))
@connection_options
def apply_command(file: str, connection: Connection) -> None:
    """Apply a decisions FILE to the stored graph: merged entities take the other's mentions,
    aliases, relationships and evidence, totals are recomputed, ignored ones are deleted.
    Applying the same file again changes nothing."""
    decisions = load_decisions(file)
    with connection.graph() as graph:
        result = graph.apply_decisions(decisions)
        sources = graph.refresh_sources()
    click.echo(f"{file}: {len(decisions.rows)} decision(s)")
    click.echo(result.line() if result.changed else "nothing to change: the graph already "
               "follows these decisions")
    click.echo(sources.line())


@resolve_group.command("candidates")
@click.option("--min-score", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="Leave out pairs scored below this.")
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True),
              help="Write the decisions CSV here (default: standard output).")
@RESOLUTIONS_OPTION
@connection_options
def candidates_command(min_score: float, out: str | None, resolutions: str | None,
                       connection: Connection) -> None:
    """List likely duplicate entities, best first, as a decisions CSV ready to edit (one
    merge row per pair, the reason in `note`, the score in `score`): the same name under two
    labels, a shared alias, one name inside the other with neighbours in common, a small edit
    distance. Pairs kept apart in the decisions file are left out. An entity proposed for
    several merges gets the best as `merge`, the others as `#merge` (a comment): edit, then
    `iikg resolve apply FILE`."""
    decisions = load_resolutions(resolutions)
    with connection.graph() as graph:
        nodes = nodes_from_rows(graph.entity_table())
    found = find_candidates(nodes, decisions, min_score)
    with click.open_file(out or "-", "w", encoding="utf-8") as handle:
        write_decisions(decision_rows(found), handle)
    click.echo(f"{len(found)} candidate pair(s) among {len(nodes)} entities"
               + (f", written to {out}" if out else ""), err=True)


@main.command("dedup")
@connection_options
def dedup_command(connection: Connection) -> None:
    """Link near-duplicate articles (MinHash over character shingles, estimated Jaccard 0.8
    or more) DUPLICATE_OF the first of their group, and count every relationship's `sources`:
    the distinct outlets of its non-duplicate articles. Ingest does this for what it wrote."""
    with connection.graph() as graph:
        result = graph.refresh_sources(full=True)
    click.echo(result.line())
