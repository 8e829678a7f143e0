"""The export formats: graphml, gexf, json (networkx node-link; graph.export.networkx_formats),
csv (neo4j-admin import files; graph.export.admin_csv), cypher (a script of MERGE statements that
recreates the subgraph; graph.export.cypher_script) and html (one interactive page,
graph.export.html). Each is registered in FORMATS; `render` and `write` work for all of them, so
the CLI knows no format the library does not.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from graph.errors import ExportError
from graph.export import html
from graph.export.admin_csv import csv_import_command, to_admin_csv
from graph.export.cypher_script import to_cypher
from graph.export.networkx_formats import to_gexf, to_graphml, to_json
from graph.export.subgraph import Subgraph, to_networkx


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
