"""`iikg ingest --bulk` on a real Neo4j: the graph a bulk load gives equals, node for node,
relationship for relationship and property for property, the one `iikg ingest` writes into an
empty database (tests/support/snapshot.py; `ingested_at` left out, the time of the run);
an ingest of the same corpus afterwards finds everything unchanged and writes nothing; a
database that holds anything is refused; for another server the files and the command are
written, and running that command and `iikg bulk-finish` gives the same graph.

The corpus: the seed articles, a copy of one under a second path, generated articles (the
benchmark's: seed sentences recombined, firms renamed) through the real pipeline, and invented
articles whose hand-made extraction holds the values hardest to carry through CSV
(tests/support/bulk_corpus.py). Each load stops and starts the managed test server.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from bench.bench_ingest import generate
from support.bulk_corpus import mixed_extract, write_tricky
from support.graphdb import clear_database
from support.paths import SEEDS
from support.snapshot import compare, snapshot

from graph.bulk import bulk_ingest
from graph.errors import UsageError
from graph.ingest import ingest
from graph.neo4j import local, open_driver
from graph.neo4j.local.admin_import import import_full
from loaders.extract.version import extractor_version

VERSION = extractor_version() + "+bulk-test"


def _corpus(root: Path) -> Path:
    corpus = root / "corpus"
    shutil.copytree(SEEDS, corpus / "seeds")
    first = sorted((corpus / "seeds").glob("*.txt"))[0]
    (corpus / "mirror").mkdir()
    shutil.copy(first, corpus / "mirror" / first.name)
    (corpus / "generated").mkdir()
    generate(8, corpus / "generated")
    write_tricky(corpus / "records")
    return corpus


def _reopen(graph: Any, settings: Any) -> None:
    """A driver open before an import holds bookmarks of the database the import replaced
    (its transaction ids start again): the session's Graph gets a new one."""
    graph.driver.close()
    graph.driver = open_driver(settings)


def test_bulk_load_gives_the_graph_of_an_ingest(neo4j_db: Any, neo4j_server: Any,
                                                tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    plain = ingest([str(corpus)], graph=neo4j_db, extract=mixed_extract, version=VERSION,
                   batch_size=3)
    assert not plain.skipped and plain.written.new == 16, plain.lines()
    expected = snapshot(neo4j_db.driver, neo4j_db.database)
    clear_database(neo4j_db)

    files = tmp_path / "files"
    bulk = bulk_ingest([str(corpus)], neo4j_server, directory=files, jobs=2,
                       extract=mixed_extract, version=VERSION)
    _reopen(neo4j_db, neo4j_server)
    assert bulk.loaded and bulk.ingested == 16 and len(bulk.duplicates) == 1, bulk.lines()
    got = snapshot(neo4j_db.driver, neo4j_db.database)
    assert compare(expected, got) == []
    assert got["counts"] == expected["counts"] and got["counts"]["relationships"] > 1000
    _has_the_hard_values(got)
    # the same relationships the files held, and the post-import steps ran
    assert bulk.relationships + bulk.finished.sources.duplicates == got["counts"]["relationships"]
    assert (files / "IMPORT.sh").is_file()

    again = ingest([str(corpus)], graph=neo4j_db, extract=mixed_extract, version=VERSION)
    written = again.written
    # (the copy under a second path is reported unchanged too, as a duplicate of the run)
    assert (written.new, written.changed, written.unchanged) == (0, 0, 17), again.lines()
    assert again.entities == 0  # nothing was extracted
    assert (written.nodes_created, written.relationships_created, written.properties_set) == (
        0, 0, 0)
    assert (again.sources.relinked, again.sources.counted) == (0, 0)
    assert compare(got, snapshot(neo4j_db.driver, neo4j_db.database)) == []

    with pytest.raises(UsageError, match=r"empty database only.* holds \d+ node"):
        bulk_ingest([str(corpus)], neo4j_server, directory=tmp_path / "again",
                    extract=mixed_extract, version=VERSION)
    assert not (tmp_path / "again").exists()


def _has_the_hard_values(snap: dict[str, Any]) -> None:
    """The values of tests/support/bulk_corpus.py arrived (so the comparison covered them)."""
    nodes = {n["key"]: n["properties"] for n in snap["nodes"]}
    assert nodes["Company:晨曦制造"]["codes"] == [""]
    xingyun = nodes["Company:星云科技"]
    assert (xingyun["lines"], xingyun["rank"], xingyun["score"], xingyun["listed"]) == (
        [], 3, 1.5, False)
    assert nodes["City:洛阳市"]["level"] == "district"
    titles = {r["properties"].get("title") for r in snap["relationships"]
              if r["type"] == "WORKS_FOR" and r["start"] == "Person:王小明"}
    assert titles == {"副总经理"}
    sentences = {n["properties"].get("sentence") for n in snap["nodes"]
                 if "Evidence" in n["labels"]}
    assert any(s and "\r\n" in s and '"' in s and "\\" in s for s in sentences)
    assert any(r["type"] == "MENTIONS" and r["properties"]["aliases"] == []
               for r in snap["relationships"])


def _iikg(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    iikg = Path(sys.executable).with_name("iikg")
    return subprocess.run([str(iikg), *args], env=env, capture_output=True, text=True,
                          check=False)


def test_bulk_for_another_server_writes_the_files_and_the_command(
    neo4j_db: Any, neo4j_server: Any, tmp_path: Path
) -> None:
    ingest([str(SEEDS)], graph=neo4j_db)
    expected = snapshot(neo4j_db.driver, neo4j_db.database)
    # The server's address as NEO4J_URI: iikg treats it as any other server.
    env = {**os.environ, "NEO4J_URI": neo4j_server.uri}
    refused = _iikg("ingest", "--bulk", "--no-progress", str(SEEDS), env=env)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert refused.stderr.strip().splitlines()[-1].startswith(
        "Error: --bulk loads into an empty database only")
    clear_database(neo4j_db)

    files = tmp_path / "files"
    done = _iikg("ingest", "--bulk", "--no-progress", "--bulk-dir", str(files), str(SEEDS),
                 env=env)
    assert done.returncode == 0, done.stderr
    assert "nothing was written to Neo4j" in done.stdout
    printed = next(line.strip() for line in done.stdout.splitlines()
                   if line.strip().startswith("neo4j-admin database import full neo4j "))
    assert printed in (files / "IMPORT.sh").read_text(encoding="utf-8")
    assert f"iikg bulk-finish {files}" in done.stdout
    assert neo4j_db.run_read("MATCH (n) RETURN count(n) AS n")[0]["n"] == 0

    # What a user of that other server does: the printed command, in the directory, with
    # the server stopped; then start it and `iikg bulk-finish`.
    server = local.LocalServer.from_env()
    local.stop(server)
    try:
        import_full(server, files, shlex.split(printed)[1:])
    finally:
        local.start(server)
        _reopen(neo4j_db, neo4j_server)
    finished = _iikg("bulk-finish", str(files), env=env)
    assert finished.returncode == 0, finished.stderr
    assert "sources counted on" in finished.stdout
    assert compare(expected, snapshot(neo4j_db.driver, neo4j_db.database)) == []
