"""The gates and precompiled patterns of loaders.extract.entities.projects agree with the slow
paths they replace (invented texts)."""

from __future__ import annotations

import re

from loaders.extract.entities import projects
from loaders.extract.entities.base import HAN

_TEXTS = [
    "星河市顶级节点(甲乙)正式上线",
    "星河市顶级节点（甲乙丙丁戊己庚）上线",
    "星河市顶级节点（甲）上线",
    "星河市顶级节点 (甲乙)上线",
    "星河市顶级节点(甲乙",
    "国家甲乙丙丁计划",
    "星河市国家甲乙计划",
    "国家甲计划",
    "甲乙国家丙丁戊己庚辛壬计划",
    "星云行业数字化工厂",
    "甲乙领域重点项目",
    "甲乙2024年投资计划",
]


def test_place_after_name_matches_the_slice_reading() -> None:
    slow = re.compile(r"[（(]([\u4e00-\u9fff]{2,6})[)）]")
    for text in _TEXTS:
        for end in range(len(text) + 1):
            old = slow.match(text[end : end + 8])
            gate = text[end : end + 1] in ("（", "(")
            new = projects._PLACE_AFTER.match(text, end) if gate else None
            assert (old is None) == (new is None), (text, end)
            if old and new:
                assert old.group(1) == new.group(1) and end + old.end() == new.end()


def test_national_lead_gate() -> None:
    for text in _TEXTS:
        for pos in range(len(text) + 1):
            before = text[max(0, pos - 10) : pos]
            old = re.search(f"国家[{HAN}]{{2,8}}$", before)
            new = projects._NATIONAL_LEAD.search(before) if "国家" in before else None
            assert (old and old.group(0)) == (new and new.group(0)), (text, pos)


def test_precompiled_core_tests() -> None:
    for text in _TEXTS:
        for core in {text[i:j] for i in range(len(text)) for j in range(i, len(text) + 1)}:
            slow = bool(re.search("行业|领域", core))
            assert slow == ("行业" in core or "领域" in core)
            assert bool(re.search(r"\d|年|等|的", core)) == bool(projects._YEARLY.search(core))
            assert bool(re.search("大学|学院|公司|研究院", core)) == bool(
                projects._DEPARTMENT_OF.search(core)
            )
            assert bool(re.search(r"(?:大|重大|重点|新|在建|续建|新建)$", core)) == bool(
                projects._CLASS_OF_PROJECTS.search(core)
            )


def test_places_helpers_still_reachable_from_projects() -> None:
    from loaders.extract.entities import project_places

    assert projects._places_inside is project_places._places_inside
    assert projects._place_after_owner is project_places._place_after_owner


def test_lists_in_parens_need_a_list_mark() -> None:
    from loaders.extract.entities.base import _drop_lists_in_parens

    names = [*_TEXTS, "九大产业 (甲乙、丙丁)智能化提升工程", "星河(甲乙)丙丁中心", "甲（乙、丙）"]
    for text in names:
        for piece in {text[i:j] for i in range(len(text)) for j in range(i, len(text) + 1)}:
            if "、" not in piece:  # the gate in project_mentions
                assert _drop_lists_in_parens(piece) == piece
    assert _drop_lists_in_parens("九大产业 (甲乙、丙丁)智能化提升工程") == "九大产业智能化提升工程"
