"""Reading the .cypher files of the package (through importlib.resources, so they ship inside
the wheel): whole folders, templates with their `//` comment lines removed, scripts split into
statements, and the schema, write, read and fragment files by name."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from graph.errors import CypherLibraryError


def read_folder(folder: str) -> dict[str, str]:
    """File name → text of the .cypher files of cypher/FOLDER/, sorted by name."""
    root = resources.files("cypher").joinpath(folder)
    files = {}
    for entry in root.iterdir():
        if entry.name.endswith(".cypher"):
            files[entry.name] = entry.read_text(encoding="utf-8")
    return dict(sorted(files.items()))


def template(folder: str, name: str) -> str:
    """cypher/FOLDER/NAME.cypher without its `//` comment lines."""
    files = read_folder(folder)
    file = f"{name}.cypher"
    if file not in files:
        raise CypherLibraryError(f"no {folder} query {name!r} in cypher/{folder}/")
    return "\n".join(
        line for line in files[file].splitlines() if not line.strip().startswith("//")
    ).strip()


@cache
def fragment(name: str) -> str:
    """A fragment from cypher/fragments/NAME.cypher, comment lines removed."""
    return template("fragments", name)


def split_statements(text: str) -> list[str]:
    """Split a script on `;` at line ends, dropping comment-only and blank statements."""
    statements = []
    for chunk in re.split(r";\s*(?:\n|$)", text):
        code = "\n".join(
            line for line in chunk.splitlines() if not line.strip().startswith("//")
        ).strip()
        if code:
            statements.append(code)
    return statements


@cache
def schema_statements() -> tuple[str, ...]:
    """The schema statements (constraints and indexes), in file order."""
    statements: list[str] = []
    for text in read_folder("schema").values():
        statements.extend(split_statements(text))
    return tuple(statements)


@cache
def write_query(name: str) -> str:
    """A write template from cypher/write/NAME.cypher (may hold whitelisted placeholders)."""
    return template("write", name)


@cache
def read_query(name: str) -> str:
    """A read template from cypher/read/NAME.cypher (may hold whitelisted placeholders)."""
    return template("read", name)


def statements(folder: str, name: str) -> list[str]:
    """The `;`-separated statements of cypher/FOLDER/NAME.cypher (no placeholders)."""
    return split_statements(template(folder, name))
