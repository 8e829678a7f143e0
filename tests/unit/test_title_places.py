"""The places of a title: skipping the positions no place's key opens changes nothing."""

from __future__ import annotations

import random

from loaders.extract.entities.base import _cached_gazetteer
from loaders.extract.entities.home import _place_at, _title_places


def _every_position(title: str) -> list[object]:
    """`_title_places` trying every position."""
    gaz = _cached_gazetteer()
    found = []
    i = 0
    while i < len(title) - 1:
        place = _place_at(gaz, title, i)
        if place is not None:
            found.append(place[0])
            i += place[1] - 1
        i += 1
    return found


def test_title_places_as_when_every_position_is_tried() -> None:
    pieces = ["洛阳", "洛阳市", "河南", "河南省", "青岛", "山东", "星云", "科技", "工业", "互联网"]
    pieces += ["，", "：", "“", "”", " ", "ＡＢ", "Ab", "12", "１２", "、", "《", "》"]
    pieces += ["洛", "阳", "青", "岛市", "南省"]
    rng = random.Random(7)
    titles = ["洛阳市星云科技", "河南洛阳：星云", "ＡＢ青岛　工业", "山东省青岛市"]
    titles += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(400)]
    for title in titles:
        assert _title_places(title) == _every_position(title), title
    assert [e.name for e in _title_places("星云科技落户洛阳市")] == ["洛阳市"]
