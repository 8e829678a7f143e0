"""Checks of command-line text before a command runs.

The shell hands over bytes; Python turns those that are not UTF-8 into lone surrogates
(surrogateescape), which no Neo4j query and no output can carry. A name, a parameter or a query
must be UTF-8 text, so such an argument is refused with the option it was given to. File paths
are the exception: a file named in another encoding is still a file to read (loaders.paths).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

import click

from graph.errors import UsageError

PATH_PARAMS = frozenset({"paths"})  # arguments that name files, not text
_SURROGATE = re.compile("[\ud800-\udfff]")


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _texts(item)


def check_text_params(command: click.Command, ctx: click.Context) -> None:
    """Raise UsageError naming the option when a text argument holds bytes that are not
    UTF-8."""
    for param in command.params:
        if param.name in PATH_PARAMS or isinstance(param.type, click.Path):
            continue
        for text in _texts(ctx.params.get(param.name or "")):
            bad = _SURROGATE.search(text)
            if bad is None:
                continue
            shown = os.fsencode(text).decode("utf-8", "backslashreplace")
            byte = ord(bad.group()) - 0xDC00
            what = f"byte 0x{byte:02x}" if 0 <= byte < 0x100 else "a lone surrogate"
            raise UsageError(
                f"{param.get_error_hint(ctx)}: '{shown}' is not UTF-8 text ({what}); "
                "names, parameters and queries must be UTF-8"
            )
