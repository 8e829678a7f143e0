"""loaders.file_key: a key names a path, its bytes and the loading code; and the commands of
the CLI are each imported from the module main.lazy names."""

from __future__ import annotations

import importlib

import click

from graph.cli import main
from loaders import file_key as fk
from loaders.limits import Limits


def test_the_key_changes_with_the_bytes_the_path_or_the_loading() -> None:
    data = "星云科技在洛阳市建设平台。".encode()
    key = fk.file_key("a.txt", data)
    assert key == fk.file_key("a.txt", data)
    assert key.startswith(fk.path_tag("a.txt") + ":")
    assert fk.file_key("a.txt", data + b"\n") != key
    assert fk.file_key("b.txt", data) != key
    assert fk.file_key("a.txt", data, Limits(max_line_chars=10)) != key


def test_every_command_is_imported_from_the_module_named_for_it() -> None:
    for module in set(main.lazy.values()):
        importlib.import_module(module)
    ctx = click.Context(main)
    for name in main.list_commands(ctx):
        command = main.get_command(ctx, name)
        assert name in main.lazy, f"{name} is missing from graph.cli main.lazy"
        assert command is not None and command.callback is not None
        assert command.callback.__module__ == main.lazy[name], name
