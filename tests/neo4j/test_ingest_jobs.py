"""`--jobs N` on a real Neo4j: worker processes extract, one writer writes; the graph is the
one `--jobs 1` writes (full snapshot, tests/support/snapshot.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from support.snapshot import compare, snapshot

from graph.ingest import ingest

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles"


def test_two_workers_write_the_graph_one_process_writes(
    neo4j_db: Any, neo4j_server: Any, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    shutil.copy(sorted(corpus.glob("*.txt"))[1], corpus / "mirror.txt")
    (corpus / "broken.bin").write_bytes(b"\x00\x01\x02" * 100)
    one = ingest([str(corpus)], graph=neo4j_db, jobs=1, batch_size=2)
    alone = snapshot(neo4j_db.driver, neo4j_db.database)
    neo4j_db.run_write("MATCH (n) DETACH DELETE n")
    two = ingest([str(corpus)], graph=neo4j_db, jobs=2, batch_size=2)
    assert compare(alone, snapshot(neo4j_db.driver, neo4j_db.database)) == []
    # (a copy may be extracted twice when its original is still in flight: counts of
    # extracted rows may differ, the graph does not)
    assert (two.read, two.skipped) == (one.read, one.skipped)
    assert (two.written.new, two.written.unchanged) == (one.written.new, one.written.unchanged)
    assert len(two.skipped) == 1 and two.written.new == 5
    again = ingest([str(corpus)], graph=neo4j_db, jobs=2)
    assert (again.written.changed, again.written.unchanged) == (0, 6)
    # a fresh process forks its workers from the loaded segmenter (the path the CLI takes)
    neo4j_db.run_write("MATCH (n) DETACH DELETE n")
    env = {**os.environ, "NEO4J_URI": neo4j_server.uri}
    iikg = Path(sys.executable).with_name("iikg")
    out = subprocess.run([str(iikg), "ingest", "--no-progress", "--jobs", "2", str(corpus)],
                         env=env, check=True, capture_output=True, text=True).stdout
    assert "articles: 5 new, 0 changed" in out and "1 unchanged" in out
    assert compare(alone, snapshot(neo4j_db.driver, neo4j_db.database)) == []
