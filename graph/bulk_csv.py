"""The files of a bulk load: CSV in the form `neo4j-admin database import full` reads.

``AdminFiles`` writes nodes and relationships as they come, each into a file whose header
types every property exactly as the Cypher writes would store it (a Python int is a `long`, a
float a `double`, a list of strings a `string[]` …): a row whose property has another type
than a file's column, or that brings a property a file lacks, goes to another file with its
own header, so no value changes type on the way and no row is shorter than its header.
Strings are always quoted (an empty string stays an empty string; an empty field is "no
property"); list elements are joined by U+001F. A list neo4j-admin cannot write (an empty
one, or one empty string, both read back as "no property") is left out of the row and kept
in ``lists.jsonl`` (label, key, properties), set after the import (graph/neo4j/bulk_load.py).
``IMPORT.sh`` holds the neo4j-admin command, run in the directory of the files.
"""

from __future__ import annotations

import json
import math
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from graph.errors import BatchError

ARRAY_DELIMITER = "\x1f"
LISTS_FILE = "lists.jsonl"  # the lists set after the import
COMMAND_FILE = "IMPORT.sh"
_TYPES = {str: "string", bool: "boolean", int: "long", float: "double"}

Signature = tuple[Any, ...]


def csv_type(value: Any) -> str | None:
    """The neo4j-admin type of a property value; None for a list the CSV cannot carry."""
    if isinstance(value, list | tuple):
        if not value or list(value) == [""]:
            return None
        inner = {_TYPES.get(type(v)) for v in value}
        if len(inner) != 1 or None in inner:
            raise BatchError(f"a list of mixed or unsupported values cannot be stored: {value!r}")
        return f"{inner.pop()}[]"
    kind = _TYPES.get(type(value))
    if kind is None:
        raise BatchError(f"a value of type {type(value).__name__} cannot be stored: {value!r}")
    return kind


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, float):
        return repr(value)
    return str(value)


def cell(value: Any) -> str:
    """One CSV field: strings and lists quoted (quotes doubled), numbers and booleans bare."""
    if isinstance(value, list | tuple):
        parts = [v if isinstance(v, str) else _scalar(v) for v in value]
        if any(ARRAY_DELIMITER in p for p in parts):
            raise BatchError(f"a list element holds U+001F, the array delimiter: {value!r}")
        text = ARRAY_DELIMITER.join(parts)
    elif isinstance(value, str):
        text = value
    else:
        return _scalar(value)
    return '"' + text.replace('"', '""') + '"'


@dataclass
class _File:
    """One file: its header (the id columns, then the properties), then full rows (a missing
    property is an empty field: no property)."""

    name: str
    kind: str  # "nodes" or "relationships"
    spec: str  # labels (Company:Entity) or the relationship type
    columns: dict[str, str]  # property → type, in header order
    handle: TextIO
    rows: int = 0
    multiline: bool = False

    def fits(self, typed: list[tuple[str, str]]) -> bool:
        return all(self.columns.get(key) == kind for key, kind in typed)

    def agrees(self, typed: list[tuple[str, str]]) -> bool:
        return all(self.columns.get(key, kind) == kind for key, kind in typed)


