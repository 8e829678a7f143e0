"""The .cypher files as text: schema statements, write and read templates, fragments, and the
one function that fills their label and type placeholders from graph/model.py."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from graph.errors import CypherLibraryError
from graph.model import (
    ARTICLE_LABEL,
    EVIDENCE_LABEL,
    HAS_EVIDENCE,
    MENTIONS,
    NODE_LABELS,
    RELATION_TYPES,
)


def read_dir(folder: str) -> dict[str, str]:
    root = resources.files("cypher").joinpath(folder)
    files = {}
    for entry in root.iterdir():
        if entry.name.endswith(".cypher"):
            files[entry.name] = entry.read_text(encoding="utf-8")
    return dict(sorted(files.items()))


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
    for text in read_dir("schema").values():
        statements.extend(split_statements(text))
    return tuple(statements)


def template(folder: str, name: str) -> str:
    files = read_dir(folder)
    file = f"{name}.cypher"
    if file not in files:
        raise CypherLibraryError(f"no {folder} query {name!r} in cypher/{folder}/")
    return "\n".join(
        line for line in files[file].splitlines() if not line.strip().startswith("//")
    ).strip()


@cache
def write_query(name: str) -> str:
    """A write template from cypher/write/NAME.cypher (may hold whitelisted placeholders)."""
    return template("write", name)


@cache
def read_query(name: str) -> str:
    """A read template from cypher/read/NAME.cypher (may hold whitelisted placeholders)."""
    return template("read", name)


# The whitelists placeholders are filled from: every label and relationship type of the model.
LABEL_SLOTS = ("LABEL", "HEAD", "TAIL")
ALL_LABELS = frozenset(NODE_LABELS | {EVIDENCE_LABEL})
ALL_TYPES = frozenset({*RELATION_TYPES, MENTIONS, HAS_EVIDENCE})


def key_property(label: str) -> str:
    """The property that identifies a node of `label`: `id` for Article, else `name`."""
    return "id" if label == ARTICLE_LABEL else "name"


def render(template: str, **names: str) -> str:
    """Fill a template's placeholders (LABEL, HEAD, TAIL: labels; TYPE: a relationship type),
    only with names of graph/model.py; each label slot X also fills __X_KEY__ with its key
    property. Raises CypherLibraryError for any other name or slot."""
    text = template
    for slot, value in names.items():
        if slot == "TYPE":
            if value not in ALL_TYPES:
                raise CypherLibraryError(f"not a relationship type of the model: {value!r}")
        elif slot in LABEL_SLOTS:
            if value not in ALL_LABELS:
                raise CypherLibraryError(f"not a label of the model: {value!r}")
            text = text.replace(f"__{slot}_KEY__", key_property(value))
        else:
            raise CypherLibraryError(f"unknown placeholder __{slot}__")
        text = text.replace(f"__{slot}__", value)
    return text


@cache
def query(folder: str, name: str, **names: str) -> str:
    """cypher/FOLDER/NAME.cypher (folder `read` or `write`), rendered with `names`."""
    if folder not in ("read", "write"):
        raise CypherLibraryError(f"no query folder {folder!r}: use read or write")
    return render(template(folder, name), **names)


def statements(folder: str, name: str) -> list[str]:
    """The `;`-separated statements of cypher/FOLDER/NAME.cypher (no placeholders)."""
    return split_statements(template(folder, name))
