"""Benchmark of `iikg analyze` on a generated graph of 100,000 relationships.

    .venv/bin/python tests/bench/bench_analyze.py [--relationships 100000] [--samples N]
    .venv/bin/python tests/bench/bench_analyze.py --neo4j --wipe   # also through Neo4j

The graph is synthetic: entities in planted groups of 20 to 400 (most relationships stay inside
a group, one in ten crosses to another), endpoints drawn with Zipf-like popularity inside a
group so a few hubs gather most relationships, as in news. Printed: the seconds of each stage
of the analysis (graph building, PageRank, betweenness, Louvain) and their ratio to a baseline
run in the same process on the same edges: building the networkx graph and finding its
connected components, a single linear pass. With --neo4j (which WIPES the target database, like
tests/bench/bench_store.py; confirm with --wipe) the edges are written to Neo4j first and the
whole `iikg analyze` path is timed: reading the relationships, analysing, writing the three
properties back in batches.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from pathlib import Path
from typing import Any

import networkx as nx

from graph.analyze import analyze_edges, analyze_graph, build_graphs

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for support

LABELS = ("Company", "Platform", "City", "Agency", "Organization", "Project")
TYPES = ("EMPOWERS", "SIGNED_WITH", "PARTNERS_WITH", "LOCATED_IN", "PARTICIPATES_IN",
         "DEVELOPED_BY")


def generate(relationships: int, seed: int = 7) -> list[dict[str, Any]]:
    """Edge rows in the shape Graph.entity_edges returns, with planted groups."""
    rng = random.Random(seed)
    groups: list[list[tuple[str, str]]] = []
    total = 0
    while total < relationships // 3:  # about three relationships per entity
        size = int(rng.paretovariate(1.2) * 20)
        size = max(20, min(size, 400))
        members = [(rng.choice(LABELS), f"实体{len(groups)}_{i}") for i in range(size)]
        groups.append(members)
        total += size
    cumulative = [list(itertools.accumulate(1 / (rank + 1) ** 1.1 for rank in range(len(g))))
                  for g in groups]
    group_cumulative = list(itertools.accumulate(len(g) for g in groups))
    indices = range(len(groups))
    edges: set[tuple[tuple[str, str], tuple[str, str], str]] = set()
    while len(edges) < relationships:
        gi = rng.choices(indices, cum_weights=group_cumulative)[0]
        head = rng.choices(groups[gi], cum_weights=cumulative[gi])[0]
        gj = gi if rng.random() < 0.9 else rng.randrange(len(groups))
        tail = rng.choices(groups[gj], cum_weights=cumulative[gj])[0]
        if head != tail:
            edges.add((head, tail, rng.choice(TYPES)))
    return [
        {"head_label": h[0], "head": h[1], "tail_label": t[0], "tail": t[1], "type": rtype,
         "weight": 1 + int(rng.random() < 0.2)}
        for h, t, rtype in sorted(edges)
    ]


def baseline(edges: list[dict[str, Any]]) -> float:
    started = time.perf_counter()
    _, undirected, _ = build_graphs(edges)
    sum(1 for _ in nx.connected_components(undirected))
    return time.perf_counter() - started


class _MemoryStore:
    def __init__(self, edges: list[dict[str, Any]]) -> None:
        self.edges = edges

    def entity_edges(self) -> list[dict[str, Any]]:
        return self.edges

    def write_analysis(self, rows: list[dict[str, Any]], batch_size: int = 1000) -> int:
        return len(rows)


def _load_into_neo4j(graph: Any, edges: list[dict[str, Any]]) -> None:
    nodes = sorted({(e[f"{end}_label"], e[end]) for e in edges for end in ("head", "tail")})
    graph.write_subgraph_rows(
        [(label, {"name": name}) for label, name in nodes],
        [(e["type"], e["head_label"], {"name": e["head"]}, e["tail_label"], {"name": e["tail"]},
          {"evidence_count": e["weight"]}) for e in edges],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--relationships", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=None,
                        help="betweenness sources (default: the analysis's own choice)")
    parser.add_argument("--repeat", action="store_true",
                        help="run the analysis a second time and check it gives the same result")
    parser.add_argument("--neo4j", action="store_true",
                        help="write the graph to Neo4j and time iikg analyze end to end")
    parser.add_argument("--wipe", action="store_true", help="confirm wiping the database")
    args = parser.parse_args()

    edges = generate(args.relationships)
    nodes = len({(e[f"{end}_label"], e[end]) for e in edges for end in ("head", "tail")})
    print(f"generated graph: {nodes} entities, {len(edges)} relationships")
    base = baseline(edges)
    print(f"baseline (build graph + connected components): {base:.2f} s")

    started = time.perf_counter()
    result = analyze_edges(edges, samples=args.samples)
    total = time.perf_counter() - started
    how = "exact" if result.samples is None else f"{result.samples} samples"
    print(f"analysis: {result.communities} communities, betweenness {how}")
    for stage, seconds in result.seconds.items():
        print(f"  {stage:12} {seconds:7.2f} s  ({seconds / base:6.1f}x baseline)")
    print(f"  {'total':12} {total:7.2f} s  ({total / base:6.1f}x baseline)")
    if args.repeat:
        again = analyze_graph(_MemoryStore(edges), samples=args.samples)
        same = again.community == result.community and again.betweenness == result.betweenness
        print(f"same communities and betweenness on a second run (seeded): {same}")

    if args.neo4j:
        if not args.wipe:
            sys.exit("--neo4j wipes the target database: pass --wipe to confirm")
        from support.graphdb import clear_database

        from graph.neo4j import connect, resolve_settings

        with connect(resolve_settings(progress=print)) as graph:
            clear_database(graph)
            started = time.perf_counter()
            _load_into_neo4j(graph, edges)
            print(f"loaded into Neo4j in {time.perf_counter() - started:.1f} s")
            started = time.perf_counter()
            run = analyze_graph(graph, samples=args.samples)
            whole = time.perf_counter() - started
            print(f"iikg analyze through Neo4j: {whole:.2f} s ({whole / base:.1f}x baseline): "
                  + ", ".join(f"{k} {v:.2f} s" for k, v in run.seconds.items()))
            clear_database(graph)


if __name__ == "__main__":
    main()
