"""Resolution decisions a user owns: a CSV file read once, applied to every extraction.

Columns (header required, order free): ``action,name,label,target,target_label,note`` (and an
optional ``score``, written by ``iikg resolve candidates``). Actions:

- ``merge``: the entity ``name`` (of ``label``, or of any label when empty) is the entity
  ``target`` (of ``target_label``, default its own label); ``name`` becomes an alias;
- ``rename``: the entity's canonical name becomes ``target`` (same label), the old one an alias;
- ``relabel``: the entity ``name`` gets the label ``target_label``;
- ``ignore``: the entity ``name`` and its relationships are dropped;
- ``keep-apart``: ``name`` and ``target`` are different things: neither is kept as an alias of
  the other, and no merge in the file may join them.

Empty lines and lines whose action starts with ``#`` are skipped. A bad row raises
ResolutionError naming the file, the line and the reason. Relationships whose ends no longer fit
the schema after a relabel, or that would join an entity to itself, are dropped.
"""

from __future__ import annotations

import csv
import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from graph.errors import ResolutionError
from graph.model import ENTITY_LABELS, SCHEMA, Entity, Extraction, Quantity, Relation

ACTIONS = ("merge", "keep-apart", "rename", "relabel", "ignore")
COLUMNS = ("action", "name", "label", "target", "target_label", "note")
_OPTIONAL = frozenset({"label", "target", "target_label", "note", "score"})
DEFAULT_FILE = "resolutions.csv"
ENV_VAR = "IIKG_RESOLUTIONS"

Key = tuple[str | None, str]  # (label or None for any label, name)


def default_path(cwd: Path | None = None) -> Path | None:
    """The decisions file used when none is given: $IIKG_RESOLUTIONS (empty: none), else
    ./resolutions.csv when it exists."""
    env = os.environ.get(ENV_VAR)
    if env is not None:
        return Path(env) if env.strip() else None
    path = (cwd or Path.cwd()) / DEFAULT_FILE
    return path if path.is_file() else None


@dataclass(frozen=True)
class Decision:
    action: str
    name: str
    label: str | None
    target: str
    target_label: str | None
    note: str
    line: int


