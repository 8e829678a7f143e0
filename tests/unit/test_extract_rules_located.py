"""Where organisations and works are: set up in a place, brought in to settle, a place's second
list of firms, and 位于 a part of a place. Sentences are invented for these tests."""

from __future__ import annotations

from support.extraction import pairs, run


def test_a_firm_set_up_in_a_zone_is_located_there() -> None:
    ex = run("洛阳星云光伏科技有限公司是由星云集团在洛阳高新区投资设立的外资独资企业。")
    assert ("星云光伏科技", "洛阳高新区") in pairs(ex, "LOCATED_IN")


def test_a_firm_a_group_sets_up_in_a_city_is_located_there() -> None:
    ex = run("星云集团在洛阳市设立了星河科技有限公司。")
    located = pairs(ex, "LOCATED_IN")
    assert ("星河科技", "洛阳市") in located
    assert ("星云集团", "洛阳市") not in located


def test_a_place_that_has_two_lists_of_firms() -> None:
    ex = run("目前，洛阳拥有星河客车、星云汽车等7家整车企业，以及璟澜玻璃等150多家配套企业。")
    assert {("星河客车", "洛阳市"), ("璟澜玻璃", "洛阳市")} <= pairs(ex, "LOCATED_IN")


def test_firms_brought_in_to_settle_are_located_there() -> None:
    ex = run("洛阳积极引进星河科技、星云集团等龙头企业落户。")
    assert ("星云集团", "洛阳市") in pairs(ex, "LOCATED_IN")


def test_a_firm_brought_in_without_settling_is_not_located() -> None:
    ex = run("洛阳市引进星河科技的技术。")
    assert pairs(ex, "LOCATED_IN") == set()


def test_a_work_in_a_part_of_a_place_the_rules_do_not_name() -> None:
    ex = run("记者步入位于洛阳临港新片区的星河总装制造中心。")
    assert ("星河总装制造中心", "洛阳市") in pairs(ex, "LOCATED_IN")


def test_a_role_word_ends_the_description_before_a_registered_name() -> None:
    ex = run("数字化解决方案提供商北京云星科技有限公司（以下简称“云星科技”）宣布完成融资。")
    assert ("云星科技", "北京市") in pairs(ex, "LOCATED_IN")


def test_a_new_area_written_with_its_city_places_a_facility_in_both() -> None:
    ex = run("记者步入位于上海临港新片区的星河总装制造中心。")
    located = {tail for head, tail in pairs(ex, "LOCATED_IN") if head == "星河总装制造中心"}
    assert "上海市" in located and len(located) == 2


def test_a_campaign_launched_in_the_capital_by_its_one_character_name() -> None:
    ex = run("星河电信携手星云科技在京启动“星火合作行动”。")
    assert ("星火合作行动", "北京市") in pairs(ex, "LOCATED_IN")


def test_a_one_character_name_inside_a_word_places_nothing() -> None:
    ex = run("星河电信在深入调研后启动“星火合作行动”。")
    assert pairs(ex, "LOCATED_IN") == set()


def test_a_project_built_in_a_place_lies_at_every_level_written() -> None:
    ex = run("公司拟在河南省洛阳市伊川县白沙湾投资伊川白沙湾100MW光伏项目。")
    located = pairs(ex, "LOCATED_IN")
    assert {("伊川白沙湾100MW光伏项目", "河南省"), ("伊川白沙湾100MW光伏项目", "洛阳市")} <= located


def test_a_firm_investing_in_a_place_is_not_located_there() -> None:
    ex = run("华曜科技在洛阳投资了多家企业。")
    assert pairs(ex, "LOCATED_IN") == set()


def test_what_is_visited_lies_in_the_place_the_sentence_opens_with() -> None:
    ex = run("在洛阳，调研组前往星云智能制造研究中心，详细了解技术突破路径。")
    assert ("星云智能制造研究中心", "洛阳市") in pairs(ex, "LOCATED_IN")


def test_a_place_opening_a_sentence_without_a_visit_locates_nothing() -> None:
    ex = run("在洛阳，星云智能制造研究中心的专家也发表了看法。")
    assert pairs(ex, "LOCATED_IN") == set()


def test_a_zone_named_after_a_town_is_a_zone() -> None:
    ex = run("开工奠基仪式在浒岭开发区星岚工业园举行。该开发区和工业开发区都在扩建。")
    zones = {e.name for e in ex.entities if e.properties.get("level") == "zone"}
    assert zones == {"浒岭开发区"}
    assert ("星岚工业园", "浒岭开发区") in pairs(ex, "LOCATED_IN")
