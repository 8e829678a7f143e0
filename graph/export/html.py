"""One self-contained HTML page showing a subgraph interactively (vis-network, inlined).

The page needs no network: the vis-network library (bundled in graph/browser/vendor) and the
graph data are written into it. Colours and sizes come from the Neo4j Browser stylesheet, so
the page looks like Browser. Hovering or clicking a node shows its aliases; an edge shows its
evidence sentences and the articles they come from.

Input is a networkx (Multi)(Di)Graph shaped like the store's rows: nodes with `label` (or
`labels`), `name`, `aliases` and other properties; edges with `type` (or the multigraph key)
and the parallel evidence lists `evidence_sentence`, `evidence_article`, `evidence_title`,
`evidence_date`, `evidence_confidence` (graph/export/subgraph.py writes them from the
graph's Evidence nodes). Evidence nodes themselves, when an export selects them, are drawn
small and captioned with the start of their sentence.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.browser import COMMUNITY_COLORS, asset_text, label_styles, relationship_colors
from graph.export.subgraph import EVIDENCE_LABEL, EXPORT_LABELS
from graph.model import ARTICLE_LABEL, ENTITY_LABELS, SYMMETRIC_TYPES

if TYPE_CHECKING:  # imported where a graph is built: not at every command's start-up
    import networkx as nx

VIEW_TEMPLATE = "view.html"
VIS_JS = "vendor/vis-network.min.js"

LABEL_ZH = {
    "Platform": "平台",
    "City": "城市",
    "Company": "企业",
    "Agency": "机构",
    "Policy": "政策",
    "Project": "项目",
    "Person": "人物",
    "Article": "文章",
    "Evidence": "证据",
}
TEXT = {
    "nodes": "节点 nodes",
    "edges": "关系 relationships",
    "aliases": "别名 aliases",
    "evidence": "证据 evidence",
    "evidenceCount": "条证据 evidence",
    "confidence": "置信度",
    "noSentence": "（无原句 / no sentence）",
    "byLabel": "按类型着色 · colour by label",
    "byCommunity": "按社区着色 · colour by community",
    "community": "社区 community",
    "hint": "将鼠标移到节点或关系上（或点击）查看别名和证据。"
    " Hover or click a node or a relationship to see its aliases and evidence.",
}
EVIDENCE_KEYS = ("sentence", "article", "title", "date", "method", "confidence")
# Node and edge properties not listed in the details panel (shown elsewhere or internal).
_HIDDEN_NODE_PROPS = {"label", "labels", "name", "aliases", "id", "element_id", "fingerprint",
                      "minhash"}
_HIDDEN_EDGE_PROPS = {"type", "label", "key", "id", "element_id", "title"}
_ORDER = [*ENTITY_LABELS, ARTICLE_LABEL, EVIDENCE_LABEL]
CAPTION_CHARS = 12  # an Evidence node shows this much of its sentence (all of it on click)


def node_label(attrs: Mapping[str, Any]) -> str:
    """The node's whitelisted label (`label`, or the first of `labels` other than Entity)."""
    candidates: list[str] = []
    for key in ("label", "labels"):
        value = attrs.get(key)
        if isinstance(value, str):
            candidates.extend(part for part in value.replace(":", ",").split(",") if part)
        elif isinstance(value, Iterable):
            candidates.extend(str(v) for v in value)
    for label in candidates:
        if label in EXPORT_LABELS:
            return label
    return "Entity"


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str):
        if value.startswith("["):  # a list serialized as JSON (e.g. read back from GraphML)
            try:
                parsed = json.loads(value)
            except ValueError:
                return [value]
            return parsed if isinstance(parsed, list) else [parsed]
        return [value] if value else []
    if isinstance(value, Iterable):
        return list(value)
    return [value]


def _display(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value)
    return str(value)


def _evidence(attrs: Mapping[str, Any]) -> list[dict[str, Any]]:
    columns = {key: _as_list(attrs.get(f"evidence_{key}")) for key in EVIDENCE_KEYS}
    count = max((len(values) for values in columns.values()), default=0)
    rows = []
    for i in range(count):
        row = {key: (values[i] if i < len(values) else None) for key, values in columns.items()}
        rows.append(row)
    return rows


def _evidence_caption(attrs: Mapping[str, Any]) -> str:
    """The start of an Evidence node's sentence, or its type and method when it has none (a
    fact from the gazetteer)."""
    sentence = str(attrs.get("sentence") or "")
    if not sentence:
        return f"{attrs.get('type') or EVIDENCE_LABEL} ({attrs.get('method') or '?'})"
    return sentence if len(sentence) <= CAPTION_CHARS else sentence[:CAPTION_CHARS] + "…"


