"""Structure of the graph with networkx: PageRank, betweenness and Louvain communities over the
relationships between entities (`iikg analyze`).

- **PageRank** on the directed graph of relationships (a symmetric type counts both ways),
  weighted by evidence count: how much the graph points at an entity (power iteration in numpy,
  networkx's definition, so no scipy is needed).
- **Betweenness** on the undirected graph, normalized: how often an entity lies on the shortest
  paths between others. Exact up to `EXACT_BETWEENNESS_NODES` entities; above that, estimated
  from `samples` source entities drawn with the seed (networkx's `k`).
- **Communities**: Louvain (networkx.community.louvain_communities) on the undirected graph,
  weighted by evidence count, with a fixed seed, so the same graph gives the same communities.
  Communities are numbered 0, 1, 2 … from the largest; ties by their first member's name.

Entities are keyed by (label, name), the way the store identifies them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import networkx as nx
import numpy as np

from graph.model import SYMMETRIC_TYPES

EXACT_BETWEENNESS_NODES = 2000
DEFAULT_SAMPLES = 256

Node = tuple[str, str]  # (label, name)


@dataclass
class Analysis:
    """Scores per entity and what the run did."""

    pagerank: dict[Node, float] = field(default_factory=dict)
    betweenness: dict[Node, float] = field(default_factory=dict)
    community: dict[Node, int] = field(default_factory=dict)
    relationships: int = 0
    samples: int | None = None  # betweenness sources; None: exact
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def nodes(self) -> int:
        return len(self.community)

    @property
    def communities(self) -> int:
        return len(set(self.community.values()))

    def rows(self) -> list[dict[str, Any]]:
        """One row per entity for the store: label, name, pagerank, betweenness, community."""
        return [
            {"label": label, "name": name, "pagerank": self.pagerank[(label, name)],
             "betweenness": self.betweenness[(label, name)],
             "community": self.community[(label, name)]}
            for label, name in sorted(self.community)
        ]


def build_graphs(edges: Iterable[Mapping[str, Any]]) -> tuple[nx.DiGraph, nx.Graph, int]:
    """The directed and undirected weighted graphs of `edges` (head_label, head, tail_label,
    tail, type, weight); parallel relationships add their weights. Nodes in sorted order, so
    seeded algorithms see the same graph every time. Returns the graphs and the edge count."""
    rows = sorted(
        ((e["head_label"], e["head"]), (e["tail_label"], e["tail"]), e["type"],
         max(1, int(e.get("weight") or 1)))
        for e in edges
    )
    directed: nx.DiGraph = nx.DiGraph()
    undirected: nx.Graph = nx.Graph()
    nodes = sorted({n for head, tail, _, _ in rows for n in (head, tail)})
    directed.add_nodes_from(nodes)
    undirected.add_nodes_from(nodes)

    def add(graph: nx.Graph, u: Node, v: Node, w: int) -> None:
        if graph.has_edge(u, v):
            graph[u][v]["weight"] += w
        else:
            graph.add_edge(u, v, weight=w)

    for head, tail, rtype, weight in rows:
        if head == tail:
            continue
        add(directed, head, tail, weight)
        if rtype in SYMMETRIC_TYPES:
            add(directed, tail, head, weight)
        add(undirected, head, tail, weight)
    return directed, undirected, len(rows)


def pagerank(graph: nx.DiGraph, alpha: float = 0.85, tol: float = 1.0e-6,
             max_iter: int = 100) -> dict[Node, float]:
    """PageRank by power iteration over the weighted edges (numpy; the semantics of
    networkx.pagerank: an entity with no outgoing edge spreads its rank evenly; converged when
    the summed change is below n·tol)."""
    nodes = list(graph)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    edges = list(graph.edges(data="weight"))
    src = np.array([index[u] for u, _, _ in edges], dtype=np.int64)
    dst = np.array([index[v] for _, v, _ in edges], dtype=np.int64)
    weight = np.array([float(w) for _, _, w in edges])
    out = np.bincount(src, weights=weight, minlength=n)
    dangling = out == 0
    share = weight / np.where(out[src] > 0, out[src], 1.0)
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = rank
        rank = alpha * np.bincount(dst, weights=last[src] * share, minlength=n)
        rank += (1.0 - alpha) / n + alpha * last[dangling].sum() / n
        if np.abs(rank - last).sum() < n * tol:
            break
    return {node: float(rank[i]) for i, node in enumerate(nodes)}


def _numbered(parts: list[set[Node]]) -> dict[Node, int]:
    ordered = sorted(parts, key=lambda part: (-len(part), min(part)))
    return {node: i for i, part in enumerate(ordered) for node in part}


def analyze_edges(
    edges: Iterable[Mapping[str, Any]],
    *,
    seed: int = 0,
    samples: int | None = None,
    resolution: float = 1.0,
) -> Analysis:
    """PageRank, betweenness and Louvain communities of the entities joined by `edges`.
    `samples`: betweenness sources (None: exact up to EXACT_BETWEENNESS_NODES entities, else
    DEFAULT_SAMPLES); `resolution`: Louvain's (above 1: smaller communities)."""
    out = Analysis()
    started = time.perf_counter()
    directed, undirected, out.relationships = build_graphs(edges)
    out.seconds["build"] = time.perf_counter() - started
    n = undirected.number_of_nodes()
    if n == 0:
        return out

    started = time.perf_counter()
    out.pagerank = pagerank(directed)
    out.seconds["pagerank"] = time.perf_counter() - started

    started = time.perf_counter()
    if samples is None and n > EXACT_BETWEENNESS_NODES:
        samples = DEFAULT_SAMPLES
    if samples is not None and samples >= n:
        samples = None
    out.samples = samples
    out.betweenness = nx.betweenness_centrality(undirected, k=samples, seed=seed,
                                                normalized=True)
    out.seconds["betweenness"] = time.perf_counter() - started

    started = time.perf_counter()
    parts = nx.community.louvain_communities(undirected, weight="weight",
                                             resolution=resolution, seed=seed)
    out.community = _numbered([set(p) for p in parts])
    out.seconds["louvain"] = time.perf_counter() - started
    return out


