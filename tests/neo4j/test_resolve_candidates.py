"""`iikg resolve candidates` on the graph of the seeds and the development set lists the known
alias pairs. The expected pairs are derived from data, never written out: entities of one label
where the name of one is an alias of the other in the graph, and full and short names that the
gazetteer files (seeds/gazetteer/*.csv) give for one thing, when both are nodes."""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from support.paths import ROOT, SEEDS

from graph.cli import main
from graph.ingest import ingest
from loaders.extract.decisions import load_decisions

# The development set lives beside the repository (../shared/devset), not in it: a checkout
# without it skips this test; IIKG_DEVSET points elsewhere.
DEVSET_RAW = Path(os.environ.get("IIKG_DEVSET") or ROOT.parent / "shared" / "devset") / "raw"
GAZETTEER = ROOT / "seeds" / "gazetteer"
GAZETTEER_LABELS = {"companies": "Company", "platforms": "Platform", "agencies": "Agency",
                    "organizations": "Organization", "divisions": "City"}


def _gazetteer_pairs(nodes: set[tuple[str, str]]) -> set[frozenset]:
    pairs = set()
    for stem, label in GAZETTEER_LABELS.items():
        with open(GAZETTEER / f"{stem}.csv", encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("ambiguous") in ("1", "true"):
                    continue
                forms = {row["name"], row.get("short") or "",
                         *(row.get("aliases") or "").split("|")} - {""}
                present = sorted(f for f in forms if (label, f) in nodes)
                if row["name"] in present:
                    pairs |= {frozenset({(label, row["name"]), (label, f)})
                              for f in present if f != row["name"]}
    return pairs


def _alias_pairs(table: list[dict[str, Any]]) -> set[frozenset]:
    nodes = {(r["label"], r["name"]) for r in table}
    return {frozenset({(r["label"], r["name"]), (r["label"], alias)})
            for r in table for alias in r["aliases"]
            if (r["label"], alias) in nodes and alias != r["name"]}


def test_candidates_on_seeds_and_devset_list_the_known_alias_pairs(
        neo4j_db: Any, neo4j_server: Any, tmp_path: Path) -> None:
    if not DEVSET_RAW.is_dir():
        pytest.skip(f"the development set is not at {DEVSET_RAW} (set IIKG_DEVSET)")
    summary = ingest([str(SEEDS), str(DEVSET_RAW)], graph=neo4j_db)
    assert summary.read >= 35 and not summary.skipped, summary.lines()
    table = neo4j_db.entity_table()
    expected = _alias_pairs(table) | _gazetteer_pairs({(r["label"], r["name"]) for r in table})
    assert len(expected) >= 3

    out = tmp_path / "candidates.csv"
    args = ["resolve", "candidates", "--min-score", "0.5", "--out", str(out),
            "--uri", neo4j_server.uri]
    if neo4j_server.password:
        args += ["--user", neo4j_server.user or "neo4j", "--password", neo4j_server.password]
    result = CliRunner().invoke(main, args, catch_exceptions=False,
                                env={"IIKG_RESOLUTIONS": ""})
    assert result.exit_code == 0, result.output
    assert load_decisions(out).rows  # the output is a decisions file as it stands
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))  # commented-out proposals included
    listed = {frozenset({(r["label"], r["name"]), (r["target_label"], r["target"])})
              for r in rows}
    assert expected <= listed, sorted(map(sorted, expected - listed))
    assert all(r["action"] in ("merge", "#merge") and r["note"] for r in rows)
