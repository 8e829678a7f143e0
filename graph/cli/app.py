"""The `iikg` group, the one place library errors become messages, and what commands share:
connection options (settings resolved once per command), progress and table output."""

from __future__ import annotations

import contextlib
import functools
import importlib
import logging
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import click

from graph import __version__
from graph.cli import args
from graph.errors import IikgError, redact
from graph.neo4j import Graph, Settings, connect, failures, resolve_settings
from graph.tables import format_rows


class IikgCommand(click.Command):
    """A command whose text arguments are checked before it runs (graph.cli.args: bytes that
    are not UTF-8 are refused, naming the option)."""

    def invoke(self, ctx: click.Context) -> Any:
        args.check_text_params(self, ctx)
        return super().invoke(ctx)


class IikgGroup(click.Group):
    """A group whose commands' expected errors (graph.errors.IikgError, and errors of the
    Neo4j driver, explained by graph.neo4j.failures) end as one line, `Error: <message>`, exit
    status 1, no traceback. Anything else is a bug and keeps its traceback."""

    command_class = IikgCommand
    group_class = type  # subgroups (iikg neo4j, iikg schema) are IikgGroups too
    # command name → the graph.cli module defining it, imported when the command is asked
    # for, so that one command's start-up does not import every other's (graph/cli/__init__.py)
    lazy: Mapping[str, str] = MappingProxyType({})

    def _import_all(self) -> None:
        for module in sorted(set(self.lazy.values())):
            importlib.import_module(module)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._import_all()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            importlib.import_module(self.lazy[cmd_name])
        if cmd_name not in self.commands:
            self._import_all()
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except IikgError as exc:
            raise click.ClickException(str(exc)) from exc
        except Exception as exc:
            problem = failures.explain(exc)
            if problem is None:
                raise
            raise click.ClickException(str(problem)) from exc


class _Redact(logging.Filter):
    """Log records leave with URL credentials (user:password@) redacted."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = redact(record.getMessage()), None
        return True


@click.group(cls=IikgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="iikg")
def main() -> None:
    """iikg: build and question a Neo4j knowledge graph of China's industrial internet."""
    for handler in (*logging.getLogger().handlers, logging.lastResort):
        if handler is not None and not any(isinstance(f, _Redact) for f in handler.filters):
            handler.addFilter(_Redact())


def progress(message: str) -> None:
    click.echo(message, err=True)


@dataclass(frozen=True)
class Connection:
    """The --uri/--user/--password/--database values of one command (None: not given)."""

    uri: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    database: str | None = None

    def settings(self, *, start_local: bool = True) -> Settings:
        """Resolved settings; starts the managed local server when no URI is configured."""
        return resolve_settings(self.uri, self.user, self.password, self.database,
                                start_local=start_local, progress=progress)

    @contextlib.contextmanager
    def graph(self) -> Iterator[Graph]:
        """A connected Graph for the configured (or managed local) server; its `settings`
        are the ones resolved here, once."""
        with connect(self.settings()) as graph:
            yield graph


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


FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
    show_default=True, help="Output format.",
)
PARAM_OPTION = click.option(
    "-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
    help="A parameter (repeatable).",
)


def print_rows(columns: list[str], rows: list[list[Any]], fmt: str) -> None:
    click.echo(format_rows(columns, rows, fmt), nl=False)
