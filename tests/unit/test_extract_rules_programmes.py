"""Who builds or runs a programme: verbs of piloting and deepening for a place, quoted works side
by side, and a pair that signs and then develops. Sentences are invented for these tests."""

from __future__ import annotations

from support.extraction import pairs, run


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
