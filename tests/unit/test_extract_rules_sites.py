"""Where a supplier's work is tried or deployed: the site is empowered, not a partner; credit
lines name no entity (X1). Sentences are invented for these tests."""

from __future__ import annotations

from support.extraction import names, pairs, run, sym


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


def test_a_canal_or_line_named_by_a_proper_word() -> None:
    ex = run("调研组来到广西钦州的平陆运河建设现场。神华集团还参与了乌东铁路的建设。")
    assert {"平陆运河", "乌东铁路"} <= names(ex, "Project")
    assert ("神华集团", "乌东铁路") in pairs(ex, "PARTICIPATES_IN")
    assert ("平陆运河", "钦州市") in pairs(ex, "LOCATED_IN")
    assert pairs(ex, "DEVELOPED_BY") == set()  # the place visited builds nothing


def test_a_corridor_keeps_the_direction_of_its_region() -> None:
    ex = run("作为西部陆海新通道的骨干工程，该项目意义重大。")
    assert "西部陆海新通道" in names(ex, "Project")


def test_a_bare_national_laboratory_is_a_kind() -> None:
    ex = run("四川拥有国家实验室、天府实验室等一批高质量创新平台。")
    assert "国家实验室" not in names(ex, "Project")


def test_a_party_bloc_in_the_dictionary_is_no_firm() -> None:
    ex = run("七国集团峰会在日本举行，上市公司数量增加。")
    assert names(ex, "Company") == set()


def test_a_kind_of_system_project_and_an_engineering_method_are_no_works() -> None:
    ex = run("很多ERP系统项目落地周期很长。团队完善了驱油藏工程方法。")
    assert names(ex, "Project") == set()
