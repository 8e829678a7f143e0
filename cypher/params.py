"""Report parameters: the `// param:` header line (`parse_param`), the typed value a raw one
becomes (`Param.convert`), and the `$param`s a query uses (`used_params`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from graph.errors import CypherLibraryError
from graph.model import ENTITY_LABELS, RELATION_TYPES

PARAM_TYPES = ("string", "int", "float", "bool", "date", "moment", "label", "reltype")
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def to_moment(raw: str) -> str:
    """A date (`YYYY[-MM[-DD]]`, kept as given) or an ISO 8601 date-time (converted to UTC,
    written without a zone: seconds, fractions only when given), the form in which iikg stores
    and compares `ingested_at`. Raises ValueError."""
    text = str(raw).strip()
    if _DATE_RE.match(text):
        return text
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T"))
    except ValueError:
        raise ValueError(
            "expected a date or a date-time, e.g. 2026-12-01 or 2026-12-01T09:30:00 (UTC "
            "unless a zone is given)"
        ) from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed.isoformat(timespec="microseconds" if parsed.microsecond else "seconds")
_PARAM_RE = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?P<type>[a-z]+)\s*"
    r"(?:(?P<required>\(required\))|=\s*(?P<default>[^—]*?))?\s*(?:—\s*(?P<desc>.*))?$"
)


MAX_INT = 2**63 - 1  # a Neo4j integer is 64-bit


def check_date(text: str) -> None:
    """Raise ValueError when YYYY, YYYY-MM or YYYY-MM-DD names no day of the calendar
    (2022-13-01, 2022-02-30)."""
    parts = [int(p) for p in text.split("-")]
    year, month, day = parts + [1] * (3 - len(parts))
    try:
        dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"no such date ({exc})") from None


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
                if number > MAX_INT:
                    raise ValueError(f"out of range (at most {MAX_INT}, Neo4j's largest integer)")
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
                check_date(text)
                return text
            if self.type == "moment":
                return to_moment(raw)
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
