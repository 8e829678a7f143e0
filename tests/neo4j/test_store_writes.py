"""Writes on a real Neo4j: idempotence, re-ingest of a changed article, atomic batches,
read-only queries, schema."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from support.graphdb import clear_database
from support.store_corpus import corpus

from graph.batch import prepare
from graph.errors import ReadOnlyViolation, StoreError
from graph.ingest import write_extractions
from graph.model import Entity, Extraction, Relation


def snapshot(driver: Any) -> tuple[list, list]:
    """Every node and relationship with all properties but the time of the ingest
    (`ingested_at`, which differs between runs), in a stable order."""
    nodes = driver.run_query_readonly(
        "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props").rows
    for node in nodes:
        node[1].pop("ingested_at", None)
    rels = driver.run_query_readonly(
        "MATCH (a)-[r]->(b) RETURN coalesce(a.name, a.id) AS a, type(r) AS t, "
        "coalesce(b.name, b.id, b.rel + ' ' + b.sentence) AS b, properties(r) AS props",
    ).rows
    def key(item: Any) -> str:
        return json.dumps(item, sort_keys=True, ensure_ascii=False)

    return sorted(([sorted(n[0]), n[1]] for n in nodes), key=key), sorted(rels, key=key)


def props_of(driver: Any, query: str, **params: Any) -> list[Any]:
    return [row[0] for row in driver.run_query_readonly(query, params).rows]


def evidence_of(driver: Any, key: str) -> list[dict[str, Any]]:
    """The Evidence nodes of the relationship with this key, in the stable order."""
    return props_of(
        driver,
        "MATCH (a:Article)-[:HAS_EVIDENCE]->(ev:Evidence {rel: $key}) "
        "WHERE a.id = ev.article "
        "RETURN properties(ev) ORDER BY coalesce(ev.date, ''), ev.article, ev.start",
        key=key,
    )


def test_ingest_twice_changes_nothing(neo4j_db: Any) -> None:
    first = write_extractions(neo4j_db, corpus())
    assert (first.new, first.changed, first.unchanged) == (3, 0, 0)
    before, stats_before = snapshot(neo4j_db), neo4j_db.stats()
    second = write_extractions(neo4j_db, corpus())
    assert (second.new, second.changed, second.unchanged) == (0, 0, 3)
    assert neo4j_db.stats() == stats_before
    assert snapshot(neo4j_db) == before
    assert stats_before["labels"]["Article"] == 3
    assert stats_before["types"]["SIGNED_WITH"] == 2


def test_stored_state_does_not_depend_on_ingest_order(neo4j_db: Any) -> None:
    write_extractions(neo4j_db, corpus())
    together = snapshot(neo4j_db)
    clear_database(neo4j_db)
    for extraction in reversed(corpus()):
        write_extractions(neo4j_db, [extraction])
    assert snapshot(neo4j_db) == together


def test_evidence_and_totals_are_merged(neo4j_db: Any) -> None:
    write_extractions(neo4j_db, corpus())
    (kaos,) = props_of(neo4j_db, "MATCH (p:Platform {name: '卡奥斯'}) RETURN properties(p)")
    assert kaos["aliases"] == ["COSMOPlat", "卡奥斯COSMOPlat", "海尔卡奥斯"]
    assert kaos["mentions"] == 5
    assert (kaos["first_seen"], kaos["last_seen"]) == ("2022-08-12", "2023-03-01")
    (signed,) = props_of(
        neo4j_db,
        "MATCH (:Company {name: '华光国瓷'})-[r:SIGNED_WITH]-(:Platform {name: '卡奥斯'}) "
        "RETURN properties(r)",
    )
    (evidence,) = evidence_of(neo4j_db, signed["key"])
    assert evidence["sentence"] == "海尔卡奥斯与华光国瓷签署合作协议。"
    assert (evidence["article"], evidence["type"]) == ("art-zibo", "SIGNED_WITH")
    assert signed["evidence_count"] == 1 and signed["first_seen"] == "2022-08-12"
    (works,) = props_of(neo4j_db, "MATCH (:Person)-[r:WORKS_FOR]->() RETURN r.title")
    assert works == "总裁"
    # every relationship's count is the number of its Evidence nodes
    assert props_of(
        neo4j_db,
        "MATCH ()-[r]->() WHERE r.key IS NOT NULL "
        "RETURN count(*) = count(CASE WHEN r.evidence_count = "
        "COUNT { (ev:Evidence {rel: r.key}) } THEN 1 END)",
    ) == [True]
    # symmetric types are stored once, head name < tail name
    assert props_of(neo4j_db, "MATCH (a)-[r:SIGNED_WITH]->(b) RETURN a.name < b.name") == [
        True, True
    ]


def _edited_qingdao() -> Extraction:
    """The Qingdao article after an edit: new text (so a new id), same path; the signing with
    鲁中耐火材料 is gone and the EMPOWERS sentence reads differently."""
    old = corpus()[1]
    sentence = "卡奥斯持续赋能纽氏达特。"
    text = sentence + "胜软科技携手华为。"
    article = dataclasses.replace(old.article, id="art-qingdao-v2", text=text)
    keep = [e for e in old.entities if e.name not in ("鲁中耐火材料", "张店区")]
    keep = [dataclasses.replace(e, aliases=()) if e.name == "卡奥斯" else e for e in keep]
    relations = [
        Relation("EMPOWERS", "卡奥斯", "Platform", "纽氏达特", "Company", sentence, 0,
                 len(sentence), "rule:empowers", 0.95),
        *(r for r in old.relations if r.type in ("PARTNERS_WITH", "LOCATED_IN", "PART_OF")
          and "张店区" not in (r.head, r.tail) and r.head != "鲁中耐火材料"),
    ]
    return Extraction(article, tuple(keep), tuple(relations))


def test_changed_article_replaces_only_its_own_evidence(neo4j_db: Any) -> None:
    write_extractions(neo4j_db, corpus())
    before = snapshot(neo4j_db)
    qingdao_keys = set(props_of(
        neo4j_db, "MATCH (ev:Evidence) WHERE ev.article = 'art-qingdao' RETURN ev.rel"
    ))
    result = write_extractions(neo4j_db, [_edited_qingdao()])
    assert (result.new, result.changed, result.unchanged) == (0, 1, 0)

    ids = props_of(neo4j_db, "MATCH (a:Article) RETURN a.id ORDER BY a.id")
    assert ids == ["art-misc", "art-qingdao-v2", "art-zibo"]
    empowers = props_of(
        neo4j_db,
        "MATCH (:Platform {name: '卡奥斯'})-[r:EMPOWERS]->(:Company {name: '纽氏达特'}) "
        "RETURN properties(r)",
    )
    assert [(e["sentence"], e["article"]) for e in evidence_of(neo4j_db, empowers[0]["key"])] == [
        ("卡奥斯持续赋能纽氏达特。", "art-qingdao-v2")]
    assert empowers[0]["evidence_count"] == 1
    assert props_of(
        neo4j_db, "MATCH (ev:Evidence) WHERE ev.article = 'art-qingdao' RETURN count(ev)"
    ) == [0]
    # a relationship only the old version supported is gone, with the entities only it held
    assert props_of(neo4j_db, "MATCH (:Company {name: '鲁中耐火材料'}) RETURN 1") == []
    assert props_of(neo4j_db, "MATCH ()-[r:SIGNED_WITH]->() RETURN count(r)") == [1]
    # totals recomputed: the alias only the old version used is gone
    (kaos,) = props_of(neo4j_db, "MATCH (p:Platform {name: '卡奥斯'}) RETURN properties(p)")
    assert kaos["aliases"] == ["COSMOPlat", "海尔卡奥斯"]
    assert kaos["mentions"] == 5
    # everything the other articles hold is untouched
    after = snapshot(neo4j_db)
    untouched = [
        r for r in before[1]
        if (r[1] in ("MENTIONS", "HAS_EVIDENCE") and r[0] != "art-qingdao")
        or (r[1] not in ("MENTIONS", "HAS_EVIDENCE") and r[3]["key"] not in qingdao_keys)
    ]
    assert len(untouched) > 20 and all(r in after[1] for r in untouched)
    # and the graph is exactly what a fresh ingest of the current corpus gives
    clear_database(neo4j_db)
    write_extractions(neo4j_db, [corpus()[0], _edited_qingdao(), corpus()[2]])
    assert snapshot(neo4j_db) == after


def test_changed_extraction_of_the_same_text_is_rewritten(neo4j_db: Any) -> None:
    write_extractions(neo4j_db, corpus())
    zibo = corpus()[0]
    better = dataclasses.replace(
        zibo, relations=tuple(dataclasses.replace(r, confidence=0.99) for r in zibo.relations)
    )
    result = write_extractions(neo4j_db, [better])
    assert (result.changed, result.new) == (1, 0)
    confidences = props_of(
        neo4j_db,
        "MATCH ()-[r:ISSUED_BY]->() MATCH (ev:Evidence {rel: r.key}) "
        "RETURN [r.confidence, ev.confidence]",
    )
    assert confidences == [[0.99, 0.99]]


def test_a_failing_batch_writes_nothing_and_names_its_articles(neo4j_db: Any) -> None:
    good, bad = prepare(corpus()[2]), prepare(corpus()[0])
    # a property value Neo4j cannot store (a map): fails mid-transaction, after some writes
    bad.entities[("Company", "华光国瓷")]["props"]["broken"] = {"not": "storable"}
    with pytest.raises(StoreError, match=r"corpus/zibo\.txt") as info:
        neo4j_db.write_articles([good, bad])
    assert "corpus/misc.txt" in str(info.value)
    assert neo4j_db.stats()["nodes"] == 0


def test_read_only_query_refuses_writes(neo4j_db: Any) -> None:
    write_extractions(neo4j_db, corpus())
    nodes = neo4j_db.stats()["nodes"]
    writes = (
        "MATCH (n) DETACH DELETE n",
        "CREATE (:Company {name: 'x'})",
        "MATCH (n:City) SET n.name = 'x'",
        "CREATE INDEX x IF NOT EXISTS FOR (n:X) ON (n.y)",
    )
    for query in writes:
        with pytest.raises(ReadOnlyViolation, match="read-only"):
            neo4j_db.run_query_readonly(query)
    assert neo4j_db.stats()["nodes"] == nodes
    result = neo4j_db.run_query_readonly("MATCH (c:City) RETURN c.name AS name")
    assert result.columns == ["name"] and ["淄博市"] in result.rows


def test_schema_and_fulltext_over_alias_lists(neo4j_db: Any) -> None:
    neo4j_db.apply_schema()
    names = props_of(neo4j_db, "SHOW INDEXES YIELD name RETURN name")
    assert {"platform_name", "article_id", "entity_names", "article_path"} <= set(names)
    write_extractions(neo4j_db, corpus())
    neo4j_db.run_query_readonly("CALL db.awaitIndexes(60)")
    hits = props_of(
        neo4j_db,
        "CALL db.index.fulltext.queryNodes('entity_names', '\"COSMOPlat\"') YIELD node "
        "RETURN node.name",
    )
    assert hits == ["卡奥斯"]  # found through an element of the `aliases` list only


def test_invalid_extraction_names_the_article(neo4j_db: Any) -> None:
    bad = dataclasses.replace(corpus()[0], entities=(Entity("Robot", "R2"),))
    with pytest.raises(ValueError, match=r"corpus/zibo\.txt"):
        write_extractions(neo4j_db, [bad])
    assert neo4j_db.stats()["nodes"] == 0


def test_timed_writes_store_the_same_graph(neo4j_db: Any) -> None:
    """write_articles(timings=...) only measures: the graph is the one a plain write leaves."""
    prepared = [prepare(x) for x in corpus()]
    for article in prepared:
        neo4j_db.write_articles([article])
    plain = snapshot(neo4j_db)
    clear_database(neo4j_db)
    timings: dict[str, float] = {}
    for article in prepared:
        neo4j_db.write_articles([article], timings=timings)
    assert snapshot(neo4j_db) == plain
    assert {"articles", "evidence-create", "mentions City",
            "relationship-merge SIGNED_WITH Company Platform"} <= set(timings)
    assert all(seconds > 0 for seconds in timings.values())


def _works_for(art_id: str, date: str | None, title: str) -> Extraction:
    from graph.model import Article

    sentence = f"周云杰任海尔集团{title}。"
    article = Article(id=art_id, title=art_id, text=sentence, date=date, path=f"t/{art_id}.txt")
    rel = Relation("WORKS_FOR", "周云杰", "Person", "海尔集团", "Company", sentence, 0,
                   len(sentence), "rule:works_for", 0.8, {"title": title})
    return Extraction(article, (), (rel,))


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_works_for_title_is_the_latest_whatever_the_order(neo4j_db: Any, order: tuple) -> None:
    articles = [_works_for("w1", "2021-01-01", "副总裁"), _works_for("w2", None, "董事"),
                _works_for("w3", "2023-05-01", "董事局主席")]
    for i in order:
        write_extractions(neo4j_db, [articles[i]])
    (props,) = props_of(neo4j_db, "MATCH (:Person)-[r:WORKS_FOR]->() RETURN properties(r)")
    assert props["title"] == "董事局主席" and props["evidence_count"] == 3
    assert (props["first_seen"], props["last_seen"]) == ("2021-01-01", "2023-05-01")
    # the latest article withdrawn (edited to another text): the title falls back
    write_extractions(neo4j_db, [dataclasses.replace(
        _works_for("w3b", "2023-05-01", "顾问"), article=dataclasses.replace(
            articles[2].article, id="w3b", text="无关。"), relations=())])
    (props,) = props_of(neo4j_db, "MATCH (:Person)-[r:WORKS_FOR]->() RETURN properties(r)")
    assert props["title"] == "副总裁" and props["evidence_count"] == 2


# The storage format before Evidence nodes, rebuilt from a current graph: each relationship's
# evidence as parallel lists ('' for an unknown date; titles only where some entry has one).
TO_LEGACY = """
MATCH ()-[r]->() WHERE r.key IS NOT NULL
CALL (r) {
  MATCH (ev:Evidence {rel: r.key})
  WITH ev ORDER BY coalesce(ev.date, ''), ev.article, ev.start, ev.end, ev.method
  RETURN collect(ev) AS evs
}
SET r.evidence_article = [e IN evs | e.article],
    r.evidence_sentence = [e IN evs | e.sentence],
    r.evidence_start = [e IN evs | e.start], r.evidence_end = [e IN evs | e.end],
    r.evidence_method = [e IN evs | e.method],
    r.evidence_confidence = [e IN evs | e.confidence],
    r.evidence_date = [e IN evs | coalesce(e.date, '')],
    r.evidence_title = CASE WHEN any(e IN evs WHERE e.title IS NOT NULL)
                            THEN [e IN evs | coalesce(e.title, '')] END
REMOVE r.key
"""


def test_a_graph_in_the_older_list_format_is_upgraded_in_place(neo4j_db: Any) -> None:
    write_extractions(neo4j_db, corpus())
    current = snapshot(neo4j_db)
    neo4j_db.run_write(TO_LEGACY)
    neo4j_db.run_write("MATCH (ev:Evidence) DETACH DELETE ev")
    legacy = neo4j_db.stats()
    assert legacy["labels"]["Evidence"] == 0 and snapshot(neo4j_db) != current

    upgraded = neo4j_db.upgrade_storage(chunk=3)  # several transactions
    assert upgraded == sum(legacy["types"][t] for t in legacy["types"]
                           if t not in ("MENTIONS", "HAS_EVIDENCE"))
    assert snapshot(neo4j_db) == current
    assert neo4j_db.upgrade_storage() == 0
    # and the upgraded graph takes new articles like any other
    again = write_extractions(neo4j_db, corpus())
    assert again.unchanged == 3 and snapshot(neo4j_db) == current
