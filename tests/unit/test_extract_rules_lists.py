"""Firms named only as members of a list, and what the list does together. Sentences are
invented for these tests."""

from __future__ import annotations

from support.extraction import names, pairs, run


def test_members_of_a_counted_list_of_firms_are_companies() -> None:
    ex = run("洛阳市全力发展装备产业，星云重工、天衡电机、瀚海动力等上百家装备配套企业纷纷落户伊川县。")
    assert {"星云重工", "天衡电机", "瀚海动力"} <= names(ex, "Company")


def test_every_member_of_a_list_settles_where_the_list_settles() -> None:
    ex = run("洛阳市全力发展装备产业，星云重工、天衡电机、瀚海动力等上百家装备配套企业纷纷落户伊川县。")
    located = pairs(ex, "LOCATED_IN")
    assert {("星云重工", "伊川县"), ("天衡电机", "伊川县"), ("瀚海动力", "伊川县")} <= located


def test_a_member_with_its_city_keeps_it_and_is_located_there() -> None:
    ex = run("洛阳星云、天衡电机等多家企业参加了展会。")
    assert "洛阳星云" in names(ex, "Company")
    assert ("洛阳星云", "洛阳市") in pairs(ex, "LOCATED_IN")


def test_a_list_closed_by_its_count_alone() -> None:
    ex = run("调研组走访了青禾生物、鼎峰医药两家创新药企。")
    assert {"青禾生物", "鼎峰医药"} <= names(ex, "Company")
    assert not any(n.startswith("走访") for n in names(ex, "Company"))


def test_a_count_without_a_list_names_nothing() -> None:
    ex = run("全市新增三家创新药企。")
    assert names(ex, "Company") == set()


def test_a_list_after_firms_include() -> None:
    ex = run("目前该市智能制造企业达80余家，包括远航智控、嘉禾精密、启明传感等，涉及多个领域。")
    assert {"远航智控", "嘉禾精密", "启明传感"} <= names(ex, "Company")


def test_a_list_of_business_lines_is_not_a_list_of_firms() -> None:
    ex = run("公司的业务包括：云端存储、智能推荐、在线支付等。")
    assert names(ex, "Company") == set()


def test_fields_before_a_generic_firm_word_are_not_firms() -> None:
    ex = run("围绕人工智能、微服务、数字化转型等中小企业普遍关注的领域开展服务。")
    assert names(ex, "Company") == set()


def test_the_investors_of_a_funding_round_are_companies() -> None:
    ex = run("本轮融资由晨曦资本领投，老股东博润创投、恒信基金跟投，曙光证券担任独家财务顾问。")
    assert {"晨曦资本", "博润创投", "恒信基金", "曙光证券"} <= names(ex, "Company")
    assert not any(n.startswith("老股东") for n in names(ex, "Company"))
