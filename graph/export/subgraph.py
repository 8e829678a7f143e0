"""A subgraph pulled from the graph, and as networkx (no Neo4j here; formats: graph.export.formats).

graph.neo4j hands over plain rows (`{"id", "labels", "properties"}` for nodes and
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

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:  # imported where a graph is built: not at every command's start-up
    import networkx as nx

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
    Evidence nodes are found by (Graph.fetch_evidence)."""
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
    Graph.fetch_evidence) written on it as `evidence_*` lists. A relationship whose key
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
    import networkx as nx

    graph = nx.MultiDiGraph()
    for node in sub.sorted_nodes():
        graph.add_node(node.key, labels=node.label, **node.props)
    for rel in sub.sorted_rels():
        graph.add_edge(rel.start, rel.end, key=rel.type, type=rel.type, **_edge_attrs(rel))
    return graph