@dataclass
class AdminFiles:
    """CSV files for neo4j-admin in `directory` (created; must hold no files of another load)."""

    directory: Path
    nodes: int = 0
    relationships: int = 0
    by_spec: dict[str, int] = field(default_factory=dict)  # label or type → count
    # (kind, spec, id spaces) → its files: a row goes to the first whose columns hold all of
    # its properties with the same types (a missing one is an empty field: no property)
    _files: dict[Signature, list[_File]] = field(default_factory=dict)
    _evidence_ids: int = 0
    _lists: TextIO | None = None

    def __post_init__(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        self._lists = open(self.directory / LISTS_FILE, "w", encoding="utf-8")  # noqa: SIM115

    def _file(self, signature: Signature, kind: str, spec: str, first: list[str],
              typed: list[tuple[str, str]]) -> _File:
        """The first file of `signature` with a column of the same type for each property;
        else a new one, with the columns of the last one that agrees on the types and these.
        (Rows are never shorter than their header: neo4j-admin misreads some short rows.)"""
        files = self._files.setdefault(signature, [])
        found = next((f for f in files if f.fits(typed)), None)
        if found is not None:
            return found
        base = next((f for f in reversed(files) if f.agrees(typed)), None)
        columns = dict(base.columns) if base is not None else {}
        for key, kind_ in typed:
            columns.setdefault(key, kind_)
        count = sum(f.spec == spec for f in self._all())
        name = f"{kind}-{spec.replace(':', '-')}-{count + 1}.csv"
        handle = open(self.directory / name, "w", encoding="utf-8", newline="")  # noqa: SIM115
        handle.write(",".join([*first, *(f"{k}:{t}" for k, t in columns.items())]) + "\n")
        found = _File(name, kind, spec, columns, handle)
        files.append(found)
        return found

    def _write(self, out: _File, ids: list[str], props: dict[str, Any]) -> None:
        cells = [cell(i) for i in ids]
        cells += [cell(props[k]) if props.get(k) is not None else "" for k in out.columns]
        line = ",".join(cells)
        out.multiline = out.multiline or "\n" in line or "\r" in line
        out.handle.write(line + "\n")
        out.rows += 1
        self.by_spec[out.spec] = self.by_spec.get(out.spec, 0) + 1

    @staticmethod
    def _typed(props: dict[str, Any]) -> tuple[list[tuple[str, str]], dict[str, Any]]:
        """(name, type) of the properties the CSV carries, and those it cannot (lists)."""
        typed, left = [], {}
        for key in sorted(props):
            value = props[key]
            if value is None:
                continue
            kind = csv_type(value)
            if kind is None:
                left[key] = list(value)
            else:
                typed.append((key, kind))
        return typed, left

    def node(self, labels: tuple[str, ...], group: str, key_prop: str | None, key: str | None,
             props: dict[str, Any]) -> str:
        """Write one node of `labels`; its import id is `key` in the id space `group`
        (stored as the property `key_prop`), or a new number when `key_prop` is None.
        Returns the import id."""
        if key_prop is None:
            self._evidence_ids += 1
            key = str(self._evidence_ids)
        assert key is not None
        typed, left = self._typed({k: v for k, v in props.items() if k != key_prop})
        spec = ":".join(labels)
        out = self._file(("n", spec, group, key_prop), "nodes", spec,
                         [f"{key_prop or ''}:ID({group})"], typed)
        self._write(out, [key], {k: v for k, v in props.items() if k not in left})
        self.nodes += 1
        if left:
            if key_prop is None:
                raise BatchError(f"{spec} nodes cannot hold an empty list ({', '.join(left)})")
            assert self._lists is not None
            row = {"label": labels[0], "key": key, "props": left}
            self._lists.write(json.dumps(row, ensure_ascii=False) + "\n")
        return key

    def relationship(self, rtype: str, start: tuple[str, str], end: tuple[str, str],
                     props: dict[str, Any], fill: frozenset[str] = frozenset()) -> None:
        """Write one relationship from `start` to `end`, each (id space, import id). A list
        property the CSV cannot carry must be among `fill` (set to an empty list on every
        relationship of the type after the import, by a statement of its own)."""
        typed, left = self._typed(props)
        if set(left) - fill or any(left[k] for k in left):
            raise BatchError(f"{rtype} relationships cannot hold {left!r} in a bulk load")
        out = self._file(("r", rtype, start[0], end[0]), "relationships", rtype,
                         [f":START_ID({start[0]})", f":END_ID({end[0]})"], typed)
        self._write(out, [start[1], end[1]], {k: v for k, v in props.items() if k not in left})
        self.relationships += 1

    def _all(self) -> list[_File]:
        return [f for group in self._files.values() for f in group]

    def close(self) -> None:
        for out in self._all():
            out.handle.close()
        if self._lists is not None:
            self._lists.close()

    def import_args(self, database: str) -> list[str]:
        """The arguments of `neo4j-admin` that import these files (relative to their
        directory) into `database`, replacing what it holds."""
        args = ["database", "import", "full", database, "--overwrite-destination=true",
                "--array-delimiter=U+001F"]
        if any(f.multiline for f in self._all()):
            args.append("--multiline-fields=true")
        for out in sorted(self._all(), key=lambda f: (f.kind, f.name)):
            args.append(f"--{out.kind}={out.spec}={out.name}")
        return args

    def write_command(self, database: str) -> str:
        """Write IMPORT.sh (the neo4j-admin command, run in this directory); return its text."""
        command = shlex.join(["neo4j-admin", *self.import_args(database)])
        text = f"#!/bin/sh\n# Stop the database first; then, in this directory:\n{command}\n"
        (self.directory / COMMAND_FILE).write_text(text, encoding="utf-8")
        return command


def read_lists(directory: Path) -> dict[str, list[dict[str, Any]]]:
    """The lists to set after the import, by label: rows {key, props}."""
    by_label: dict[str, list[dict[str, Any]]] = {}
    path = directory / LISTS_FILE
    if not path.is_file():
        return by_label
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            by_label.setdefault(row["label"], []).append({"key": row["key"], "props": row["props"]})
    return by_label
