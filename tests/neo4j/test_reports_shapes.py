"""The reports whose queries are shaped for speed (layer-by-layer search, pruning by the limit,
whole-graph audits) return exactly what a brute-force computation in Python over the same
graph returns. The graph: the hand-built corpus plus a few hundred articles of the benchmark's
generator (hub cities, platforms and companies, as in news)."""

from __future__ import annotations

import importlib.util
from collections import defaultdict
from typing import Any

import pytest
from support.graphdb import clear_database
from support.paths import BENCH
from support.report_rows import report_rows
from support.store_corpus import corpus

from graph.ingest import write_extractions

TYPES = ("EMPOWERS", "SIGNED_WITH", "ISSUED_BY", "DEVELOPED_BY", "PARTNERS_WITH", "LOCATED_IN",
         "PART_OF", "SUBSIDIARY_OF", "PARTICIPATES_IN", "WORKS_FOR")


def _generator() -> Any:
    path = BENCH / "bench_store.py"
    spec = importlib.util.spec_from_file_location("bench_store", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate


@pytest.fixture(scope="module")
def graph(neo4j_driver: Any, neo4j_server: Any) -> Any:
    clear_database(neo4j_driver)
    extractions = corpus() + list(_generator()(300, seed=3))
    write_extractions(neo4j_driver, extractions)
    # the generator gives places no level: derive it from the name so regions roll up
    neo4j_driver.run_write(
        "MATCH (c:City) WHERE c.level IS NULL SET c.level = CASE right(c.name, 1) "
        "WHEN '省' THEN 'province' WHEN '市' THEN 'city' WHEN '区' THEN 'district' END",
    )
    neo4j_driver.run_query_readonly("CALL db.awaitIndexes(60)")
    return neo4j_driver


@pytest.fixture(scope="module")
def data(graph: Any) -> dict[str, Any]:
    """The graph as plain data: entities by name (names are unique across labels here) and
    every entity-to-entity relationship."""
    entities = {
        row[0]: {"label": row[1], "level": row[2], "mentions": row[3], "aliases": row[4] or []}
        for row in graph.run_query_readonly(
            "MATCH (e:Entity) RETURN e.name, [l IN labels(e) WHERE l <> 'Entity'][0], e.level, "
            "e.mentions, e.aliases",
        ).rows
    }
    edges = [tuple(row) for row in graph.run_query_readonly(
        "MATCH (a:Entity)-[r]->(b:Entity) RETURN a.name, type(r), b.name, r.confidence, "
        "r.evidence_count",
    ).rows]
    assert len(edges) > 1000 and {t for _, t, *_ in edges} == set(TYPES)
    return {"entities": entities, "edges": edges}


def run(driver: Any, report: str, /, **params: Any) -> list[tuple]:
    return [tuple(row.values()) for row in report_rows(driver, report, **params)]


def _hubs(data: dict[str, Any], k: int) -> list[str]:
    degree: dict[str, int] = defaultdict(int)
    for a, _, b, *_ in data["edges"]:
        degree[a] += 1
        degree[b] += 1
    return sorted(degree, key=lambda n: (-degree[n], n))[:k]


# --- neighbors -------------------------------------------------------------------------------


def expected_neighbors(data: dict[str, Any], center: str, hops: int, limit: int) -> list[tuple]:
    adjacent: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for a, t, b, *_ in data["edges"]:
        adjacent[a].add((t, b))
        adjacent[b].add((t, a))
    distance = {center: 0}
    layer = [center]
    for d in range(1, hops + 1):
        layer = sorted({n for m in layer for _, n in adjacent[m] if n not in distance})
        distance.update((n, d) for n in layer)
    labels = {n: e["label"] for n, e in data["entities"].items()}
    rows = [
        (center, n, labels[n], d, sorted({t for t, m in adjacent[n] if distance.get(m) == d - 1}))
        for n, d in distance.items() if d > 0
    ]
    return sorted(rows, key=lambda r: (r[3], r[2], r[1]))[:limit]


def test_neighbors(graph: Any, data: dict[str, Any]) -> None:
    centers = _hubs(data, 4) + sorted(data["entities"])[::60]
    for center in centers:
        for hops in (1, 2, 3):
            for limit in (200, 30, 1):
                got = [tuple(r) for r in run(graph, "neighbors", name=center, hops=hops,
                                              limit=limit)]
                got = [(*r[:4], list(r[4])) for r in got]
                assert got == expected_neighbors(data, center, hops, limit), (center, hops, limit)


# --- cross-region-platforms ------------------------------------------------------------------

LINKS = {"EMPOWERS", "SIGNED_WITH", "PARTNERS_WITH", "PARTICIPATES_IN", "LOCATED_IN"}


def expected_cross_region(
    data: dict[str, Any], min_regions: int, level: str, limit: int
) -> list[tuple]:
    entities = data["entities"]
    counterparts: dict[str, set[str]] = defaultdict(set)
    located: dict[str, set[str]] = defaultdict(set)
    part_of: dict[str, set[str]] = defaultdict(set)
    for a, t, b, *_ in data["edges"]:
        if t in LINKS and entities[a]["label"] == "Platform":
            counterparts[a].add(b)
        if t in LINKS and entities[b]["label"] == "Platform":
            counterparts[b].add(a)
        if t == "LOCATED_IN" and entities[b]["label"] == "City":
            located[a].add(b)
        if t == "PART_OF":
            part_of[a].add(b)

    def cities(x: str) -> set[str]:
        return located[x] | ({x} if entities[x]["label"] == "City" else set())

    def region(c: str) -> str:
        reach = {c} | part_of[c] | {z for y in part_of[c] for z in part_of[y]}
        wanted = sorted(u for u in reach if entities[u]["label"] == "City"
                        and entities[u]["level"] == level)
        return wanted[0] if wanted else c

    rows = []
    for p, xs in counterparts.items():
        pairs = [(x, c) for x in xs for c in cities(x)]
        regions = sorted({region(c) for _, c in pairs})
        if len(regions) >= min_regions:
            rows.append((p, len(regions), regions, len(pairs)))
    return sorted(rows, key=lambda r: (-r[1], -r[3], r[0]))[:limit]


@pytest.mark.parametrize(
    "params",
    [{}, {"level": "province"}, {"level": "district"}, {"min_regions": 1, "limit": 500},
     {"min_regions": 4, "level": "province", "limit": 7}, {"limit": 0}],
)
def test_cross_region_platforms(graph: Any, data: dict[str, Any], params: dict) -> None:
    args = {"min_regions": 2, "level": "city", "limit": 50, **params}
    expected = expected_cross_region(data, args["min_regions"], args["level"], args["limit"])
    got = [(r[0], r[1], list(r[2]), r[3]) for r in run(graph, "cross-region-platforms", **params)]
    assert got == expected
    if args["limit"] and args["min_regions"] <= 2:
        assert len(got) > 3  # the generated graph has platforms reaching several regions


# --- quality ---------------------------------------------------------------------------------


def expected_quality(data: dict[str, Any], min_confidence: float, limit: int) -> list[tuple]:
    entities, edges = data["entities"], data["edges"]
    linked = {a for a, *_ in edges} | {b for _, _, b, *_ in edges}
    orphans = sorted(
        (n for n, e in entities.items() if n not in linked and e["mentions"] is not None),
        key=lambda n: (-entities[n]["mentions"], n),
    )[:limit]
    rows = [("orphan", entities[n]["label"], n,
             f"no relationship; mentioned {entities[n]['mentions']} times") for n in orphans]
    holders: dict[str, set[str]] = defaultdict(set)
    for n, e in entities.items():
        for alias in e["aliases"]:
            holders[alias].add(n)
    collisions = []
    for alias in sorted(holders):
        users = holders[alias] | ({alias} if alias in entities else set())
        if len(users) > 1:
            names = sorted(users)
            collisions.append(("alias_collision", "", alias, "used by " + ", ".join(
                f"{entities[u]['label']} {u}" for u in names)))
    rows += collisions[:limit]
    low = sorted((e for e in edges if e[3] < min_confidence), key=lambda e: (e[3], e[0], e[2]))
    rows += [("low_confidence", t, f"{a} → {b}", f"confidence {c}, {n} evidence")
             for a, t, b, c, n in low[:limit]]
    return rows


@pytest.mark.parametrize("params", [{}, {"min_confidence": 0.45, "limit": 7},
                                    {"min_confidence": 0.99, "limit": 1000}])
def test_quality(graph: Any, data: dict[str, Any], params: dict) -> None:
    args = {"min_confidence": 0.6, "limit": 100, **params}
    got = run(graph, "quality", **params)
    expected = expected_quality(data, args["min_confidence"], args["limit"])

    # low-confidence rows tied on confidence and names may come in any order
    assert [r for r in got if r[0] != "low_confidence"] == [
        r for r in expected if r[0] != "low_confidence"
    ]
    assert sorted(r for r in got if r[0] == "low_confidence") == sorted(
        r for r in expected if r[0] == "low_confidence"
    )
    assert {r[0] for r in got} == {"orphan", "alias_collision", "low_confidence"}


# --- platform-reach --------------------------------------------------------------------------


def expected_platform_reach(data: dict[str, Any], city: str | None, limit: int) -> list[tuple]:
    entities, edges = data["entities"], data["edges"]
    allowed: set[str] | None = None
    if city is not None:
        part_of = defaultdict(set)
        for a, t, b, *_ in edges:
            if t == "PART_OF":
                part_of[b].add(a)  # b's parts
        area, layer = {city}, {city}
        for _ in range(3):
            layer = {d for c in layer for d in part_of[c]}
            area |= layer
        allowed = area | {a for a, t, b, *_ in edges if t == "LOCATED_IN" and b in area}
    reach: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for a, t, b, _, evidence in edges:
        if t == "EMPOWERS" and entities[a]["label"] == "Platform" and (
            allowed is None or b in allowed
        ):
            reach[a].append((b, evidence))
    rows = []
    for p, targets in reach.items():
        labels = [entities[t]["label"] for t, _ in targets]
        examples = [t for t, _ in sorted(targets, key=lambda x: (-x[1], x[0]))][:5]
        rows.append((p, len(targets), labels.count("Company"), labels.count("City"),
                     labels.count("Project"), sum(n for _, n in targets), examples))
    return sorted(rows, key=lambda r: (-r[1], -r[5], r[0]))[:limit]


def test_platform_reach(graph: Any, data: dict[str, Any]) -> None:
    cities = [n for n in _hubs(data, 60) if data["entities"][n]["label"] == "City"][:4]
    assert cities
    for city in [None, *cities]:
        for limit in (20, 3, 1, 0, 500):
            params = {"limit": limit} if city is None else {"limit": limit, "city": city}
            got = [(*r[:6], list(r[6])) for r in run(graph, "platform-reach", **params)]
            assert got == expected_platform_reach(data, city, limit), (city, limit)