@dataclass
class Decisions:
    """The decisions of one file, checked, ready to apply."""

    path: str
    rows: list[Decision] = field(default_factory=list)
    moves: dict[Key, Decision] = field(default_factory=dict)
    ignored: dict[Key, Decision] = field(default_factory=dict)
    apart: set[frozenset[str]] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.rows)

    def _find(self, table: dict[Key, Decision], label: str, name: str) -> Decision | None:
        return table.get((label, name)) or table.get((None, name))

    def resolve(self, label: str, name: str) -> tuple[str, str] | None:
        """Where the entity (label, name) ends up: its (label, name) after every move, or None
        when it is ignored."""
        seen: list[Decision] = []
        while True:
            if self._find(self.ignored, label, name):
                return None
            move = self._find(self.moves, label, name)
            if move is None:
                return label, name
            moved = (move.target_label or label, move.target or name)
            if moved == (label, name):  # a relabel of any label, met again under its new one
                return moved
            if move in seen:
                lines = ", ".join(str(d.line) for d in seen)
                raise ResolutionError(f"{self.path}: lines {lines}: the decisions form a cycle")
            seen.append(move)
            label, name = moved

    def kept_apart(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.apart

    def apply(self, extraction: Extraction) -> Extraction:
        """The extraction with every decision applied (see the module docstring)."""
        if not self:
            return extraction
        dest: dict[tuple[str, str], tuple[str, str] | None] = {}
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for e in extraction.entities:
            to = dest[(e.label, e.name)] = self.resolve(e.label, e.name)
            if to is None:
                continue
            slot = merged.setdefault(to, {"mentions": 0, "aliases": set(), "props": {}})
            slot["mentions"] += e.mentions
            slot["aliases"].update({e.name, *e.aliases})
            if e.label == to[0]:
                slot["props"] = {**e.properties, **slot["props"]}
        entities = []
        for (label, name), slot in merged.items():
            aliases = {a for a in slot["aliases"] if a != name and not self.kept_apart(a, name)}
            entities.append(Entity(label, name, tuple(sorted(aliases)), slot["mentions"],
                                   slot["props"]))
        relations = []
        for r in extraction.relations:
            relation = self._relation(r, dest)
            if relation is not None:
                relations.append(relation)
        quantities = tuple(_requalified(q, dest) for q in extraction.quantities)
        return Extraction(extraction.article, tuple(entities), tuple(relations), quantities)

    def wrap(self, extract: Callable[[Any], Extraction]) -> Callable[[Any], Extraction]:
        """An extract function whose extractions have the decisions applied (picklable when
        `extract` is a module-level function, so `ingest --jobs N` workers can run it)."""
        return Decided(self, extract)

    def digest(self) -> str:
        """A hash of the decisions (not of the file's path): part of the extractor version, so
        an ingest re-extracts what was extracted under other decisions."""
        rows = "\n".join(repr((d.action, d.name, d.label, d.target, d.target_label))
                         for d in self.rows)
        return hashlib.blake2b(rows.encode("utf-8"), digest_size=6).hexdigest()

    def _relation(self, r: Relation, dest: dict) -> Relation | None:
        head = dest.get((r.head_label, r.head), ...)
        tail = dest.get((r.tail_label, r.tail), ...)
        head = self.resolve(r.head_label, r.head) if head is ... else head
        tail = self.resolve(r.tail_label, r.tail) if tail is ... else tail
        if head is None or tail is None or head == tail:
            return None
        if not SCHEMA[r.type].allows(head[0], tail[0]):
            return None
        return replace(r, head_label=head[0], head=head[1], tail_label=tail[0], tail=tail[1])


def _error(path: str, line: int, reason: str) -> ResolutionError:
    return ResolutionError(f"{path}: line {line}: {reason}")


def _label(value: str, column: str, path: str, line: int) -> str | None:
    if not value:
        return None
    if value not in ENTITY_LABELS:
        allowed = ", ".join(ENTITY_LABELS)
        raise _error(path, line, f"{column} {value!r} is not a label (one of {allowed})")
    return value


def _check(d: Decision, path: str) -> None:
    need_target = d.action in ("merge", "rename", "keep-apart")
    if need_target and not d.target:
        raise _error(path, d.line, f"{d.action} needs a target")
    if d.action == "rename" and d.target_label not in (None, d.label):
        raise _error(path, d.line, "rename keeps the label; use merge to change both")
    if d.action == "relabel":
        if d.target_label is None:
            raise _error(path, d.line, "relabel needs a target_label")
        if d.target not in ("", d.name):
            raise _error(path, d.line, "relabel keeps the name; use merge to change both")
    if d.action == "ignore" and (d.target or d.target_label):
        raise _error(path, d.line, "ignore takes no target")
    if d.action in ("merge", "rename") and d.target == d.name and d.target_label in (None,
                                                                                     d.label):
        raise _error(path, d.line, f"{d.action} of {d.name!r} into itself")


def parse_decisions(rows: Iterable[dict[str, str]], path: str, first_line: int = 2) -> Decisions:
    """Decisions from CSV rows (dicts of the columns); `first_line` is the line of the first."""
    out = Decisions(path)
    for number, raw in enumerate(rows, first_line):
        line = int(raw.get("__line__") or number)
        row = {k: (v or "").strip() for k, v in raw.items() if k not in (None, "__line__")}
        if None in raw:
            raise _error(path, line, "more fields than the header has columns")
        action = row.get("action", "").lower()
        if not any(row.values()) or action.startswith("#"):
            continue
        if action not in ACTIONS:
            raise _error(path, line, f"unknown action {action!r} (one of {', '.join(ACTIONS)})")
        if not row.get("name"):
            raise _error(path, line, "the name is empty")
        d = Decision(action, row["name"], _label(row.get("label", ""), "label", path, line),
                     row.get("target", ""),
                     _label(row.get("target_label", ""), "target_label", path, line),
                     row.get("note", ""), line)
        _check(d, path)
        out.rows.append(d)
        key = (d.label, d.name)
        if d.action == "keep-apart":
            out.apart.add(frozenset((d.name, d.target)))
            continue
        table = out.ignored if d.action == "ignore" else out.moves
        other = out.moves.get(key) or out.ignored.get(key)
        if other is not None and other != d:
            raise _error(path, line, f"{d.name!r} already has a decision on line {other.line}")
        if d.action in ("merge", "rename", "relabel"):
            table[key] = replace(d, target=d.target or d.name)
        else:
            table[key] = d
    _check_conflicts(out)
    return out


def _check_conflicts(decisions: Decisions) -> None:
    """A merge that joins two names kept apart, or a chain of moves in a cycle, is refused."""
    for d in decisions.moves.values():
        for label in (d.label,) if d.label else ENTITY_LABELS:
            end = decisions.resolve(label, d.name)
            if end is not None and decisions.kept_apart(d.name, end[1]):
                apart = next(k for k in decisions.rows
                             if k.action == "keep-apart" and {k.name, k.target} == {d.name, end[1]})
                raise _error(decisions.path, d.line,
                             f"merges {d.name!r} into {end[1]!r}, kept apart on line {apart.line}")


def load_decisions(path: str | os.PathLike[str]) -> Decisions:
    """Read and check a decisions file; ResolutionError names the file and line of a problem."""
    where = str(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = [h.strip() for h in (reader.fieldnames or [])]
            if "action" not in header or "name" not in header:
                raise _error(where, 1, "the header must name the columns action and name "
                                       f"(and {', '.join(COLUMNS[2:])})")
            unknown = [h for h in header if h not in _OPTIONAL | {"action", "name"}]
            if unknown:
                raise _error(where, 1, f"unknown column(s) {', '.join(unknown)}")
            reader.fieldnames = header
            return parse_decisions(_with_lines(reader), where)
    except OSError as exc:
        raise ResolutionError(f"{where}: cannot read the decisions file: {exc.strerror}") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ResolutionError(f"{where}: not a UTF-8 CSV file: {exc}") from exc


def _with_lines(reader: csv.DictReader) -> Iterable[dict[str, str]]:
    # csv.DictReader skips blank lines; line numbers come from the reader itself.
    for row in reader:
        yield {**row, "__line__": str(reader.line_num)}


def write_decisions(rows: Iterable[dict[str, Any]], handle: Any) -> None:
    """Write decisions (dicts with COLUMNS and optionally score) as a CSV ready to edit."""
    writer = csv.DictWriter(handle, fieldnames=[*COLUMNS, "score"], extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)


def _requalified(q: Quantity, dest: dict[tuple[str, str], tuple[str, str] | None]) -> Quantity:
    """A quantity whose subject follows the decisions: renamed or merged into its target; one
    about an ignored entity, or a relationship whose end is ignored, describes the article."""
    about = q.about
    if "type" in about:
        head = dest.get((about["head_label"], about["head"]), (about["head_label"], about["head"]))
        tail = dest.get((about["tail_label"], about["tail"]), (about["tail_label"], about["tail"]))
        if head is None or tail is None:
            return replace(q, about={})
        return replace(q, about={**about, "head_label": head[0], "head": head[1],
                                 "tail_label": tail[0], "tail": tail[1]})
    if about:
        to = dest.get((about["label"], about["name"]), (about["label"], about["name"]))
        return replace(q, about={} if to is None else {"label": to[0], "name": to[1]})
    return q


@dataclass(frozen=True)
class Decided:
    """`extract` with `decisions` applied to what it returns."""

    decisions: Decisions
    extract: Callable[[Any], Extraction]

    def __call__(self, article: Any) -> Extraction:
        return self.decisions.apply(self.extract(article))
