"""The commands for analysts who come back: ask (a question in Chinese), changes (what is new),
remove (take articles back out)."""

from __future__ import annotations

import sys

import click

from graph import retract
from graph.ask import answer
from graph.cli.app import FORMAT_OPTION, Connection, connection_options, main, print_rows
from graph.model import ENTITY_LABELS, RELATION_TYPES


class _AskCommand(click.Command):
    """`iikg ask --help` ends with the example questions of the report library."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        examples = answer.example_questions()
        with formatter.section("Example questions (report)"):
            formatter.write_dl([(q, name) for name, q in examples])


@main.command("ask", cls=_AskCommand)
@click.argument("question")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True,
              help='text: how the question was understood, the rows and their evidence; '
                   'json: exactly {"report", "params", "rows"}.')
@connection_options
def ask_command(question: str, fmt: str, connection: Connection) -> None:
    """Ask a question in Chinese; it is answered by the report it asks for, with evidence.

    Names are looked up among the graph's names and aliases (淄博 → 淄博市, 工信部 →
    工业和信息化部); dates (2022年以来, 去年, 最近三个月) and limits (前十) become parameters.
    The answer starts with how the question was understood (report and parameters). A question
    that fits no report, or two equally well, is not answered: the three closest reports are
    shown with an example question each, and the exit status is 1.
    """
    with connection.graph() as graph:
        outcome = answer.ask(graph, question)
    click.echo(answer.to_json(outcome) if fmt == "json" else answer.to_text(outcome), nl=False)
    if isinstance(outcome, answer.Unroutable):
        if fmt == "json":
            click.echo(answer.unroutable_text(outcome), err=True, nl=False)
        sys.exit(1)


@main.command("changes")
@click.option("--since", required=True, metavar="DATE",
              help="Start of the window: a date or a date-time (2026-12-01, 2026-12-01T09:30:00; "
                   "UTC unless a zone is given).")
@click.option("--until", metavar="DATE", help="End of the window (included).")
@click.option("--by", type=click.Choice(list(retract.BY)), default="ingested", show_default=True,
              help="ingested: when articles were ingested; published: the articles' dates.")
@click.option("--label", type=click.Choice(ENTITY_LABELS), help="Only entities of this label "
              "(and relationships with an end of it).")
@click.option("--type", "rtype", type=click.Choice(RELATION_TYPES),
              help="Only relationships of this type (no entities).")
@click.option("--limit", type=click.IntRange(0), default=None, help="Maximum rows [200].")
@FORMAT_OPTION
@connection_options
def changes_command(since: str, until: str | None, by: str, label: str | None,
                    rtype: str | None, limit: int | None, fmt: str,
                    connection: Connection) -> None:
    """What is new in a window: entities and relationships that first appeared, and existing
    relationships that gained evidence, with counts and one sentence each (the report
    whats-new).

    \b
    iikg changes --since 2026-12-01
    iikg changes --since 2022 --until 2022 --by published --type SIGNED_WITH
    """
    with connection.graph() as graph:
        result = retract.changes(graph, since, until=until, by=by, label=label, rtype=rtype,
                                 limit=limit)
    print_rows(result.columns, result.rows, fmt)


@main.command("remove")
@click.argument("items", nargs=-1, metavar="PATH|ID...")
@click.option("--source", metavar="NAME", help="Only articles of this source.")
@click.option("--before", metavar="DATE", help="Only articles published before DATE.")
@click.option("--dry-run", is_flag=True, help="Show what would be removed; change nothing.")
@connection_options
def remove_command(items: tuple[str, ...], source: str | None, before: str | None,
                   dry_run: bool, connection: Connection) -> None:
    """Remove articles (by path as ingested, directory, or id) with their evidence and
    mentions; recompute the totals they touched and delete what is left with nothing.

    The graph afterwards is the one a fresh ingest of the remaining articles gives. With
    --source or --before alone, every article of that source or date is removed.

    \b
    iikg remove news/2026-12-01/withdrawn.md
    iikg remove --source 某某日报 --before 2020-01-01 --dry-run
    """
    with connection.graph() as graph:
        removal = retract.remove(graph, items, source=source, before=before, dry_run=dry_run)
    click.echo("\n".join(removal.lines()))
