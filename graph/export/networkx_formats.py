"""The networkx export formats: graphml, gexf and json (networkx node-link data).

GraphML and GEXF have no list type and XML cannot hold every character, so their graph is a
flattened copy (`_flat_graph`); json is the Subgraph's networkx graph as it is (`to_networkx`).
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from graph.export.subgraph import Subgraph, _edge_attrs, to_networkx

if TYPE_CHECKING:  # imported where a graph is built: not at every command's start-up
    import networkx as nx

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
    import networkx as nx

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
    import networkx as nx

    return "\n".join(nx.generate_graphml(_flat_graph(sub))) + "\n"


def to_gexf(sub: Subgraph) -> str:
    import networkx as nx

    return "\n".join(nx.generate_gexf(_flat_graph(sub, gexf=True))) + "\n"


def to_json(sub: Subgraph) -> str:
    import networkx as nx

    data = nx.node_link_data(to_networkx(sub), edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
