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


def test_a_places_state_investment_firm_by_its_short_name() -> None:
    ex = run("据悉，该项目由洛阳国投和华曜能源共同投资建设。")
    assert "洛阳国投" in names(ex, "Company")
    assert ("洛阳国投", "洛阳市") in pairs(ex, "LOCATED_IN")
    assert all("洛阳市" not in p for p in sym(ex, "PARTNERS_WITH"))


def test_a_brand_before_a_solar_or_robot_word_is_a_firm() -> None:
    ex = run("华曜光伏与云岫机器人签署合作协议。")
    assert {"华曜光伏", "云岫机器人"} <= names(ex, "Company")


def test_a_firm_word_before_technology_is_a_technology() -> None:
    ex = run("长时储能技术能够将风能储存起来，新型光伏技术也在进步。")
    assert names(ex, "Company") == set()


def test_a_four_character_word_of_two_common_words_is_no_brand() -> None:
    ex = run("要大力发展汽车，大力发展光伏。")
    assert names(ex, "Company") == set()


def test_a_provinces_investment_group_in_full_keeps_its_short_form() -> None:
    ex = run("洛阳市交通投资集团有限公司与华为签约。洛阳交投董事长王强表示，将加快转型。")
    assert "洛阳交投" not in names(ex, "Company")


def test_a_provinces_branch_centre_lies_in_the_province() -> None:
    ex = run("华曜科技参与建设国家工业互联网大数据中心河南分中心。")
    assert ("国家工业互联网大数据中心河南分中心", "河南省") in pairs(ex, "LOCATED_IN")


def test_a_known_short_form_with_jituan_is_that_group() -> None:
    ex = run("宝钢集团董事长徐乐江在推介会上介绍了情况。")
    assert ("徐乐江", "中国宝武") in pairs(ex, "WORKS_FOR")


def test_a_subject_after_a_time_clause_with_suihou() -> None:
    ex = run("随后的2020年，星河科技由创始团队合资成立，并获得河南省中原英才计划创业项目支持。")
    assert ("星河科技", "河南省中原英才计划") in pairs(ex, "PARTICIPATES_IN")


def test_hong_kong_universities_by_their_standard_short_names() -> None:
    ex = run("她曾任理大校董会主席，现与港大合作研究。系统能处理大量数据。")
    assert {"香港理工大学", "香港大学"} <= names(ex, "Organization")


def test_a_bare_city_government_is_also_written_with_its_city() -> None:
    ex = run("洛阳市召开大会。市政府与华曜科技签署协议。")
    government = next(e for e in ex.entities if e.name == "洛阳市人民政府")
    assert "洛阳市政府" in government.aliases


def test_a_body_the_gazetteer_knows_keeps_its_name_after_its_place() -> None:
    ex = run("香港生产力促进局与华曜科技签署合作备忘录。")
    assert "香港生产力促进局" in names(ex, "Agency")


def test_a_bare_autonomous_region_opens_the_articles_regional_body() -> None:
    ex = run("新疆维吾尔自治区召开会议。据自治区国资委统计，央企投资持续增长。")
    assert names(ex, "Agency") == {"新疆维吾尔自治区国有资产监督管理委员会"}


def test_a_verb_of_having_before_the_type_word_ends_no_project_name() -> None:
    ex = run("华曜科技总部位于洛阳，在上海、深圳设有研发中心。")
    assert names(ex, "Project") == set()


def test_a_projects_main_contractor_takes_part_in_it() -> None:
    ex = run("华曜科技是洛阳智慧港口项目的总承包方。")
    assert ("华曜科技", "洛阳智慧港口项目") in pairs(ex, "PARTICIPATES_IN")
    near = run("华曜科技是洛阳智慧港口项目的关注者。")
    assert pairs(near, "PARTICIPATES_IN") == set()


def test_a_works_named_by_its_place_and_trade_is_a_firm() -> None:
    ex = run("在洛阳机床厂总装车间，调研组看到了新设备。洛阳热电厂完成改造。")
    assert {"洛阳机床厂", "洛阳热电厂"} <= names(ex, "Company")
    assert ("洛阳机床厂", "洛阳市") in pairs(ex, "LOCATED_IN")


def test_a_place_and_a_bare_kind_of_works_is_no_name() -> None:
    ex = run("洛阳市工厂数量增加，厂长们很忙。")
    assert names(ex, "Company") == set()
    assert names(ex, "Project") == set()


def test_a_national_bodys_short_form_after_a_place_is_the_places_own_body() -> None:
    ex = run("河南省机械工业联合会会长李四表示，行业稳中向好。洛阳工业互联网研究院与华曜科技签约。")
    assert "中国机械工业联合会" not in names(ex, "Organization")
    assert "河南省机械工业联合会" in names(ex, "Organization")
    assert ("李四", "河南省机械工业联合会") in pairs(ex, "WORKS_FOR")
    assert "中国工业互联网研究院" not in names(ex, "Agency")


def test_a_national_bodys_full_name_stays_national() -> None:
    ex = run("中国机械工业联合会会长李四表示，行业稳中向好。")
    assert "中国机械工业联合会" in names(ex, "Organization")


def test_a_province_character_before_a_groups_short_form_names_a_regional_firm() -> None:
    ex = run("陕重汽与华曜科技签署战略合作协议。")
    assert "陕重汽" in names(ex, "Company")
    assert "中国重汽" not in names(ex, "Company")


def test_a_place_visited_before_a_known_firm_leaves_the_firm() -> None:
    ex = run("在沪华为员工参加活动。")
    assert "华为" in names(ex, "Company")
