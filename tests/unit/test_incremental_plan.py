"""graph.incremental: what a batch does, decided from the stored state (no Neo4j here; the
same decisions on a real server are tests/neo4j/test_ingest_incremental.py)."""

from __future__ import annotations

from dataclasses import replace

from graph.batch import PreparedArticle, prepare
from graph.incremental import Claim, Known, plan_batch, remembered, triage
from graph.model import Article, Entity, Extraction
from loaders.file_key import path_tag


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


def test_file_keys_follow_their_paths() -> None:
    """An Article keeps one key per path; a path that moves to another text takes its key
    off the Article it leaves; `remembered` finds a key only on the path's holder."""
    a = prepared("星云科技在洛阳市。", "a.txt")
    b = prepared("晨曦制造在洛阳市。", "b.txt")
    tag_a, tag_copy = path_tag("a.txt"), path_tag("copy.txt")
    key_a, key_copy = f"{tag_a}:11:{a.content_hash}", f"{tag_copy}:22:{a.content_hash}"
    plan = plan_batch([replace(a, file_key=key_a), Claim(a.id, "copy.txt", key_copy)], {}, {})
    keys = tuple(plan.stamps[a.id][4])
    assert sorted(keys) == sorted([key_a, key_copy])
    stored = Known(a.id, "a.txt", ("a.txt", "copy.txt"), a.fingerprint, a.content_hash, "v1",
                   keys)
    holders = {"a.txt": {a.id}, "copy.txt": {a.id}}
    assert remembered("copy.txt", f"{tag_copy}:22", {a.id: stored}, holders) == (
        a.id, a.content_hash)
    assert remembered("copy.txt", f"{tag_copy}:33", {a.id: stored}, holders) is None
    assert remembered("b.txt", f"{tag_copy}:22", {a.id: stored}, holders) is None
    # copy.txt now holds b's text: a loses the path and its key, b gets both
    key_b = f"{tag_copy}:44:{b.content_hash}"
    moved = plan_batch([replace(b, path="copy.txt", file_key=key_b)], {a.id: stored}, holders)
    assert moved.stamps[a.id][1] == ["a.txt"] and moved.stamps[a.id][4] == [key_a]
    assert moved.stamps[b.id][4] == [key_b]