def community_color(community: int | None) -> str:
    """The colour of a community written by `iikg analyze` (a palette shared with the Browser
    style, by community number modulo its size); grey for none."""
    if community is None:
        return "#A5ABB6"
    return COMMUNITY_COLORS[community % len(COMMUNITY_COLORS)]


def graph_data(graph: nx.Graph, title: str = "") -> dict[str, Any]:
    """The JSON the page draws: nodes, edges, legend, texts. Pure data, stable order."""
    styles = label_styles()
    rel_colors = relationship_colors()
    default_style = styles.get("Entity")
    ids: dict[Any, int] = {}
    nodes = []
    for node, attrs in sorted(graph.nodes(data=True), key=lambda item: str(item[0])):
        label = node_label(attrs)
        style = styles.get(label, default_style)
        name = attrs.get("name") or attrs.get(style.caption if style else "name") or str(node)
        if label == EVIDENCE_LABEL:
            name = _evidence_caption(attrs)
        ids[node] = len(ids)
        props = {
            key: _display(value)
            for key, value in sorted(attrs.items())
            if key not in _HIDDEN_NODE_PROPS and value not in (None, "", [])
        }
        community = attrs.get("community")
        community = community if isinstance(community, int) else None
        nodes.append({
            "id": ids[node],
            "community": community,
            "communityColor": community_color(community),
            "key": str(node),
            "label": label,
            "name": str(name),
            "aliases": [str(a) for a in _as_list(attrs.get("aliases"))],
            "props": props,
            "color": style.color if style else "#A5ABB6",
            "border": style.border if style else "#9AA1AC",
            "size": max(8, (style.diameter if style else 50) // 3),
        })

    edges = []
    if graph.is_multigraph():
        edge_iter = graph.edges(keys=True, data=True)
    else:
        edge_iter = ((u, v, None, d) for u, v, d in graph.edges(data=True))
    for u, v, key, attrs in sorted(edge_iter, key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        rel_type = str(attrs.get("type") or attrs.get("label") or key or "RELATED")
        props = {
            k: _display(value)
            for k, value in sorted(attrs.items())
            if k not in _HIDDEN_EDGE_PROPS and value not in (None, "", [])
            and not (k.startswith("evidence_") and k != "evidence_count")
        }
        edges.append({
            "id": len(edges),
            "source": ids[u],
            "target": ids[v],
            "type": rel_type,
            "symmetric": rel_type in SYMMETRIC_TYPES,
            "color": rel_colors.get(rel_type, rel_colors[""]),
            "props": props,
            "evidence": _evidence(attrs),
        })

    counts = Counter(n["label"] for n in nodes)
    legend = [
        {"label": label, "zh": LABEL_ZH.get(label, ""), "count": counts[label],
         "color": styles[label].color if label in styles else "#A5ABB6"}
        for label in [*_ORDER, *sorted(set(counts) - set(_ORDER))]
        if counts[label]
    ]
    sizes = Counter(n["community"] for n in nodes if n["community"] is not None)
    communities = [
        {"community": c, "count": count, "color": community_color(c)}
        for c, count in sorted(sizes.items(), key=lambda item: (-item[1], item[0]))
    ]
    return {
        "title": title or "iikg 知识图谱",
        "nodes": nodes,
        "edges": edges,
        "legend": legend,
        "communities": communities,
        "text": TEXT,
    }


def _json_for_script(payload: str) -> str:
    """JSON text that cannot close its <script> element (`<\\/` is still valid JSON)."""
    return payload.replace("<", "\\u003c")


def _js_for_script(code: str) -> str:
    """Library code for an inline <script>: only a literal `</script` would end it early."""
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE)


def render_html(graph: nx.Graph, title: str = "") -> str:
    """The whole page as a string."""
    data = graph_data(graph, title)
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    parts = {
        "__IIKG_TITLE__": _html_escape(data["title"]),
        "__IIKG_DATA__": _json_for_script(payload),
        "__IIKG_VIS__": _js_for_script(asset_text(VIS_JS)),
    }
    # One pass over the template, so no inserted text is ever searched for markers.
    return re.sub("|".join(parts), lambda m: parts[m.group(0)], asset_text(VIEW_TEMPLATE))


def _html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_html(graph: nx.Graph, path: str | Path, title: str = "") -> Path:
    """Write the page to `path` (UTF-8) and return the path."""
    out = Path(path)
    out.write_text(render_html(graph, title), encoding="utf-8")
    return out
