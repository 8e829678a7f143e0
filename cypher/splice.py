"""Splicing into Cypher text: a fragment in place of an `// include:` line of a report
(`include`), and the names of graph/model.py in place of a template's placeholders (`render`,
`query`). Only whitelisted names are spliced: Cypher cannot take labels or relationship types
as parameters."""

from __future__ import annotations

import re
from functools import cache

from cypher.files import fragment, template
from graph.errors import CypherLibraryError
from graph.model import (
    ARTICLE_LABEL,
    DUPLICATE_OF,
    EVIDENCE_LABEL,
    HAS_EVIDENCE,
    MENTIONS,
    NODE_LABELS,
    RELATION_TYPES,
)

_INCLUDE_RE = re.compile(
    r"^(?P<indent>\s*)//\s*include:\s*(?P<name>[a-z][a-z0-9-]*)\((?P<args>.*)\)\s*$"
)
_ARG_VALUE_RE = re.compile(r"^\$?[A-Za-z_][A-Za-z0-9_]*$")


def include(line: str, where: str = "") -> list[str] | None:
    """The lines an `// include: NAME(arg=value, ...)` line stands for, or None for any other
    line. Each `__arg__` of the fragment is replaced by its value."""
    match = _INCLUDE_RE.match(line)
    if not match:
        return None
    args: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in match["args"].split(","))):
        key, sep, value = (x.strip() for x in part.partition("="))
        if not sep or not _ARG_VALUE_RE.match(value):
            raise CypherLibraryError(f"{where}: bad include argument {part!r}")
        args[key] = value
    text = fragment(match["name"])
    for key, value in args.items():
        if f"__{key}__" not in text:
            raise CypherLibraryError(f"{where}: fragment {match['name']!r} takes no {key!r}")
        text = text.replace(f"__{key}__", value)
    left = re.findall(r"__([a-z]+)__", text)
    if left:
        raise CypherLibraryError(f"{where}: include {match['name']!r} lacks {', '.join(left)}")
    return [match["indent"] + fragment_line for fragment_line in text.splitlines()]


# The whitelists placeholders are filled from: every label and relationship type of the model.
LABEL_SLOTS = ("LABEL", "HEAD", "TAIL")
ALL_LABELS = frozenset(NODE_LABELS | {EVIDENCE_LABEL})
ALL_TYPES = frozenset({*RELATION_TYPES, MENTIONS, HAS_EVIDENCE, DUPLICATE_OF})


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
