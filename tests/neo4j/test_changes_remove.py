"""What is new and taking articles back, on a real Neo4j: `ingested_at` on every Article and
Evidence node, `changes` over a window, and `remove`, whose graph must equal a fresh ingest of
the remaining corpus (full snapshots, tests/support/snapshot.py, which leaves `ingested_at`
out), including ingest → remove → ingest again."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from click.testing import CliRunner
from support.ask_corpus import ask_corpus, luoyang
from support.graphdb import clear_database
from support.paths import SEEDS
from support.snapshot import compare, snapshot
from support.store_corpus import HUAGUANG, KAOS, _article, _rel

from graph import moments, retract
from graph.cli import main
from graph.errors import UsageError
from graph.ingest import ingest, write_extractions
from graph.model import Entity, Extraction

STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")
SEED_FILES = sorted(str(p) for p in SEEDS.iterdir() if p.is_file())


def snap(graph: Any) -> dict[str, Any]:
    return snapshot(graph.driver, graph.database)


def again_kaos() -> Extraction:
    """A later article repeating that 卡奥斯 empowers 华光国瓷 (more evidence for an old
    relationship) and naming a new company."""
    text = "卡奥斯继续赋能华光国瓷。新星材料加入。"
    article = _article("art-again", "corpus/again.txt", "2026-12-02", "再赋能", text)
    return Extraction(
        article,
        (Entity(*KAOS, mentions=1), Entity(*HUAGUANG, mentions=1),
         Entity("Company", "新星材料", mentions=1)),
        (_rel("EMPOWERS", KAOS, HUAGUANG, "卡奥斯继续赋能华光国瓷。", 0),),
    )


def test_every_article_and_evidence_node_records_when_it_was_ingested(neo4j_db: Any) -> None:
    before = moments.now()
    write_extractions(neo4j_db, ask_corpus())
    rows = neo4j_db.run_read(
        "MATCH (n) WHERE n:Article OR n:Evidence RETURN labels(n)[0] AS label, n.ingested_at AS at")
    assert rows and all(r["at"] and STAMP.match(r["at"]) and r["at"] >= before for r in rows)
    assert {r["label"] for r in rows} == {"Article", "Evidence"}
    # an unchanged article keeps its time; a changed one gets the new run's
    first = {r["id"]: r["at"] for r in neo4j_db.run_read(
        "MATCH (a:Article) RETURN a.id AS id, a.ingested_at AS at")}
    write_extractions(neo4j_db, ask_corpus())
    assert {r["id"]: r["at"] for r in neo4j_db.run_read(
        "MATCH (a:Article) RETURN a.id AS id, a.ingested_at AS at")} == first


def test_changes_lists_what_first_appeared_and_what_gained_evidence(neo4j_db: Any) -> None:
    write_extractions(neo4j_db, ask_corpus())
    mark = moments.now()
    write_extractions(neo4j_db, [again_kaos()])
    result = retract.changes(neo4j_db, mark)
    rows = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    assert [(r["change"], r["kind"], r["name"], r["added"], r["total"]) for r in rows] == [
        ("new_entity", "Company", "新星材料", 1, 1),
        ("more_evidence", "EMPOWERS", "卡奥斯 → 华光国瓷", 1, 2),
    ]
    assert rows[1]["sentence"] == "卡奥斯继续赋能华光国瓷。" and rows[1]["at"] >= mark
    assert rows[0]["sentence"] == "再赋能"  # no relationship names it: the article's title
    # the window closed before the second run: everything of the first, nothing of the second
    first = retract.changes(neo4j_db, "2000-01-01", until=mark)
    names = {row[2] for row in first.rows}
    assert "星云科技" in names and "新星材料" not in names
    # by publication date: what the articles dated 2026-11 brought
    published = retract.changes(neo4j_db, "2026-11", until="2026-11", by="published",
                                label="Person")
    assert [row[:3] for row in published.rows] == [["new_entity", "Person", "李明远"],
                                                    ["new_relationship", "WORKS_FOR",
                                                     "李明远 → 星云科技"]]
    with pytest.raises(UsageError):
        retract.changes(neo4j_db, "last tuesday")


def test_changes_command(neo4j_db: Any) -> None:
    write_extractions(neo4j_db, ask_corpus())
    result = CliRunner().invoke(main, ["changes", "--since", "2026-11-01", "--by", "published",
                                       "--type", "SIGNED_WITH", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["change"], r["name"]) for r in rows] == [
        ("new_relationship", "星云科技 → 洛阳市人民政府")]
    bad = CliRunner().invoke(main, ["changes", "--since", "soon"])
    assert bad.exit_code == 1 and "--since 'soon'" in bad.output


def test_remove_equals_a_fresh_ingest_of_the_rest_and_ingest_again_restores(
        neo4j_db: Any) -> None:
    ingest(SEED_FILES, graph=neo4j_db)
    full = snap(neo4j_db)
    gone = SEED_FILES[1:3]
    (gone_id,) = [a["id"] for a in neo4j_db.select_articles([gone[1]])]
    dry = retract.remove(neo4j_db, [gone[0], gone_id], dry_run=True)
    assert compare(snap(neo4j_db), full) == []  # a dry run changes nothing
    removal = retract.remove(neo4j_db, [gone[0], gone_id])
    assert sorted(a["path"] for a in removal.articles) == gone
    assert removal.lines()[1:] == dry.lines()[1:-1]  # the dry run said what would happen
    assert removal.evidence > 0 and removal.relationships_deleted and removal.entities_deleted
    after = snap(neo4j_db)

    clear_database(neo4j_db)
    ingest([p for p in SEED_FILES if p not in gone], graph=neo4j_db)
    assert compare(after, snap(neo4j_db)) == []

    ingest(gone, graph=neo4j_db)  # and back again
    assert compare(full, snap(neo4j_db)) == []


def test_remove_by_source_and_date_then_ingest_again(neo4j_db: Any) -> None:
    write_extractions(neo4j_db, ask_corpus())
    full = snap(neo4j_db)
    removal = retract.remove(neo4j_db, [], source="test", before="2022-12-31")
    assert sorted(a["id"] for a in removal.articles) == ["art-misc", "art-zibo"]
    assert "Company 孤零零科技" in removal.entities_deleted
    after = snap(neo4j_db)
    clear_database(neo4j_db)
    write_extractions(neo4j_db, [x for x in ask_corpus()
                                 if x.article.id not in ("art-misc", "art-zibo")])
    assert compare(after, snap(neo4j_db)) == []
    write_extractions(neo4j_db, [x for x in ask_corpus()
                                 if x.article.id in ("art-misc", "art-zibo")])
    assert compare(full, snap(neo4j_db)) == []


def test_remove_command(neo4j_db: Any) -> None:
    write_extractions(neo4j_db, [*ask_corpus()[:3], luoyang()])
    runner = CliRunner()
    dry = runner.invoke(main, ["remove", "corpus/luoyang.txt", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "would remove 1 article(s)" in dry.output and "nothing was changed" in dry.output
    assert neo4j_db.select_articles(["art-luoyang"])
    done = runner.invoke(main, ["remove", "corpus/luoyang.txt"])
    assert done.exit_code == 0 and "removed 1 article(s)" in done.output
    assert "Person 李明远" in done.output and "李明远 -[WORKS_FOR]-> 星云科技" in done.output
    assert neo4j_db.select_articles(["art-luoyang"]) == []
    again = runner.invoke(main, ["remove", "corpus/luoyang.txt"])
    assert again.exit_code == 1 and again.output.startswith("Error: no article in the graph")
    nothing = runner.invoke(main, ["remove"])
    assert nothing.exit_code == 1 and "name the articles to remove" in nothing.output
