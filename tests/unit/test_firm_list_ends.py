"""firm_list_ends finds the matches of the pattern for the end of a list of firms, as a scan of
the whole text does. Texts are invented (random pieces of lists)."""

from __future__ import annotations

import random

from loaders.extract.entities.firm_lists import _FIRM_LIST_END, firm_list_ends

_PIECES = [
    "等", "家", "个", "一", "三", "十", "两", "上百", "余", "多", "数", "8", "12", "０",
    "企业", "公司", "服务商", "药企", "龙头", "科技企业", "头部", "知名", "配套", "领域", "行业",
    "星云", "天衡", "、", "，", "的", "和", " ", "\n", "。",
]


def _spans(matches: object) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.group("etc")) for m in matches]  # type: ignore[attr-defined]


def test_the_same_matches_as_the_whole_scan() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 25)))
        assert _spans(firm_list_ends(text)) == _spans(_FIRM_LIST_END.finditer(text)), text


def test_lists_closed_by_etc_and_by_a_count() -> None:
    text = "星云、天衡等上百家配套企业，甲乙、丙丁两家药企，三十余个头部服务商"
    assert _spans(firm_list_ends(text)) == _spans(_FIRM_LIST_END.finditer(text))
    assert len(_spans(firm_list_ends(text))) == 3
