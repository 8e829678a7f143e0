"""One error root, one place in the CLI that turns it into a message."""

from __future__ import annotations

import inspect

import click
from click.testing import CliRunner

import cypher
from graph import errors
from graph.cli import main
from graph.cli.app import IikgGroup


def test_every_error_class_derives_from_the_root() -> None:
    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass)
               if c.__module__ == errors.__name__]
    assert len(classes) >= 12
    assert all(issubclass(c, errors.IikgError) for c in classes)
    assert cypher.CypherLibraryError is errors.CypherLibraryError


def test_an_expected_error_is_one_line_without_traceback() -> None:
    result = CliRunner().invoke(main, ["report", "no-such-report"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: no report named 'no-such-report'")
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)


def test_the_group_handles_errors_of_any_command() -> None:
    @click.group(cls=IikgGroup)
    def group() -> None:
        pass

    @group.command()
    def fails() -> None:
        raise errors.ExportError("cannot write that")

    @group.command()
    def bug() -> None:
        raise KeyError("a bug keeps its traceback")

    runner = CliRunner()
    result = runner.invoke(group, ["fails"])
    assert (result.exit_code, result.output) == (1, "Error: cannot write that\n")
    result = runner.invoke(group, ["bug"])
    assert isinstance(result.exception, KeyError)
