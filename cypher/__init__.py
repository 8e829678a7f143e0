"""The Cypher library: schema, write and report queries as versioned .cypher files.

Files are loaded through importlib.resources, so they ship inside the wheel. A report file starts
with a header of `//` comment lines:

    // name: agreements
    // description: 签约关系 / Who signed with whom
    // param: city: string = null — 城市（含下辖区县） / city, districts included
    // param: limit: int = 50 — 最多返回行数 / maximum rows
    // mode: read
    // columns: party_a, label_a, party_b, label_b, evidence_count

A parameter is `NAME: TYPE (required)` or `NAME: TYPE = DEFAULT`, followed by an optional
description after an em dash (`—`). Types: string, int, float, bool, date (ISO 8601:
YYYY, YYYY-MM or YYYY-MM-DD, passed to Cypher as a string, the way article dates are stored),
label (an entity label of graph/model.py), reltype (a relationship type of graph/model.py).
Integers are never negative.
Descriptions are Chinese and English separated by ` / `.

A report's body may include a shared fragment of cypher/fragments/ with a line
`// include: NAME(arg=value, ...)`: the line becomes the fragment, indented like it, its
`__arg__` placeholders replaced (values: identifiers, `$parameters`, or labels of the model).
`named(var, label, value)` (the nodes of `label` whose name is `value` or that have it as an
alias) is the one every report that takes a name uses.

Besides reports: `schema/` (constraints and indexes), `write/` (the ingest's statements, and
loading an export back) and `read/` (the library's other reads: stats, export subgraphs,
evidence). Cypher cannot take labels or relationship types as parameters, so write and read
templates hold placeholders that `render` alone fills, only with names of graph/model.py:
`__LABEL__`, `__HEAD__`, `__TAIL__` (node labels), `__TYPE__` (relationship types), and
`__HEAD_KEY__`/`__TAIL_KEY__`/`__LABEL_KEY__` (the key property of that label: `id` for
Article, `name` for entities).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from graph.errors import CypherLibraryError
from graph.model import (
    ARTICLE_LABEL,
    ENTITY_LABELS,
    EVIDENCE_LABEL,
    HAS_EVIDENCE,
    MENTIONS,
    NODE_LABELS,
    RELATION_TYPES,
)

PARAM_TYPES = ("string", "int", "float", "bool", "date", "label", "reltype")
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_PARAM_RE = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?P<type>[a-z]+)\s*"
    r"(?:(?P<required>\(required\))|=\s*(?P<default>[^—]*?))?\s*(?:—\s*(?P<desc>.*))?$"
)


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    default: Any
    description: str = ""

    def convert(self, raw: Any) -> Any:
        """Convert a raw value (usually a string from the command line) to this param's type."""
        if raw is None:
            return None
        try:
            if self.type == "string":
                value = str(raw)
                if not value:
                    raise ValueError("must not be empty")
                return value
            if self.type == "int":
                if isinstance(raw, bool):
                    raise ValueError("a boolean is not an integer")
                number = int(raw)
                if number < 0:
                    raise ValueError("must not be negative")
                return number
            if self.type == "float":
                return float(raw)
            if self.type == "bool":
                if isinstance(raw, bool):
                    return raw
                text = str(raw).strip().lower()
                if text in ("true", "yes", "1", "on"):
                    return True
                if text in ("false", "no", "0", "off"):
                    return False
                raise ValueError("expected true or false")
            if self.type == "date":
                text = str(raw).strip()
                if not _DATE_RE.match(text):
                    raise ValueError("expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
                return text
            if self.type in ("label", "reltype"):
                allowed = ENTITY_LABELS if self.type == "label" else RELATION_TYPES
                if raw not in allowed:
                    raise ValueError(f"expected one of {', '.join(allowed)}")
                return str(raw)
        except ValueError as exc:
            raise CypherLibraryError(
                f"parameter {self.name!r} ({self.type}): cannot use {raw!r}: {exc}"
            ) from None
        raise CypherLibraryError(f"parameter {self.name!r}: unknown type {self.type!r}")


@dataclass(frozen=True)
class Report:
    name: str
    description: str
    params: tuple[Param, ...]
    mode: str
    columns: tuple[str, ...]
    query: str
    file: str

    @property
    def description_zh(self) -> str:
        return self.description.split(" / ", 1)[0].strip()

    @property
    def description_en(self) -> str:
        parts = self.description.split(" / ", 1)
        return parts[1].strip() if len(parts) > 1 else parts[0].strip()

    def bind(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Typed Cypher parameters from raw values; unknown or missing ones raise an error."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(raw) - set(known))
        if unknown:
            accepted = ", ".join(known) or "none"
            raise CypherLibraryError(
                f"report {self.name!r}: unknown parameter(s) {', '.join(unknown)}; "
                f"accepted: {accepted}"
            )
        bound: dict[str, Any] = {}
        for param in self.params:
            if param.name in raw and raw[param.name] is not None:
                bound[param.name] = param.convert(raw[param.name])
            elif param.required:
                raise CypherLibraryError(
                    f"report {self.name!r}: missing required parameter {param.name!r} "
                    f"({param.type}); pass -p {param.name}=VALUE"
                )
            else:
                bound[param.name] = param.default
        return bound


def _parse_default(param_type: str, text: str | None, where: str) -> Any:
    if text is None or text.strip() in ("", "null"):
        return None
    probe = Param("default", param_type, False, None)
    try:
        return probe.convert(text.strip().strip("'\""))
    except CypherLibraryError as exc:
        raise CypherLibraryError(f"{where}: bad default: {exc}") from None


def parse_param(text: str, where: str = "") -> Param:
    match = _PARAM_RE.match(text.strip())
    if not match:
        raise CypherLibraryError(
            f"{where}: cannot parse param line {text!r}; "
            "expected 'name: type (required) — description' or 'name: type = default — ...'"
        )
    ptype = match["type"]
    if ptype not in PARAM_TYPES:
        raise CypherLibraryError(f"{where}: param {match['name']!r} has unknown type {ptype!r}")
    required = bool(match["required"])
    default = None if required else _parse_default(ptype, match["default"], where)
    return Param(match["name"], ptype, required, default, (match["desc"] or "").strip())


_INCLUDE_RE = re.compile(
    r"^(?P<indent>\s*)//\s*include:\s*(?P<name>[a-z][a-z0-9-]*)\((?P<args>.*)\)\s*$"
)
_ARG_VALUE_RE = re.compile(r"^\$?[A-Za-z_][A-Za-z0-9_]*$")


@cache
def fragment(name: str) -> str:
    """A fragment from cypher/fragments/NAME.cypher, comment lines removed."""
    return _template("fragments", name)


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


def parse_report(text: str, file: str) -> Report:
    """Parse one report file: header comment lines, then the query."""
    header: dict[str, str] = {}
    params: list[Param] = []
    body: list[str] = []
    in_header = True
    for line in text.splitlines():
        stripped = line.strip()
        if in_header and stripped.startswith("//"):
            content = stripped[2:].strip()
            key, sep, value = content.partition(":")
            key = key.strip().lower()
            if not sep:
                continue  # a free comment inside the header
            if key == "param":
                params.append(parse_param(value, file))
            elif key in ("name", "description", "mode", "columns"):
                if key in header:
                    raise CypherLibraryError(f"{file}: header key {key!r} appears twice")
                header[key] = value.strip()
            continue
        if in_header and not stripped:
            continue
        in_header = False
        included = include(line, file)
        body.extend([line] if included is None else included)
    missing = [k for k in ("name", "description", "mode", "columns") if k not in header]
    if missing:
        raise CypherLibraryError(f"{file}: header lacks {', '.join(missing)}")
    if header["mode"] not in ("read", "write"):
        raise CypherLibraryError(f"{file}: mode must be read or write, not {header['mode']!r}")
    names = [p.name for p in params]
    if len(names) != len(set(names)):
        raise CypherLibraryError(f"{file}: a parameter is declared twice")
    query = "\n".join(body).strip()
    if not query:
        raise CypherLibraryError(f"{file}: no query after the header")
    columns = tuple(c.strip() for c in header["columns"].split(",") if c.strip())
    return Report(
        name=header["name"],
        description=header["description"],
        params=tuple(params),
        mode=header["mode"],
        columns=columns,
        query=query,
        file=file,
    )


def strip_comments_and_strings(query: str) -> str:
    """The query without // and /* */ comments or string literals (for parameter scanning)."""
    out: list[str] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if query.startswith("//", i):
            j = query.find("\n", i)
            i = n if j < 0 else j
        elif query.startswith("/*", i):
            j = query.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif ch in ("'", '"', "`"):
            j = i + 1
            while j < n and query[j] != ch:
                j += 2 if query[j] == "\\" and ch != "`" else 1
            i = j + 1
            out.append(" ")
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def used_params(query: str) -> set[str]:
    """Names of the `$param`s a query uses."""
    return set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", strip_comments_and_strings(query)))


def _read_dir(folder: str) -> dict[str, str]:
    root = resources.files(__name__).joinpath(folder)
    files = {}
    for entry in root.iterdir():
        if entry.name.endswith(".cypher"):
            files[entry.name] = entry.read_text(encoding="utf-8")
    return dict(sorted(files.items()))


@cache
def reports() -> dict[str, Report]:
    """All reports, by name, sorted by name."""
    found: dict[str, Report] = {}
    for file, text in _read_dir("reports").items():
        report = parse_report(text, f"cypher/reports/{file}")
        found[report.name] = report
    return dict(sorted(found.items()))


def get_report(name: str) -> Report:
    library = reports()
    if name not in library:
        raise CypherLibraryError(
            f"no report named {name!r}; available: {', '.join(library)}"
        )
    return library[name]


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
    for text in _read_dir("schema").values():
        statements.extend(split_statements(text))
    return tuple(statements)


def _template(folder: str, name: str) -> str:
    files = _read_dir(folder)
    file = f"{name}.cypher"
    if file not in files:
        raise CypherLibraryError(f"no {folder} query {name!r} in cypher/{folder}/")
    return "\n".join(
        line for line in files[file].splitlines() if not line.strip().startswith("//")
    ).strip()


@cache
def write_query(name: str) -> str:
    """A write template from cypher/write/NAME.cypher (may hold whitelisted placeholders)."""
    return _template("write", name)


@cache
def read_query(name: str) -> str:
    """A read template from cypher/read/NAME.cypher (may hold whitelisted placeholders)."""
    return _template("read", name)


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
    return render(_template(folder, name), **names)


def statements(folder: str, name: str) -> list[str]:
    """The `;`-separated statements of cypher/FOLDER/NAME.cypher (no placeholders)."""
    return split_statements(_template(folder, name))
