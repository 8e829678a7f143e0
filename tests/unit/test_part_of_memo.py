"""part_of reads the hierarchy from the shared gazetteer's memoised answers (Extractor): the
same relations as from the gazetteer itself."""

from __future__ import annotations

from graph.model import Entity
from loaders.extract.entities.base import _cached_gazetteer
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.pipeline import part_of


def test_part_of_from_the_memoised_gazetteer_is_part_of_from_the_gazetteer() -> None:
    names = ["崂山区", "青岛市", "山东省", "洛阳市", "河南省", "星河市", "即墨区"]
    entities = [Entity("City", name) for name in names] + [Entity("Company", "甲乙公司")]
    plain = part_of(entities, load_gazetteer())
    assert plain  # (崂山区 → 青岛市 → 山东省 …)
    for _ in range(2):  # (the second time from the memo)
        assert part_of(entities, _cached_gazetteer()) == plain
