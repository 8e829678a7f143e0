"""Reliability of the input side on a real Neo4j: a folder of good articles among more than
thirty kinds of poison lands every good article and names every bad input; an article whose
value Neo4j refuses is named alone while the rest of its batch lands; a duplicate is written
once; and every expected failure of the CLI against the server (a database that does not
exist, for every command that opens one) is one line with exit status 1.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from support import poison

from graph.cli import main
from graph.ingest import default_extract, ingest
from graph.model import Entity
from loaders.metadata import MAX_ID_BYTES, MAX_TITLE_BYTES

BUG = "触发提取故障"


def extract_with_a_bug(article: Any) -> Any:
    """The real extraction, except that one article's extraction raises (a rule's bug)."""
    if BUG in article.text:
        raise RuntimeError("a rule failed")
    return default_extract(article)


def articles(graph: Any) -> dict[str, dict[str, Any]]:
    rows = graph.run_read("MATCH (a:Article) RETURN a.path AS path, a.id AS id, a.title AS title")
    return {row["path"]: row for row in rows}


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory: pytest.TempPathFactory) -> poison.Poisoned:
    return poison.build(tmp_path_factory.mktemp("poison") / "in", extract_bug=BUG)


def test_every_good_article_lands_and_every_bad_input_is_named(
    neo4j_db: Any, poisoned: poison.Poisoned
) -> None:
    summary = ingest([str(poisoned.root)], graph=neo4j_db, batch_size=7,
                     extract=extract_with_a_bug)
    skipped = dict(summary.skipped)
    assert len(poisoned.bad) >= 30
    assert set(skipped) == set(poisoned.bad)
    for path, fragment in poisoned.bad.items():
        assert fragment in skipped[path], (path, skipped[path])
    stored = articles(neo4j_db)
    assert set(stored) == set(poisoned.good)
    assert summary.written is not None and summary.written.new == len(poisoned.good)
    long_id = stored[poisoned.path("records.jsonl:2")]["id"]
    assert len(long_id.encode()) <= MAX_ID_BYTES and long_id.startswith("编号编号")
    title = stored[poisoned.path("long_title.md")]["title"]
    assert len(title.encode()) <= MAX_TITLE_BYTES and title.startswith("长长长")
    assert stored[poisoned.path("records.jsonl:1")]["title"] == "海尔"
    gbk = "新闻稿".encode("gbk").decode("utf-8", "backslashreplace")  # \xd0\xc2…
    assert str(poisoned.root / f"{gbk}.txt") in stored


def test_a_second_ingest_of_the_poison_folder_changes_nothing(
    neo4j_db: Any, poisoned: poison.Poisoned
) -> None:
    ingest([str(poisoned.root)], graph=neo4j_db, extract=extract_with_a_bug)
    again = ingest([str(poisoned.root)], graph=neo4j_db, extract=extract_with_a_bug)
    assert again.written is not None
    assert (again.written.new, again.written.changed) == (0, 0)
    assert again.written.unchanged == len(poisoned.good)


def test_a_value_neo4j_refuses_names_that_article_and_the_rest_of_its_batch_lands(
    neo4j_db: Any, tmp_path: Path
) -> None:
    for i in range(6):
        (tmp_path / f"a{i}.txt").write_text(poison.sentence(i), encoding="utf-8")
    culprit = poison.sentence(3)

    def extract(article: Any) -> Any:  # an entity name of 27 KB: over the index limit
        extraction = default_extract(article)
        if article.text == culprit:
            huge = Entity(label="Company", name="巨" * 9000 + "公司")
            extraction = replace(extraction, entities=(*extraction.entities, huge))
        return extraction

    summary = ingest([str(tmp_path)], graph=neo4j_db, batch_size=10, extract=extract)
    [(label, reason)] = summary.skipped
    assert label.startswith(str(tmp_path / "a3.txt")) and "(id " in label
    assert "Neo4j refused this article" in reason and "too large to index" in reason
    assert set(articles(neo4j_db)) == {str(tmp_path / f"a{i}.txt") for i in (0, 1, 2, 4, 5)}
    assert summary.ingested == 5


def test_a_copy_of_an_article_is_counted_once(neo4j_db: Any, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(poison.sentence(7), encoding="utf-8")
    shutil.copy(tmp_path / "a.txt", tmp_path / "b.txt")
    summary = ingest([str(tmp_path)], graph=neo4j_db)
    assert summary.written is not None and summary.written.new == 1
    assert summary.duplicates == [(str(tmp_path / "b.txt"), str(tmp_path / "a.txt"))]
    assert set(articles(neo4j_db)) == {str(tmp_path / "a.txt")}  # the first file's path


# -- the CLI against the server: one line, exit status 1 --------------------------------------


def connection(settings: Any, database: str | None = None) -> list[str]:
    args = ["--uri", settings.uri]
    if settings.password:
        args += ["--user", settings.user or "neo4j", "--password", settings.password]
    name = database or settings.database
    return [*args, "--database", name] if name else args


def one_line_error(result: Any) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    errors = [line for line in lines if line.startswith("Error: ")]
    assert len(errors) == 1 and lines[-1] == errors[0], result.stderr
    return errors[0]


@pytest.mark.parametrize(
    "command",
    [
        ["stats"],
        ["ingest", "{seeds}", "--no-progress"],
        ["export", "--around", "卡奥斯"],
        ["schema", "apply"],
        ["demo", "--no-progress"],
        ["report", "platform-reach"],
        ["query", "RETURN 1 AS one"],
    ],
)
def test_a_database_that_does_not_exist_is_one_line(
    neo4j_server: Any, neo4j_db: Any, command: list[str]
) -> None:
    from support.paths import SEEDS

    args = [a.replace("{seeds}", str(SEEDS)) for a in command]
    result = CliRunner().invoke(main, [*args, *connection(neo4j_server, "nosuchdb")])
    message = one_line_error(result)
    assert f"database 'nosuchdb' does not exist on Neo4j at {neo4j_server.uri}" in message


def test_ingest_of_nothing_but_poison_exits_1_and_writes_nothing(
    neo4j_server: Any, neo4j_db: Any, tmp_path: Path
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "zeros.md").write_bytes(b"\x00" * 100)
    os.mkfifo(tmp_path / "pipe.txt")
    result = CliRunner().invoke(
        main, ["ingest", str(tmp_path), "--no-progress", *connection(neo4j_server)])
    assert "nothing was ingested: all 3 input(s) were skipped" in one_line_error(result)
    assert articles(neo4j_db) == {}


def test_ingest_of_a_path_that_does_not_exist_exits_1(neo4j_server: Any, neo4j_db: Any) -> None:
    result = CliRunner().invoke(
        main, ["ingest", "/nonexistent", "--no-progress", *connection(neo4j_server)])
    assert "nothing was ingested" in one_line_error(result)
    assert "skipped /nonexistent: no such file or directory" in result.stdout


def test_bytes_that_are_not_utf8_on_the_real_command_line(
    neo4j_server: Any, neo4j_db: Any
) -> None:
    iikg = Path(sys.executable).with_name("iikg")
    args = [str(iikg), "export", "--around", b"\xff", *connection(neo4j_server)]
    done = subprocess.run(args, capture_output=True, timeout=120, check=False)
    assert done.returncode == 1
    assert done.stderr.decode().strip() == (
        "Error: '--around': '\\xff' is not UTF-8 text (byte 0xff); names, parameters and "
        "queries must be UTF-8")
