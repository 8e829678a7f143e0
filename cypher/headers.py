"""Report files: the `//` header (name, description, typed parameters, mode, columns), the
`// include:` lines that pull in cypher/fragments/, and parameter binding (see cypher/__init__.py
for the format)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from cypher.files import template
from graph.errors import CypherLibraryError
from graph.model import ENTITY_LABELS, RELATION_TYPES

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
    return template("fragments", name)


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
