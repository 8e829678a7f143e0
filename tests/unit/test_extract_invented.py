"""Generalization check: fourteen invented articles about other regions, platforms and
companies than the seeds (徐州/汉云, 佛山顺德/用友精智, 重庆两江新区/云洲, 宁波/supOS,
长沙/根云, 贵阳/航天云网; a ministry release, a listed company's announcement, a 双跨 list,
a county item and a Traditional-script article), with a small hand-made gold set in
tests/data/extract. Held to the thresholds the project sets for unseen articles."""

from __future__ import annotations

from support import paths

from graph.evaluate import Score, load_gold, score_one
from loaders.extract.pipeline import extract
from loaders.sources import load_file

DATA = paths.DATA / "extract"


def test_invented_articles_meet_the_unseen_thresholds() -> None:
    gold = load_gold(DATA / "gold")
    total = Score()
    paths = sorted((DATA / "articles").glob("*.txt"))
    assert len(paths) == len(gold) == 14
    for path in paths:
        total.add(score_one(extract(load_file(path)).to_json(), gold[path.stem]))
    assert total.entity_micro.f1 >= 0.70, total.to_json()["entities"]
    assert total.relation_micro.f1 >= 0.45, total.to_json()["relations"]
