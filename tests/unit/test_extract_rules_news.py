"""Sentences of the kind industrial news writes every day: bids won, services to several firms,
signings with several parties, a group's short form opening its member's name. Sentences are
invented for these tests."""

from __future__ import annotations

from support.extraction import names, pairs, run, sym


def test_a_groups_short_form_before_a_trade_word_is_its_member_firm() -> None:
    ex = run("中信重工与星河科技联合开发的矿山装备远程运维平台正式上线。")
    assert "中信重工" in names(ex, "Company")
    assert "中信集团" not in names(ex, "Company")  # named by the article nowhere
    assert ("矿山装备远程运维平台", "中信重工") in pairs(ex, "DEVELOPED_BY")


def test_a_bid_winner_is_no_part_of_the_projects_name() -> None:
    ex = run("星河科技中标洛阳钼业智能工厂建设项目，中标金额3200万元。")
    assert "洛阳钼业智能工厂建设项目" in names(ex, "Project")
    assert ("星河科技", "洛阳钼业智能工厂建设项目") in pairs(ex, "PARTICIPATES_IN")


def test_a_service_to_several_named_firms_empowers_each() -> None:
    ex = run("星河科技已为华曜集团、中信重工等200余家企业提供数字化转型服务。")
    empowered = pairs(ex, "EMPOWERS")
    assert {("星河科技", "华曜集团"), ("星河科技", "中信重工")} <= empowered


def test_signing_a_cooperation_agreement_is_no_partnership() -> None:
    ex = run("会上，星河科技与华曜集团签订合作协议。")
    assert frozenset({"星河科技", "华曜集团"}) in sym(ex, "SIGNED_WITH")
    assert sym(ex, "PARTNERS_WITH") == set()


def test_a_place_opening_an_unknown_name_is_no_partner() -> None:
    ex = run("星河科技与华曜集团、洛阳一拖合作。")
    partners = sym(ex, "PARTNERS_WITH")
    assert frozenset({"星河科技", "华曜集团"}) in partners
    assert all("洛阳市" not in p for p in partners)
