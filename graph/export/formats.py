"""The export formats: graphml, gexf, json (networkx node-link), csv (neo4j-admin import
files), cypher (a script of MERGE statements that recreates the subgraph) and html (one
interactive page, graph.export.html). Each is registered in FORMATS; `render` and `write` work
for all of them, so the CLI knows no format the library does not.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from graph.errors import ExportError
from graph.export import html
from graph.export.subgraph import (
    _IDENT,
    ARRAY_DELIMITER,
    ARTICLE_LABEL,
    ENTITY_LABELS,
    EVIDENCE_LABEL,
    EXPORT_LABELS,
    EXPORT_TYPES,
    Node,
    Rel,
    Subgraph,
    _edge_attrs,
    _ident_props,
    node_label,
    to_networkx,
)

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _flat(value: Any) -> Any:
    """GraphML/GEXF have no list type: lists become JSON strings. XML 1.0 cannot hold control
    characters other than tab and line breaks: they become U+FFFD (normalized text has none)."""
    if isinstance(value, list | tuple):
        value = json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, str):
        return _XML_ILLEGAL.sub("\ufffd", value)
    return value


# networkx's GEXF writer reads these node attributes as the node's XML id and time spell: the
# Article `id` is left out (the node id `Article:<id>` holds it) and an Evidence node's offsets
# are renamed. The edge attribute `type` would become GEXF's edge type (directed/undirected):
# the relationship type is written as the edge label instead.
_GEXF_NODE_RENAMES = {"id": None, "start": "span_start", "end": "span_end"}


def _flat_graph(sub: Subgraph, gexf: bool = False) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for node in sub.sorted_nodes():
        attrs = {k: _flat(v) for k, v in node.props.items() if v is not None}
        if gexf:
            attrs = {_GEXF_NODE_RENAMES.get(k, k): v for k, v in attrs.items()}
            attrs.pop(None, None)
        graph.add_node(_flat(node.key), labels=node.label, **attrs)
    for rel in sub.sorted_rels():
        attrs = {k: _flat(v) for k, v in _edge_attrs(rel).items() if v is not None}
        attrs["label" if gexf else "type"] = rel.type
        graph.add_edge(_flat(rel.start), _flat(rel.end), key=rel.type, **attrs)
    return graph


def to_graphml(sub: Subgraph) -> str:
    return "\n".join(nx.generate_graphml(_flat_graph(sub))) + "\n"


def to_gexf(sub: Subgraph) -> str:
    return "\n".join(nx.generate_gexf(_flat_graph(sub, gexf=True))) + "\n"


def to_json(sub: Subgraph) -> str:
    data = nx.node_link_data(to_networkx(sub), edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# --- neo4j-admin import CSV --------------------------------------------------------------------

_CSV_TYPES = {str: "string", bool: "boolean", int: "long", float: "double"}


def _csv_type(values: list[Any]) -> str:
    """neo4j-admin header type of a property, from its values (mixed → string)."""
    kinds: set[str] = set()
    for value in values:
        if isinstance(value, list | tuple):
            inner = {_CSV_TYPES.get(type(v), "string") for v in value} or {"string"}
            kinds.add((inner.pop() if len(inner) == 1 else "string") + "[]")
        else:
            kinds.add(_CSV_TYPES.get(type(value), "string"))
    if kinds == {"long", "double"}:
        return "double"
    if kinds == {"long[]", "double[]"}:
        return "double[]"
    if len(kinds) == 1:
        return kinds.pop()
    return "string[]" if all(k.endswith("[]") for k in kinds) else "string"


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        parts = [_csv_cell(v) for v in value]
        if any(ARRAY_DELIMITER in p for p in parts):
            raise ExportError("a list value holds U+001F, the CSV array delimiter")
        return ARRAY_DELIMITER.join(parts)
    return str(value)


def _columns(items: list[dict[str, Any]]) -> list[tuple[str, str]]:
    keys = sorted({k for props in items for k, v in props.items() if v is not None})
    return [(k, _csv_type([p[k] for p in items if p.get(k) is not None])) for k in keys]


def _csv_text(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def to_admin_csv(sub: Subgraph) -> dict[str, str]:
    """`nodes.csv` and `relationships.csv` in neo4j-admin import form (see csv_import_command).
    An empty list is written as an empty field, which neo4j-admin reads as "no property"."""
    nodes = sub.sorted_nodes()
    node_cols = _columns([n.props for n in nodes])
    # `:ID` without a name: the node key identifies rows but is not stored as a property.
    header = [":ID", ":LABEL", *(f"{k}:{t}" for k, t in node_cols)]
    rows = []
    for node in nodes:
        labels = [node.label] if node.label in (ARTICLE_LABEL, EVIDENCE_LABEL) else [
            node.label, "Entity"]
        rows.append(
            [node.key, ARRAY_DELIMITER.join(labels)]
            + [_csv_cell(node.props.get(k)) for k, _ in node_cols]
        )
    rels = sub.sorted_rels()
    rel_cols = _columns([r.props for r in rels])
    rel_header = [":START_ID", ":END_ID", ":TYPE", *(f"{k}:{t}" for k, t in rel_cols)]
    rel_rows = [
        [r.start, r.end, r.type] + [_csv_cell(r.props.get(k)) for k, _ in rel_cols] for r in rels
    ]
    return {
        "nodes.csv": _csv_text(header, rows),
        "relationships.csv": _csv_text(rel_header, rel_rows),
    }


def csv_import_command(database: str = "neo4j") -> str:
    return (
        f"neo4j-admin database import full {database} --nodes=nodes.csv "
        "--relationships=relationships.csv --array-delimiter=U+001F --multiline-fields=true"
    )


_ADMIN_CASTS = {
    "string": str,
    "long": int,
    "int": int,
    "double": float,
    "float": float,
    "boolean": lambda s: s == "true",
}


def _parse_admin_value(text: str, kind: str) -> Any:
    if text == "":
        return None
    if kind.endswith("[]"):
        cast = _ADMIN_CASTS[kind[:-2]]
        return [cast(part) for part in text.split(ARRAY_DELIMITER)]
    return _ADMIN_CASTS[kind](text)


def read_admin_csv(files: dict[str, str]) -> Subgraph:
    """Parse `nodes.csv` and `relationships.csv` written by to_admin_csv back into a Subgraph,
    following neo4j-admin's header rules (name:type columns, :ID, :LABEL, :START_ID, :END_ID,
    :TYPE). Used to load such files through parameters when the server cannot read them."""
    sub = Subgraph()
    reader = csv.reader(io.StringIO(files["nodes.csv"]))
    header = next(reader)
    for record in reader:
        props: dict[str, Any] = {}
        key = label = ""
        for column, text in zip(header, record, strict=True):
            name, _, kind = column.partition(":")
            if kind == "ID":
                key = text
            elif kind == "LABEL":
                label = node_label(text.split(ARRAY_DELIMITER)) or ""
            else:
                value = _parse_admin_value(text, kind or "string")
                if value is not None:
                    props[name] = value
        sub.nodes[key] = Node(key, label, dict(sorted(props.items())))
    reader = csv.reader(io.StringIO(files["relationships.csv"]))
    header = next(reader)
    for record in reader:
        props = {}
        start = end = rtype = ""
        for column, text in zip(header, record, strict=True):
            name, _, kind = column.partition(":")
            if kind == "START_ID":
                start = text
            elif kind == "END_ID":
                end = text
            elif kind == "TYPE":
                rtype = text
            else:
                value = _parse_admin_value(text, kind or "string")
                if value is not None:
                    props[name] = value
        rel = Rel(rtype, start, end, dict(sorted(props.items())))
        sub.rels[rel.key] = rel
    return sub


def write_rows(sub: Subgraph) -> tuple[list[tuple[str, dict]], list[tuple]]:
    """The subgraph as rows for Graph.write_subgraph_rows (loading an export back, e.g.
    neo4j-admin CSV read in Python when the server cannot read the files itself)."""
    if any(n.label == EVIDENCE_LABEL for n in sub.nodes.values()):
        raise ExportError(
            "Evidence nodes cannot be loaded as rows; load the cypher format of the export "
            "(Graph.run_script), or export without them"
        )
    nodes = [(n.label, n.props) for n in sub.sorted_nodes()]

    def key(node: Node) -> dict[str, Any]:
        return {ident: node.props[ident] for ident in _ident_props(node)}

    rels = []
    for rel in sub.sorted_rels():
        start, end = sub.nodes[rel.start], sub.nodes[rel.end]
        rels.append((rel.type, start.label, key(start), end.label, key(end), rel.props))
    return nodes, rels


# --- Cypher script ------------------------------------------------------------------------------


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


# --- the registry --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Format:
    """An export format: `render` gives file name → text; `directory` formats write several
    files into a directory and cannot go to standard output."""

    name: str
    render: Callable[[Subgraph, str], dict[str, str]]
    directory: bool = False


def _one(fmt: str, to_text: Callable[[Subgraph], str]) -> Format:
    return Format(fmt, lambda sub, title: {f"graph.{fmt}": to_text(sub)})


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        _one("graphml", lambda sub: to_graphml(sub)),
        _one("gexf", lambda sub: to_gexf(sub)),
        _one("json", lambda sub: to_json(sub)),
        Format("csv", lambda sub, title: to_admin_csv(sub), directory=True),
        _one("cypher", lambda sub: to_cypher(sub)),
        Format("html", lambda sub, title: {
            "graph.html": html.render_html(to_networkx(sub), title)}),
    )
}


def get_format(fmt: str) -> Format:
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return FORMATS[fmt]


def render(sub: Subgraph, fmt: str, title: str = "") -> dict[str, str]:
    """File name → text for the format (csv gives two files, the others one `graph.<ext>`);
    `title` names the html page."""
    return get_format(fmt).render(sub, title)


def write(sub: Subgraph, fmt: str, out: Path | None, title: str = "") -> list[Path]:
    """Write the export: to `out` (a file; for csv a directory), or to stdout when out is None
    (not for csv). Returns the paths written."""
    spec = get_format(fmt)
    files = spec.render(sub, title)
    if out is None:
        if spec.directory:
            raise ExportError("the csv format writes two files: give a directory with -o")
        sys.stdout.write(next(iter(files.values())))
        return []
    if spec.directory:
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, text in files.items():
            (out / name).write_text(text, encoding="utf-8")
            paths.append(out / name)
        (out / "IMPORT.txt").write_text(csv_import_command() + "\n", encoding="utf-8")
        return paths
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(next(iter(files.values())), encoding="utf-8")
    return [out]
