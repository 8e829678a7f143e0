"""A subgraph pulled from the store, as networkx, and its export formats (no Neo4j here).

The store hands over plain rows (`{"id", "labels", "properties"}` for nodes and
`{"id", "type", "start", "end", "properties"}` for relationships, ids being the server's element
ids). Here they get stable keys that do not depend on the database (`Platform:卡奥斯`,
`Article:<id>`), so exports of the same graph are byte-identical and diff cleanly: nodes sorted by
key, relationships by (start, type, end), properties by name.

Formats: graphml, gexf, json (networkx node-link), csv (neo4j-admin import files) and cypher
(a script of MERGE statements with escaped literals that recreates the subgraph). List-valued
properties are kept as lists in json, csv and cypher, and serialized as JSON strings in GraphML and
GEXF, which have no list type.

Evidence. In Neo4j each evidence sentence is an `(:Evidence {rel: r.key, ...})` node linked from
its article. An export carries it on the relationship instead, as the parallel lists
`evidence_article`, `evidence_sentence`, `evidence_start`, `evidence_end`, `evidence_method`,
`evidence_confidence`, `evidence_date` ('' when unknown) and `evidence_title` (only when some
entry has a title), in the stable order (date, article, start, end, method): see
`with_evidence`. Evidence nodes and HAS_EVIDENCE relationships become elements of the export
only when the selection holds them (a query returning them, or --labels/--types asking for
them); they are keyed by (rel, article, start, end, method), unique per relationship.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from graph.errors import ExportError
from graph.model import (
    ARTICLE_LABEL,
    ENTITY_LABELS,
    EVIDENCE_FIELDS,
    EVIDENCE_LABEL,
    HAS_EVIDENCE,
    MENTIONS,
    NODE_LABELS,
    RELATION_TYPES,
)

FORMATS = ("graphml", "gexf", "json", "csv", "cypher")
EXPORT_LABELS: frozenset[str] = NODE_LABELS | {EVIDENCE_LABEL}
EXPORT_TYPES: frozenset[str] = frozenset(RELATION_TYPES) | {MENTIONS, HAS_EVIDENCE}
# What identifies an Evidence node: one sentence span of one article for one relationship.
EVIDENCE_KEY = ("rel", "article", "start", "end", "method")
# Evidence entry fields (EVIDENCE_FIELDS) become edge attributes `evidence_<field>`, in order.
_TEXT_FIELDS = frozenset({"article", "sentence", "method", "date", "title"})
# neo4j-admin import: array elements separated by the ASCII unit separator, which cannot occur
# in normalized article text; pass --array-delimiter=U+001F (see csv_import_command).
ARRAY_DELIMITER = "\x1f"
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")



@dataclass(frozen=True)
class Node:
    key: str
    label: str  # the whitelisted label (entity label or Article)
    props: dict[str, Any]


@dataclass(frozen=True)
class Rel:
    type: str
    start: str  # node key
    end: str
    props: dict[str, Any]

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.start, self.type, self.end)


@dataclass
class Subgraph:
    nodes: dict[str, Node] = field(default_factory=dict)
    rels: dict[tuple[str, str, str], Rel] = field(default_factory=dict)
    dropped: int = 0  # rows without a whitelisted label/type, or with an end outside the graph

    def sorted_nodes(self) -> list[Node]:
        return [self.nodes[k] for k in sorted(self.nodes)]

    def sorted_rels(self) -> list[Rel]:
        return [self.rels[k] for k in sorted(self.rels)]


def node_label(labels: Iterable[str]) -> str | None:
    """The whitelisted label of a node (entity label first, else Article, else Evidence)."""
    labels = set(labels)
    for label in ENTITY_LABELS:
        if label in labels:
            return label
    for label in (ARTICLE_LABEL, EVIDENCE_LABEL):
        if label in labels:
            return label
    return None


def node_key(label: str, props: dict[str, Any]) -> str | None:
    if label == EVIDENCE_LABEL:
        parts = [props.get(k) for k in EVIDENCE_KEY]
        if any(p is None or p == "" for p in parts):
            return None
        return f"{label}:" + ":".join(str(p) for p in parts)
    ident = props.get("id") if label == ARTICLE_LABEL else props.get("name")
    return f"{label}:{ident}" if ident else None


def _ident_props(node: Node) -> tuple[str, ...]:
    """The properties a node is merged on: Article id, Evidence key, else the entity name."""
    if node.label == ARTICLE_LABEL:
        return ("id",)
    if node.label == EVIDENCE_LABEL:
        return EVIDENCE_KEY
    return ("name",)


def from_rows(nodes: Iterable[dict[str, Any]], rels: Iterable[dict[str, Any]]) -> Subgraph:
    """Build a Subgraph from store rows; relationships whose ends are missing are dropped."""
    sub = Subgraph()
    by_element: dict[str, str] = {}
    for row in nodes:
        label = node_label(row["labels"])
        key = node_key(label, row["properties"]) if label else None
        if key is None:
            sub.dropped += 1
            continue
        by_element[row["id"]] = key
        sub.nodes[key] = Node(key, label, dict(sorted(row["properties"].items())))
    for row in rels:
        start, end = by_element.get(row["start"]), by_element.get(row["end"])
        if not (row["type"] in EXPORT_TYPES and start and end):
            sub.dropped += 1
            continue
        rel = Rel(row["type"], start, end, dict(sorted(row["properties"].items())))
        sub.rels[rel.key] = rel
    return sub


def merge(*subs: Subgraph) -> Subgraph:
    """The union of subgraphs (stable keys make the same node or relationship one element)."""
    out = Subgraph()
    for sub in subs:
        out.nodes.update(sub.nodes)
        out.rels.update(sub.rels)
        out.dropped += sub.dropped
    return out


def filter_subgraph(
    sub: Subgraph,
    labels: Iterable[str] | None = None,
    types: Iterable[str] | None = None,
    since: str | None = None,
) -> Subgraph:
    """Keep nodes with one of `labels`, relationships of one of `types`, and, with `since`,
    only what was seen on or after that date (relationships by last_seen, Articles by date,
    entities by last_seen). Relationships lose their place when an end is filtered out."""
    label_set = set(labels) if labels else None
    type_set = set(types) if types else None

    def recent(value: Any) -> bool:
        return since is None or (isinstance(value, str) and value >= since)

    out = Subgraph(dropped=sub.dropped)
    for node in sub.sorted_nodes():
        if label_set is not None and node.label not in label_set:
            continue
        dated = node.label in (ARTICLE_LABEL, EVIDENCE_LABEL)
        seen = node.props.get("date" if dated else "last_seen")
        if since is not None and not recent(seen):
            continue
        out.nodes[node.key] = node
    for rel in sub.sorted_rels():
        if rel.start not in out.nodes or rel.end not in out.nodes:
            continue
        if type_set is not None and rel.type not in type_set:
            continue
        undated = rel.type in (MENTIONS, HAS_EVIDENCE)
        if since is not None and not undated and not recent(rel.props.get("last_seen")):
            continue
        out.rels[rel.key] = rel
    return out


# --- evidence as edge attributes ------------------------------------------------------------


def relationship_keys(sub: Subgraph) -> list[str]:
    """The `key` of every entity-to-entity relationship in the subgraph (sorted), the ids its
    Evidence nodes are found by (graph.store.fetch_evidence)."""
    keys = {r.props.get("key") for r in sub.rels.values() if r.type in RELATION_TYPES}
    return sorted(k for k in keys if k)


def evidence_lists(entries: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Evidence entries (dicts with EVIDENCE_FIELDS, already in the stable order) → the parallel
    edge attributes. A text field an Evidence node does not have (an unknown date, no title, no
    sentence for a fact from the gazetteer) is '', since a stored list cannot hold null;
    `evidence_title` is left out when no entry has a title (only WORKS_FOR evidence has one)."""
    lists: dict[str, list[Any]] = {}
    for field_name in EVIDENCE_FIELDS:
        values = [entry.get(field_name) for entry in entries]
        if field_name in _TEXT_FIELDS:
            values = ["" if v is None else v for v in values]
        if field_name == "title" and not any(values):
            continue
        lists[f"evidence_{field_name}"] = values
    return lists


