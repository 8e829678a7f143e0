"""graph.incremental: what a batch does, decided from the stored state (no Neo4j here; the
same decisions on a real server are tests/neo4j/test_ingest_incremental.py)."""

from __future__ import annotations

from graph.batch import PreparedArticle, prepare
from graph.incremental import Claim, Known, plan_batch, triage
from graph.model import Article, Entity, Extraction


def prepared(text: str, path: str, version: str = "v1") -> PreparedArticle:
    article = Article(id=f"id-{text[:2]}", title=text[:4], text=text, path=path)
    return prepare(Extraction(article, (Entity("Company", text[:4]),), ()), version)


def test_triage_before_extraction() -> None:
    art = prepared("星云科技在洛阳市。", "a.txt")
    stored = Known(art.id, "a.txt", ("a.txt",), art.fingerprint, art.content_hash, "v1")
    known = {art.id: stored}
    assert triage(art.id, "a.txt", art.content_hash, "v1", known, {"a.txt": {art.id}}) == "skip"
    assert triage(art.id, "a.txt", art.content_hash, "v2", known, {}) == "extract"
    assert triage(art.id, "a.txt", "other-hash", "v1", known, {}) == "extract"
    assert triage(art.id, "b.txt", art.content_hash, "v1", known, {}) == "claim"
    assert triage("id-new", "c.txt", "h", "v1", known, {}) == "extract"
    assert triage(art.id, "a.txt", art.content_hash, None, known, {}) == "extract"


def test_a_copy_in_the_same_batch_is_one_article_with_both_paths() -> None:
    art = prepared("星云科技在洛阳市。", "a.txt")
    plan = plan_batch([art, Claim(art.id, "copy.txt")], {}, {})
    assert (plan.new, plan.changed, plan.unchanged) == (1, 0, 1)
    assert [a.id for a in plan.write] == [art.id]
    assert plan.stamps[art.id][:2] == ("a.txt", ["a.txt", "copy.txt"])


def test_a_file_with_a_new_text_moves_its_path_and_drops_the_old_article() -> None:
    old = prepared("星云科技在洛阳市。", "a.txt")
    new = prepared("晨曦制造在洛阳市。", "a.txt")
    known = {old.id: Known(old.id, "a.txt", ("a.txt",), old.fingerprint, old.content_hash, "v1")}
    plan = plan_batch([new], known, {"a.txt": {old.id}})
    assert (plan.new, plan.changed) == (0, 1)
    assert plan.drop == {old.id} and old.id not in plan.stamps
    assert plan.stamps[new.id][:2] == ("a.txt", ["a.txt"])
