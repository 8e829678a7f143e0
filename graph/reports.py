"""The library behind `iikg reports`, `iikg report`, `iikg query` and `iikg export`: parameter
parsing and report listings (choosing the subgraph to export: graph.export.select). The CLI only
parses and prints.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import cypher
from graph.errors import UsageError


def parse_params(items: Iterable[str], *, json_values: bool = False) -> dict[str, Any]:
    """`key=value` strings → dict. With json_values, values that parse as JSON (numbers, true,
    lists...) are used as such (for ad-hoc queries); report values stay strings and are typed by
    the report's header."""
    params: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UsageError(f"parameter {item!r} is not key=value")
        if key in params:
            raise UsageError(f"parameter {key!r} is given twice")
        if json_values:
            try:
                params[key] = json.loads(value)
            except ValueError:
                params[key] = value
            _check_integers(key, params[key])
        else:
            params[key] = value
    return params


MAX_INT = 2**63 - 1  # a Neo4j integer is 64-bit


def _check_integers(key: str, value: Any) -> None:
    """A query parameter's integers (in lists and maps too) must fit in 64 bits."""
    if isinstance(value, bool):
        return
    if isinstance(value, int) and not -MAX_INT - 1 <= value <= MAX_INT:
        raise UsageError(
            f"parameter {key!r}: {value} is out of range (a Neo4j integer is between "
            f"{-MAX_INT - 1} and {MAX_INT})"
        )
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for item in items:
        _check_integers(key, item)


def describe_reports() -> str:
    """Every report with its descriptions and parameters, for `iikg reports`."""
    blocks = []
    for report in cypher.reports().values():
        lines = [f"{report.name}", f"    {report.description_zh}", f"    {report.description_en}"]
        for p in report.params:
            default = "required" if p.required else f"default {p.default!r}"
            if not p.required and p.default is None:
                default = "optional"
            lines.append(f"    -p {p.name}=<{p.type}>  ({default})  {p.description}")
        lines.append(f"    columns: {', '.join(report.columns)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def split_names(values: Iterable[str], allowed: Iterable[str], what: str) -> list[str] | None:
    """Comma-separated or repeated option values, checked against a whitelist."""
    allowed = list(allowed)
    names = [v.strip() for value in values for v in value.split(",") if v.strip()]
    for name in names:
        if name not in allowed:
            raise UsageError(f"unknown {what} {name!r}; choose from {', '.join(allowed)}")
    return names or None


