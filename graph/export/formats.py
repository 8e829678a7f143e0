"""The export formats: graphml, gexf, json (networkx node-link) here; csv (neo4j-admin import
files, graph.export.admin_csv), cypher (a script of MERGE statements that recreates the
subgraph, graph.export.script) and html (one interactive page, graph.export.html). Each is
registered in FORMATS; `render` and `write` work for all of them, so the CLI knows no format the
library does not.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from graph.errors import ExportError
from graph.export import html
from graph.export.admin_csv import csv_import_command, to_admin_csv
from graph.export.script import to_cypher
from graph.export.subgraph import (
    Subgraph,
    _edge_attrs,
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
