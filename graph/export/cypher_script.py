"""The cypher export format: a script of MERGE statements, one per line, that recreates the
subgraph in another database (run it with cypher-shell or Graph.run_script). The Cypher here is
the output, not a query iikg runs, so it lives in Python rather than in cypher/.
"""

from __future__ import annotations

import math
from typing import Any

from graph.errors import ExportError
from graph.export.subgraph import (
    _IDENT,
    ENTITY_LABELS,
    EXPORT_LABELS,
    EXPORT_TYPES,
    Node,
    Subgraph,
    _ident_props,
)


def cypher_string(text: str) -> str:
    """A single-quoted Cypher string literal for any text (backslash escapes, no raw newlines)."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "'":
            out.append("\\'")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ch in "\u2028\u2029\x7f":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def cypher_literal(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ExportError(f"cannot write the number {value!r} in Cypher")
        return repr(value)
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    raise ExportError(f"cannot write a value of type {type(value).__name__} in Cypher")


def _prop_key(key: str) -> str:
    return key if _IDENT.match(key) else "`" + key.replace("`", "``") + "`"


def _map(props: dict[str, Any]) -> str:
    items = [f"{_prop_key(k)}: {cypher_literal(v)}" for k, v in props.items() if v is not None]
    return "{" + ", ".join(items) + "}"


def _match_node(var: str, node: Node) -> str:
    if node.label not in EXPORT_LABELS:
        raise ExportError(f"node {node.key!r} has no whitelisted label")
    ident = ", ".join(
        f"{k}: {cypher_literal(node.props[k])}" for k in _ident_props(node)
    )
    return f"(`{var}`:`{node.label}` {{{ident}}})"


def to_cypher(sub: Subgraph) -> str:
    """One statement per line: MERGE each node on its key, then each relationship."""
    lines = [
        "// iikg subgraph export: run with cypher-shell (one statement per line).",
        f"// {len(sub.nodes)} nodes, {len(sub.rels)} relationships.",
    ]
    for node in sub.sorted_nodes():
        extra = "`n`:`Entity`, " if node.label in ENTITY_LABELS else ""
        idents = _ident_props(node)
        rest = {k: v for k, v in node.props.items() if k not in idents}
        lines.append(f"MERGE {_match_node('n', node)} SET {extra}`n` += {_map(rest)};")
    for rel in sub.sorted_rels():
        if rel.type not in EXPORT_TYPES:
            raise ExportError(f"relationship type {rel.type!r} is not whitelisted")
        start, end = sub.nodes[rel.start], sub.nodes[rel.end]
        lines.append(
            f"MATCH {_match_node('a', start)} MATCH {_match_node('b', end)} "
            f"MERGE (`a`)-[`r`:`{rel.type}`]->(`b`) SET `r` += {_map(rel.props)};"
        )
    return "\n".join(lines) + "\n"


def script_statements(script: str) -> list[str]:
    """The statements of a script written by to_cypher (one per line, comments skipped)."""
    return [
        line.rstrip().removesuffix(";")
        for line in script.splitlines()
        if line.strip() and not line.lstrip().startswith("//")
    ]
