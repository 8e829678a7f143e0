"""Every query of the Browser guide runs on a real Neo4j loaded from the seed corpus."""

from __future__ import annotations

import re
from typing import Any

from support.explore import guide_queries

# The values the guide's `:params` slide sets.
PARAMS = {"name": "卡奥斯", "other": "华光国瓷", "city": "淄博市"}


def _params_of_guide() -> dict[str, str]:
    from graph.browser import GUIDE_FILE, asset_text

    line = re.search(r":params \{([^}]*)\}", asset_text(GUIDE_FILE)).group(1)
    return dict(re.findall(r'(\w+): "([^"]*)"', line))


def _article_text(driver: Any, server: Any, title: str) -> str:
    """The normalized text of the seed article with this title, loaded from its file."""
    from loaders.sources import load_file

    found = driver.run_read("MATCH (a:Article {title: $title}) RETURN a.path AS path",
                           {"title": title})
    assert len(found) == 1, title
    return load_file(found[0]["path"]).text


def test_guide_params_slide_sets_the_values_tested_here() -> None:
    assert _params_of_guide() == PARAMS


def test_every_guide_query_runs_on_the_seed_graph(seeded: Any, neo4j_server: Any) -> None:
    results = {}
    for query in guide_queries():
        used = set(re.findall(r"\$(\w+)", query))
        params = {k: v for k, v in PARAMS.items() if k in used}
        assert used <= set(PARAMS), query
        results[query] = seeded.run_read(query, params)

    def rows(fragment: str) -> list[dict[str, Any]]:
        return next(r for q, r in results.items() if fragment in q)

    reach = rows("RETURN p.name AS platform, count(DISTINCT t) AS targets")
    assert "卡奥斯" in [r["platform"] for r in reach]
    assert rows("MATCH path = (e)-[]-(:Entity)"), "卡奥斯 has no neighbours"
    # The evidence table: every sentence of every relationship of 卡奥斯, with its article's
    # title, as many rows as the relationships' evidence_count add up to.
    evidence = rows("ev.sentence AS sentence")
    assert evidence and all(r["sentence"] and r["article"] for r in evidence)
    totals = seeded.run_read(
        "MATCH (e:Entity {name: $name})-[r]-(:Entity) RETURN sum(r.evidence_count) AS n",
        {"name": PARAMS["name"]})
    assert len(evidence) == min(totals[0]["n"], 200)
    for r in evidence:  # the sentence is quoted from the article the row names
        assert r["sentence"] in _article_text(seeded, neo4j_server, r["article"])
    # The same as a graph: Evidence nodes reached from their articles.
    graph_rows = rows("MATCH path = (:Article)-[:HAS_EVIDENCE]->(:Evidence {rel: r.key})")
    assert graph_rows and all(row["path"] for row in graph_rows)
    low = rows("WHERE r.confidence < 0.6")
    assert all(r["sentence"] for r in low)
    assert rows("MATCH path = (:Entity)-[:SIGNED_WITH]->(:Entity)")
    assert rows("MATCH path = (:Policy)-[:ISSUED_BY]->(:Entity)")
    # what is new: the seed corpus was just ingested, so all of it is new
    new = rows("THEN 'more evidence' ELSE 'new' END AS change")
    assert new and {r["change"] for r in new} == {"new"}
    # (PART_OF from the administrative hierarchy has no sentence)
    assert all(r["sentence"] for r in new if r["type"] != "PART_OF")
    assert rows("MATCH path = (a)-[:HAS_EVIDENCE]->(:Evidence)")
    articles = rows("RETURN a.ingested_at AS ingested_at")
    assert len(articles) == 5 and all(r["ingested_at"] for r in articles)
