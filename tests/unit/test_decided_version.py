"""Resolution decisions in an incremental ingest: the decided extract function is picklable
(the --jobs workers run it) and the extractor version includes the decisions' digest, so other
decisions re-extract. Names are invented."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from graph.cli.resolve import decided_ingest
from graph.model import Article, Entity, Extraction, Relation
from loaders.extract.decisions import load_decisions
from loaders.extract.version import extractor_version

HEADER = "action,name,label,target,target_label,note\n"


def two_names(article: Article) -> Extraction:
    located = Relation("LOCATED_IN", "星云", "Company", "洛阳市", "City", "星云在洛阳市。",
                       0, 7, "rule", 0.9)
    return Extraction(article, (Entity("Company", "星云"), Entity("City", "洛阳市")), (located,))


def _file(tmp_path: Path, body: str, name: str = "decisions.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_the_decided_extract_survives_pickling_and_applies_the_decisions(
    tmp_path: Path
) -> None:
    decisions = load_decisions(_file(tmp_path, "merge,星云,Company,星云科技,,\n"))
    decided = pickle.loads(pickle.dumps(decisions.wrap(two_names)))
    extraction = decided(Article(id="a1", title="星云", text="星云在洛阳市。", path="a.txt"))
    assert sorted(e.name for e in extraction.entities) == ["星云科技", "洛阳市"]
    assert [(r.head, r.tail) for r in extraction.relations] == [("星云科技", "洛阳市")]


def test_the_version_changes_with_the_decisions_not_with_their_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IIKG_RESOLUTIONS", "")
    assert decided_ingest(None) == (None, None)  # the pipeline and its own version
    merge = "merge,星云,Company,星云科技,,\n"
    _, first = decided_ingest(str(_file(tmp_path, merge)))
    _, moved = decided_ingest(str(_file(tmp_path, merge, "elsewhere.csv")))
    _, other = decided_ingest(str(_file(tmp_path, "ignore,星云,Company,,,\n", "other.csv")))
    plain = extractor_version()
    assert first == moved
    assert len({plain, first, other}) == 3
    assert first is not None and first.startswith(plain + "+d")
