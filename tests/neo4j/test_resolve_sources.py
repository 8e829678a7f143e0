"""Resolution decisions applied to a real graph (idempotent, the same as applying them at
ingest) and independent sources (near-duplicates linked DUPLICATE_OF, counted once). The
articles and names are invented."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.graphdb import clear_database
from support.invented_text import changed, invented_text
from support.snapshot import snapshot

import cypher
from graph.ingest import write_extractions
from graph.model import Article, Entity, Extraction, Relation
from loaders.extract.decisions import load_decisions

FIRM, SHORT, PEER = ("Company", "星云科技"), ("Company", "星云"), ("Company", "天河电子")
CITY = ("City", "洛阳市")


def _rel(rtype: str, head: tuple[str, str], tail: tuple[str, str], text: str,
         sentence: str) -> Relation:
    start = text.index(sentence)
    return Relation(rtype, head[1], head[0], tail[1], tail[0], sentence, start,
                    start + len(sentence), "rule:test", 0.9)


def _extraction(aid: str, source: str, date: str, text: str,
                facts: list[tuple[str, tuple[str, str], tuple[str, str]]],
                aliases: dict[str, tuple[str, ...]] | None = None) -> Extraction:
    article = Article(id=aid, title=f"标题{aid}", text=text, date=date, source=source,
                      path=f"/news/{aid}.txt")
    sentence = text[:40]
    ends = {end for _, head, tail in facts for end in (head, tail)}
    entities = tuple(Entity(label, name, (aliases or {}).get(name, ()), 2)
                     for label, name in sorted(ends))
    relations = tuple(_rel(t, h, tl, text, sentence) for t, h, tl in facts)
    return Extraction(article, entities, relations)


def _corpus() -> list[Extraction]:
    return [
        _extraction("a1", "甲报", "2022-03-01", invented_text(11),
                    [("SIGNED_WITH", SHORT, PEER), ("LOCATED_IN", SHORT, CITY)],
                    {"星云": ("星云公司",)}),
        _extraction("a2", "乙网", "2022-03-05", invented_text(12),
                    [("SIGNED_WITH", FIRM, PEER), ("LOCATED_IN", FIRM, CITY)],
                    {"天河电子": ("星云",)}),
    ]


def _decisions(tmp_path: Path) -> Any:
    path = tmp_path / "resolutions.csv"
    path.write_text("action,name,label,target,target_label,note\n"
                    "merge,星云,Company,星云科技,,short name\n"
                    "keep-apart,天河电子,,星云,,\n", encoding="utf-8")
    return load_decisions(path)


def _entities_and_relationships(graph: Any) -> tuple[list, list]:
    entities = graph.run_query_readonly(
        "MATCH (e:Entity) RETURN labels(e) AS l, e.name AS name, e.aliases AS aliases, "
        "e.mentions AS mentions ORDER BY name").rows
    rels = graph.run_query_readonly(
        "MATCH (h:Entity)-[r]->(t:Entity) RETURN type(r), h.name, t.name, r.key, "
        "r.evidence_count, r.sources, r.first_seen, r.last_seen, "
        "COLLECT { MATCH (ev:Evidence {rel: r.key}) RETURN ev.article + ev.head + ev.tail } "
        "ORDER BY type(r), h.name, t.name").rows
    return entities, rels


def test_a_merge_applied_twice_changes_nothing_the_second_time(
        neo4j_db: Any, tmp_path: Path) -> None:
    write_extractions(neo4j_db, _corpus())
    decisions = _decisions(tmp_path)
    first = neo4j_db.apply_decisions(decisions)
    assert (first.moved, first.relationships_moved, first.aliases_removed) == (1, 2, 1)
    neo4j_db.refresh_sources()
    entities, rels = _entities_and_relationships(neo4j_db)
    names = {row[1]: row for row in entities}
    assert "星云" not in names
    assert names["星云科技"][2] == ["星云", "星云公司"] and names["星云科技"][3] == 4
    assert names["天河电子"][2] == []  # kept apart from 星云
    by_type = {(r[0], r[1], r[2]): r for r in rels}
    signed = by_type[("SIGNED_WITH", "天河电子", "星云科技")]  # symmetric: ordered by name
    assert signed[4] == 2 and signed[5] == 2 and (signed[6], signed[7]) == ("2022-03-01",
                                                                           "2022-03-05")
    assert sorted(signed[8]) == ["a1天河电子星云科技", "a2天河电子星云科技"]
    assert by_type[("LOCATED_IN", "星云科技", "洛阳市")][4] == 2
    mentions = neo4j_db.run_query_readonly(
        "MATCH (a:Article)-[m:MENTIONS]->(:Company {name: '星云科技'}) "
        "RETURN a.id, m.count, m.aliases ORDER BY a.id").rows
    assert mentions == [["a1", 2, ["星云公司", "星云"]], ["a2", 2, []]]

    before = snapshot(neo4j_db.driver, neo4j_db.database)
    second = neo4j_db.apply_decisions(decisions)
    assert not second.changed
    assert neo4j_db.refresh_sources().counted == 0
    assert snapshot(neo4j_db.driver, neo4j_db.database) == before


def test_decisions_at_ingest_give_the_graph_resolve_apply_gives(
        neo4j_db: Any, tmp_path: Path) -> None:
    decisions = _decisions(tmp_path)
    write_extractions(neo4j_db, [decisions.apply(e) for e in _corpus()])
    at_ingest = _entities_and_relationships(neo4j_db)
    clear_database(neo4j_db)
    write_extractions(neo4j_db, _corpus())
    neo4j_db.apply_decisions(decisions)
    neo4j_db.refresh_sources()
    assert _entities_and_relationships(neo4j_db) == at_ingest


def test_an_ignored_entity_goes_with_its_relationships_and_evidence(
        neo4j_db: Any, tmp_path: Path) -> None:
    write_extractions(neo4j_db, _corpus())
    path = tmp_path / "d.csv"
    path.write_text("action,name\nignore,天河电子\n", encoding="utf-8")
    result = neo4j_db.apply_decisions(load_decisions(path))
    assert (result.ignored, result.relationships_dropped) == (1, 2)
    left = neo4j_db.run_query_readonly(
        "MATCH (ev:Evidence) WHERE ev.head = '天河电子' OR ev.tail = '天河电子' "
        "RETURN count(ev) AS n UNION ALL MATCH (e {name: '天河电子'}) RETURN count(e) AS n").rows
    assert left == [[0], [0]]


def _syndicated() -> list[Extraction]:
    story, other = invented_text(21), invented_text(22)
    return [
        _extraction("s1", "甲报", "2022-05-01", story,
                    [("SIGNED_WITH", FIRM, CITY), ("SIGNED_WITH", PEER, CITY)]),
        # the same story a day later at another outlet, a few characters changed
        _extraction("s2", "乙网", "2022-05-02", changed(story, 5),
                    [("SIGNED_WITH", FIRM, CITY)]),
        _extraction("s3", "乙网", "2022-05-03", other, [("SIGNED_WITH", PEER, CITY)]),
    ]


def test_a_syndicated_story_counts_once_in_sources(neo4j_db: Any) -> None:
    write_extractions(neo4j_db, _syndicated())
    links = neo4j_db.run_query_readonly(
        "MATCH (a:Article)-[d:DUPLICATE_OF]->(o:Article) RETURN a.id, o.id, d.similarity").rows
    assert [row[:2] for row in links] == [["s2", "s1"]] and links[0][2] >= 0.8
    rels = neo4j_db.run_query_readonly(
        "MATCH (h)-[r:SIGNED_WITH]->(t) RETURN h.name, t.name, r.evidence_count, r.sources "
        "ORDER BY h.name").rows
    assert rels == [["天河电子", "洛阳市", 2, 2], ["星云科技", "洛阳市", 2, 1]]
    report = neo4j_db.run_report(cypher.get_report("agreements"), {"min_sources": "2"})
    assert [(r[0], r[2]) for r in report.rows] == [("天河电子", "洛阳市")]

    before = snapshot(neo4j_db.driver, neo4j_db.database)
    again = neo4j_db.refresh_sources()
    assert (again.duplicates, again.relinked, again.counted) == (1, 0, 0)
    assert neo4j_db.refresh_sources(full=True).duplicates == 1
    assert snapshot(neo4j_db.driver, neo4j_db.database) == before


def test_an_edited_copy_that_is_no_longer_a_duplicate_is_unlinked(neo4j_db: Any) -> None:
    corpus = _syndicated()
    write_extractions(neo4j_db, corpus)
    edited = _extraction("s2b", "乙网", "2022-05-02", invented_text(23),
                         [("SIGNED_WITH", FIRM, CITY)])
    edited = Extraction(Article(**{**vars(edited.article), "path": "/news/s2.txt"}),
                        edited.entities, edited.relations)
    write_extractions(neo4j_db, [edited])  # the file of s2, rewritten: a story of its own
    links = neo4j_db.run_query_readonly("MATCH (a)-[:DUPLICATE_OF]->(o) RETURN a.id").rows
    assert links == []
    rels = neo4j_db.run_query_readonly(
        "MATCH (h {name: '星云科技'})-[r:SIGNED_WITH]->(t) RETURN r.evidence_count, r.sources"
    ).rows
    assert rels == [[2, 2]]


@pytest.mark.parametrize("report", ["agreements", "empowered-by", "timeline"])
def test_reports_take_min_sources(report: str) -> None:
    assert "min_sources" in {p.name for p in cypher.get_report(report).params}


def test_an_earlier_copy_recounts_the_sources_of_the_story_it_copies(neo4j_db: Any) -> None:
    """s1's evidence does not change when an earlier copy of its story arrives, but s1 becomes
    that copy's duplicate: the relationship s1 supports is counted again (s0's outlet is s3's)."""
    story = invented_text(31)
    write_extractions(neo4j_db, [
        _extraction("s1", "甲报", "2022-06-02", story, [("SIGNED_WITH", FIRM, CITY)]),
        _extraction("s3", "乙网", "2022-06-03", invented_text(32), [("SIGNED_WITH", FIRM, CITY)]),
    ])
    signed = "MATCH (:Company {name: '星云科技'})-[r:SIGNED_WITH]->() RETURN r.sources"
    assert neo4j_db.run_query_readonly(signed).rows == [[2]]
    write_extractions(neo4j_db, [
        _extraction("s0", "乙网", "2022-06-01", changed(story, 4), [("SIGNED_WITH", PEER, CITY)])])
    links = neo4j_db.run_query_readonly(
        "MATCH (a:Article)-[:DUPLICATE_OF]->(o:Article) RETURN a.id, o.id").rows
    assert links == [["s1", "s0"]]
    assert neo4j_db.run_query_readonly(signed).rows == [[1]]
    assert neo4j_db.refresh_sources().counted == 0