def with_evidence(sub: Subgraph, evidence: dict[str, list[dict[str, Any]]]) -> Subgraph:
    """The subgraph with each relationship's evidence entries (by its `key`, as returned by
    graph.store.fetch_evidence) written on it as `evidence_*` lists. A relationship whose key
    has no entries keeps its properties as they are (a graph recreated from an export holds the
    lists on its relationships and no Evidence node)."""
    out = Subgraph(nodes=dict(sub.nodes), dropped=sub.dropped)
    for key, rel in sub.rels.items():
        entries = evidence.get(rel.props.get("key")) if rel.type in RELATION_TYPES else None
        if entries:
            props = {k: v for k, v in rel.props.items() if not _is_evidence_list(k)}
            props.update(evidence_lists(entries))
            rel = Rel(rel.type, rel.start, rel.end, dict(sorted(props.items())))
        out.rels[key] = rel
    return out


def _is_evidence_list(name: str) -> bool:
    return name.startswith("evidence_") and name != "evidence_count"


def _edge_attrs(rel: Rel) -> dict[str, Any]:
    """Edge attributes for networkx. Its edge key is the relationship type (one relationship per
    type between two nodes), and networkx reserves the name `key` for it (node-link JSON writes
    it as the `key` field, GEXF drops such an attribute): the relationship's own `key`, a hash
    of type and ends, is left out of these formats and kept in csv and cypher."""
    return {k: v for k, v in rel.props.items() if k != "key"}


def to_networkx(sub: Subgraph) -> nx.MultiDiGraph:
    """A MultiDiGraph keyed by stable node keys; edge keys are relationship types."""
    graph = nx.MultiDiGraph()
    for node in sub.sorted_nodes():
        graph.add_node(node.key, labels=node.label, **node.props)
    for rel in sub.sorted_rels():
        graph.add_edge(rel.start, rel.end, key=rel.type, type=rel.type, **_edge_attrs(rel))
    return graph


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
    """The subgraph as rows for graph.store.write_subgraph_rows (loading an export back, e.g.
    neo4j-admin CSV read in Python when the server cannot read the files itself)."""
    if any(n.label == EVIDENCE_LABEL for n in sub.nodes.values()):
        raise ExportError(
            "Evidence nodes cannot be loaded as rows; load the cypher format of the export "
            "(graph.store.run_script), or export without them"
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


# --- writing -------------------------------------------------------------------------------------


def render(sub: Subgraph, fmt: str) -> dict[str, str]:
    """File name → text for the format (csv gives two files, the others one `graph.<ext>`)."""
    if fmt == "csv":
        return to_admin_csv(sub)
    writers = {"graphml": to_graphml, "gexf": to_gexf, "json": to_json, "cypher": to_cypher}
    if fmt not in writers:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return {f"graph.{fmt}": writers[fmt](sub)}


def write(sub: Subgraph, fmt: str, out: Path | None) -> list[Path]:
    """Write the export: to `out` (a file; for csv a directory), or to stdout when out is None
    (not for csv). Returns the paths written."""
    files = render(sub, fmt)
    if out is None:
        if len(files) > 1:
            raise ExportError("the csv format writes two files: give a directory with -o")
        import sys

        sys.stdout.write(next(iter(files.values())))
        return []
    if fmt == "csv":
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