class AnalysisStore(Protocol):
    def entity_edges(self) -> list[dict[str, Any]]: ...

    def write_analysis(self, rows: list[dict[str, Any]], batch_size: int = 1000) -> int: ...


def analyze_graph(
    graph: AnalysisStore,
    *,
    seed: int = 0,
    samples: int | None = None,
    resolution: float = 1.0,
    batch_size: int = 1000,
    progress: Callable[[str], None] | None = None,
) -> Analysis:
    """Read the entity relationships of `graph`, analyze them and write pagerank, betweenness
    and community back onto the entities (stale values of entities no longer joined removed)."""
    say = progress or (lambda _: None)
    started = time.perf_counter()
    edges = graph.entity_edges()
    read_seconds = time.perf_counter() - started
    say(f"read {len(edges)} relationship(s) in {read_seconds:.1f} s")
    result = analyze_edges(edges, seed=seed, samples=samples, resolution=resolution)
    result.seconds["read"] = read_seconds
    started = time.perf_counter()
    graph.write_analysis(result.rows(), batch_size=batch_size)
    result.seconds["write"] = time.perf_counter() - started
    return result


def summary_lines(result: Analysis) -> list[str]:
    """What a run did, for the command line."""
    how = "exact" if result.samples is None else f"sampled from {result.samples} sources"
    timing = ", ".join(f"{k} {v:.1f} s" for k, v in result.seconds.items())
    return [
        f"analyzed {result.nodes} entities joined by {result.relationships} relationships",
        f"communities: {result.communities} (Louvain); betweenness: {how}",
        f"time: {timing}",
    ]
