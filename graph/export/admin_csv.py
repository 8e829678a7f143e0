"""The csv export format: `nodes.csv` and `relationships.csv` for `neo4j-admin database import`,
read back into a Subgraph (`read_admin_csv`) and turned into rows for Graph.write_subgraph_rows
(`write_rows`) when the server cannot read the files itself.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from graph.errors import ExportError
from graph.export.subgraph import (
    ARRAY_DELIMITER,
    ARTICLE_LABEL,
    EVIDENCE_LABEL,
    Node,
    Rel,
    Subgraph,
    _ident_props,
    node_label,
)

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
