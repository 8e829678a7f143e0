"""Where a supplier's work is tried or deployed: the site is empowered, not a partner; credit
lines name no entity (X1). Sentences are invented for these tests."""

from __future__ import annotations

from support.extraction import pairs, run, sym


def test_a_trial_at_a_site_empowers_the_site() -> None:
    ex = run("洛阳电信与星河科技联合在星云技术学院进行了5G试点。")
    empowered = pairs(ex, "EMPOWERS")
    assert {("洛阳电信", "星云技术学院"), ("星河科技", "星云技术学院")} <= empowered
    assert frozenset(("洛阳电信", "星河科技")) in sym(ex, "PARTNERS_WITH")
    assert not any("星云技术学院" in pair for pair in sym(ex, "PARTNERS_WITH"))


def test_a_place_where_something_happens_is_no_site_of_work() -> None:
    ex = run("星河科技在洛阳市举办发布会。")
    assert pairs(ex, "EMPOWERS") == set()


def test_help_received_at_a_firm_is_no_site_of_work() -> None:
    ex = run("星河科技在兰花集团的帮助下完成融资。")
    assert pairs(ex, "EMPOWERS") == set()


def test_a_credit_line_names_no_entity() -> None:
    ex = run("星河科技今年营收增长三成。\n数据来源：洛阳市统计局\n")
    assert not any(e.label == "Agency" for e in ex.entities)


def test_a_body_named_in_the_text_stays_beside_its_credit_line() -> None:
    ex = run("洛阳市统计局发布数据，星河科技营收增长。\n数据来源：洛阳市统计局\n")
    assert any(e.label == "Agency" and e.name == "洛阳市统计局" for e in ex.entities)


def test_a_latin_short_form_inside_a_longer_latin_word_is_no_match() -> None:
    ex = run("星河科技完成分布式Massive MIMO试验，所需的EUV光刻机仍靠进口。")
    assert not any(e.label == "Organization" for e in ex.entities)
