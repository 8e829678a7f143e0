"""Every query of the Browser guide runs on a real Neo4j loaded from the seed corpus."""

from __future__ import annotations

import re
from typing import Any

from test_explore_browser_e2e import seeded  # noqa: F401  (fixture)
from test_explore_units import guide_queries

from graph import store

# The values the guide's `:params` slide sets.
PARAMS = {"name": "卡奥斯", "other": "华光国瓷", "city": "淄博市"}


def _params_of_guide() -> dict[str, str]:
    from graph.browser import GUIDE_FILE, asset_text

    line = re.search(r":params \{([^}]*)\}", asset_text(GUIDE_FILE)).group(1)
    return dict(re.findall(r'(\w+): "([^"]*)"', line))


def test_guide_params_slide_sets_the_values_tested_here() -> None:
    assert _params_of_guide() == PARAMS


def test_every_guide_query_runs_on_the_seed_graph(seeded: Any, neo4j_server: Any) -> None:  # noqa: F811
    results = {}
    for query in guide_queries():
        used = set(re.findall(r"\$(\w+)", query))
        params = {k: v for k, v in PARAMS.items() if k in used}
        assert used <= set(PARAMS), query
        results[query] = store.run_read(seeded, query, params, database=neo4j_server.database)

    def rows(fragment: str) -> list[dict[str, Any]]:
        return next(r for q, r in results.items() if fragment in q)

    reach = rows("RETURN p.name AS platform, count(DISTINCT t) AS targets")
    assert "卡奥斯" in [r["platform"] for r in reach]
    assert rows("MATCH path = (e)-[]-(:Entity)"), "卡奥斯 has no neighbours"
    evidence = rows("r.evidence_sentence[i] AS sentence")
    assert evidence and all(r["sentence"] and r["article"] for r in evidence)
    assert rows("MATCH path = (:Entity)-[:SIGNED_WITH]->(:Entity)")
    assert rows("MATCH path = (:Policy)-[:ISSUED_BY]->(:Entity)")
