"""Quoted programmes and works that a verb of building or carrying out governs, and the goals,
slogans and brands that stay out. Sentences are invented for these tests."""

from __future__ import annotations

from support.extraction import names, run


def test_quoted_works_after_a_building_verb_are_projects() -> None:
    ex = run("洛阳市将提质建设豫西“星河走廊”“云帆走廊”，联动发展新兴产业。")
    assert {"星河走廊", "云帆走廊"} <= names(ex, "Project")


def test_quoted_programmes_after_deepen_are_projects() -> None:
    ex = run("洛阳市深化“企业点题专家答题”、“校企双进·找技改”，推动创新。")
    assert {"企业点题专家答题", "校企双进·找技改"} <= names(ex, "Project")


def test_a_goal_in_quotes_is_no_project() -> None:
    ex = run("洛阳市全力打造“中原智造之都”。")
    assert names(ex, "Project") == set()


def test_a_counted_slogan_is_no_project() -> None:
    ex = run("洛阳市加快建设“两城三带”，推动发展。")
    assert names(ex, "Project") == set()


def test_brands_closed_by_a_brand_word_are_no_projects() -> None:
    ex = run("洛阳市打造“河洛工匠”“洛阳巧厨”等劳务品牌。")
    assert names(ex, "Project") == set()


def test_a_quoted_modifier_of_a_longer_phrase_is_no_project() -> None:
    ex = run("洛阳市持续优化“线上星河通”服务体系。")
    assert names(ex, "Project") == set()
