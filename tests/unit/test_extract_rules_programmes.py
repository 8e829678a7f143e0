"""Who builds or runs a programme: verbs of piloting and deepening for a place, quoted works side
by side, and a pair that signs and then develops. Sentences are invented for these tests."""

from __future__ import annotations

from support.extraction import names, pairs, run


def test_a_district_that_pilots_a_quoted_programme_develops_it() -> None:
    ex = run("洛阳市洛龙区试点“AI+星河统管”，形成闭环。")
    assert ("AI+星河统管", "洛龙区") in pairs(ex, "DEVELOPED_BY")


def test_quoted_works_side_by_side_share_their_builder() -> None:
    ex = run("洛阳市将提质建设“星河走廊”“云帆走廊”“智行走廊”。")
    built = {head for head, tail in pairs(ex, "DEVELOPED_BY") if tail == "洛阳市"}
    assert {"星河走廊", "云帆走廊", "智行走廊"} <= built


def test_a_city_that_deepens_programmes_runs_them() -> None:
    ex = run("洛阳市深化“星火揭榜”、“校企双进”等行动。")
    assert {("星火揭榜", "洛阳市"), ("校企双进", "洛阳市")} <= pairs(ex, "DEVELOPED_BY")


def test_a_firm_that_pilots_something_does_not_build_a_programme() -> None:
    ex = run("星河科技试点“星火揭榜”。")
    assert pairs(ex, "DEVELOPED_BY") == set()


def test_a_pair_that_signs_then_develops_together() -> None:
    ex = run("星河科技与星云集团宣布，双方已签署合作协议，共同开发“星河矿区项目”。")
    assert {("星河矿区项目", "星河科技"), ("星河矿区项目", "星云集团")} <= pairs(ex, "DEVELOPED_BY")


def test_a_clause_after_a_semicolon_that_opens_with_its_verb_keeps_the_subject() -> None:
    ex = run("洛阳市持续发力，出台多项政策；依托陆港打造物流基地；先后举办“星河汽车大赛”等赛事。")
    assert ("星河汽车大赛", "洛阳市") in pairs(ex, "DEVELOPED_BY")


def test_a_clause_after_a_semicolon_with_its_own_topic_does_not() -> None:
    ex = run("洛阳市持续发力，出台多项政策；行业智库汇聚，建起“星河产业联盟”等平台组织。")
    assert ("星河产业联盟", "洛阳市") not in pairs(ex, "DEVELOPED_BY")


def test_an_event_name_holds_a_code_and_a_world_word() -> None:
    ex = run("据悉，在北京举办的2024XYZ全球应用开发者大会上，星河科技荣获大奖。")
    assert ("2024XYZ全球应用开发者大会", "北京市") in pairs(ex, "LOCATED_IN")


def test_the_place_an_event_is_held_in_does_not_hold_it() -> None:
    ex = run("据悉，在洛阳举办的2024星河全球开发者大会上，星河科技荣获大奖。")
    assert pairs(ex, "DEVELOPED_BY") == set()


def test_a_campaign_with_empowering_in_its_name() -> None:
    ex = run("同时也应深入实施中小企业数字化赋能专项行动，支持企业转型。")
    assert "中小企业数字化赋能专项行动" in names(ex, "Project")


def test_a_short_campaign_a_place_launches_is_its_own() -> None:
    ex = run("洛阳开展安全生产专项行动，实施提振消费专项行动。")
    assert {"安全生产专项行动", "提振消费专项行动"} <= names(ex, "Project")
    assert ("安全生产专项行动", "洛阳市") in pairs(ex, "DEVELOPED_BY")


def test_a_bare_campaign_word_is_no_campaign() -> None:
    ex = run("洛阳开展专项行动，推进重点工作。")
    assert names(ex, "Project") == set()
