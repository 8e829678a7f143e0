"""Exports: a subgraph chosen from the graph (select), held as plain nodes and relationships
(subgraph), written in one of the formats registered in `formats` (graphml, gexf and json:
networkx_formats; csv: admin_csv; cypher: cypher_script; html: html).

Their public names are re-exported here, so ``from graph import export`` is enough.
"""

from graph.errors import ExportError
from graph.export.admin_csv import csv_import_command, read_admin_csv, to_admin_csv, write_rows
from graph.export.cypher_script import cypher_literal, cypher_string, script_statements, to_cypher
from graph.export.formats import FORMATS, Format, get_format, render, write
from graph.export.networkx_formats import to_gexf, to_graphml, to_json
from graph.export.select import choose_subgraph
from graph.export.subgraph import (
    ARRAY_DELIMITER,
    EVIDENCE_FIELDS,
    EVIDENCE_KEY,
    EVIDENCE_LABEL,
    EXPORT_LABELS,
    EXPORT_TYPES,
    HAS_EVIDENCE,
    Node,
    Rel,
    Subgraph,
    evidence_lists,
    filter_subgraph,
    from_rows,
    merge,
    node_key,
    node_label,
    relationship_keys,
    to_networkx,
    with_evidence,
)

__all__ = [
    "ARRAY_DELIMITER", "EVIDENCE_FIELDS", "EVIDENCE_KEY", "EVIDENCE_LABEL", "EXPORT_LABELS",
    "EXPORT_TYPES", "FORMATS", "HAS_EVIDENCE", "ExportError", "Format", "Node", "Rel",
    "Subgraph", "choose_subgraph", "csv_import_command", "cypher_literal", "cypher_string",
    "evidence_lists", "filter_subgraph", "from_rows", "get_format", "merge", "node_key",
    "node_label", "read_admin_csv", "relationship_keys", "render", "script_statements",
    "to_admin_csv", "to_cypher", "to_gexf", "to_graphml", "to_json", "to_networkx",
    "with_evidence", "write", "write_rows",
]
