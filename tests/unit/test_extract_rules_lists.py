"""Firms named only as members of a list, and what the list does together. Sentences are
invented for these tests."""

from __future__ import annotations

from support.extraction import names, pairs, run


def test_members_of_a_counted_list_of_firms_are_companies() -> None:
    ex = run("洛阳市发展装备产业，星云重工、天衡电机、瀚海动力等上百家装备配套企业纷纷落户伊川县。")
    assert {"星云重工", "天衡电机", "瀚海动力"} <= names(ex, "Company")


def test_every_member_of_a_list_settles_where_the_list_settles() -> None:
    ex = run("洛阳市发展装备产业，星云重工、天衡电机、瀚海动力等上百家装备配套企业纷纷落户伊川县。")
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


def test_customers_listed_after_a_colon_are_empowered() -> None:
    ex = run("昱辰软件是一家工业软件企业，客户包括：月影集团、天衡集团等。")
    assert {("昱辰软件", "月影集团"), ("昱辰软件", "天衡集团")} <= pairs(ex, "EMPOWERS")


def test_a_post_held_at_each_listed_body() -> None:
    ex = run("张明远担任董事的还有：洛阳星云电子有限公司、洛阳天衡实业有限公司、洛阳市星云协会。")
    posts = pairs(ex, "WORKS_FOR")
    assert {("张明远", "星云电子"), ("张明远", "天衡实业"), ("张明远", "洛阳市星云协会")} <= posts


def test_a_title_after_a_name_in_corner_brackets() -> None:
    ex = run("「星河科技」联合创始人张明远于2009年提出这一技术。")
    assert ("张明远", "星河科技") in pairs(ex, "WORKS_FOR")


def test_a_controlling_shareholder_owns_the_company() -> None:
    ex = run("洛阳天衡光电科技有限公司由星河投资管理有限公司控股投资，主要从事光伏硅片生产。")
    assert ("天衡光电科技", "星河投资管理") in pairs(ex, "SUBSIDIARY_OF")


def test_a_minority_stake_owns_nothing() -> None:
    ex = run("洛阳天衡光电科技有限公司由星河投资管理有限公司参股，主要从事光伏硅片生产。")
    assert pairs(ex, "SUBSIDIARY_OF") == set()


def test_a_joint_venture_belongs_to_each_founder() -> None:
    ex = run("由星云燃气有限公司和天衡实业集团有限公司合资的洛阳月影能源有限公司正式成立。")
    assert {("月影能源", "星云燃气"), ("月影能源", "天衡实业集团")} <= pairs(ex, "SUBSIDIARY_OF")


def test_a_local_company_named_after_its_parent_stays_apart() -> None:
    ex = run("由星云燃气有限公司和天衡实业集团有限公司合资的洛阳星云燃气有限公司正式成立。")
    assert {"星云燃气", "洛阳星云燃气"} <= names(ex, "Company")
    assert ("洛阳星云燃气", "星云燃气") in pairs(ex, "SUBSIDIARY_OF")


def test_a_firms_facility_in_a_place_places_the_firm() -> None:
    ex = run("在天衡电机股份有限公司位于洛阳涧西的工厂里，记者看到了新产品。")
    assert {("天衡电机", "洛阳市"), ("天衡电机", "涧西区")} <= pairs(ex, "LOCATED_IN")


def test_a_places_firms_counted_then_listed() -> None:
    ex = run("现在，洛阳市汽车核心零部件企业达150余家，包括远航智控、嘉禾精密、启明传感等。")
    assert {("远航智控", "洛阳市"), ("启明传感", "洛阳市")} <= pairs(ex, "LOCATED_IN")


def test_firms_listed_after_a_place_without_a_count_are_not_placed() -> None:
    ex = run("现在，洛阳市与远航智控、嘉禾精密、启明传感等企业签约。")
    assert not any(tail == "洛阳市" for _, tail in pairs(ex, "LOCATED_IN"))


def test_a_registered_name_after_a_verb_is_a_company() -> None:
    ex = run("记者来到星云软件股份有限公司。")
    assert "星云软件" in names(ex, "Company")


def test_a_proper_name_with_its_trade_before_gongsi_is_a_company() -> None:
    ex = run("据加拿大北岭勘探咨询公司出具的报告，矿区南部是俄罗斯阿蓝肥料公司的区块。")
    assert {"北岭勘探咨询公司", "阿蓝肥料公司"} <= names(ex, "Company")


def test_a_regional_company_of_a_named_firm() -> None:
    ex = run("如洛华新疆公司在拓展市场时就同洛天公司签订了协议。")
    assert "洛华新疆公司" in names(ex, "Company")


def test_a_description_before_gongsi_is_no_company() -> None:
    ex = run("这家晶片设计公司和一家锂业公司都在招聘。")
    assert names(ex, "Company") == set()


def test_a_place_short_form_opening_a_brand_word_is_no_place() -> None:
    ex = run("阿里巴巴集团经营多项业务，阿里巴巴网络平台于1999年推出。")
    assert names(ex, "City") == set()
    assert pairs(ex, "LOCATED_IN") == set()


def test_every_member_of_a_long_partner_list_is_a_company() -> None:
    ex = run("星河电信携手月影科技、ABC、云舟、有方、洛芯、天衡微、博润通等产业合作伙伴启动合作。")
    assert {"ABC", "云舟", "洛芯", "天衡微", "博润通"} <= names(ex, "Company")


def test_places_closed_by_dengdi_are_not_firms() -> None:
    ex = run("星河科技与济南、淄博、东营等地多家企业签约。")
    assert not any("等" in n for n in names(ex, "Company"))


def test_reaching_an_agreement_is_signing() -> None:
    ex = run("星河集团也已同洛阳市人民政府达成战略合作协议，计划打造枢纽。")
    assert pairs(ex, "SIGNED_WITH") == {("星河集团", "洛阳市人民政府")}


def test_reaching_a_consensus_is_not_signing() -> None:
    ex = run("星河集团同洛阳市人民政府达成共识。")
    assert pairs(ex, "SIGNED_WITH") == set()


def test_a_list_closed_by_a_bare_count_after_a_visit() -> None:
    ex = run("调研组走访星实生物、天泽云泰两家创新药企。")
    assert {"星实生物", "天泽云泰"} <= names(ex, "Company")


def test_two_firm_words_read_as_one_word() -> None:
    ex = run("洛阳星益实业集团今年扩产。")
    assert any(n.endswith("星益实业集团") for n in names(ex, "Company"))


def test_the_firms_a_deal_takes_in_are_firms() -> None:
    ex = run("星河集团先后收购 XQ、星云科技等移动产品，并投资璟澜、饿了么等企业。")
    assert {"XQ", "璟澜"} <= names(ex, "Company")


def test_a_deal_verb_before_an_amount_or_a_field_names_no_firm() -> None:
    ex = run("星河集团投资10亿元建设新厂，并投资建设新能源项目，加大投资力度。")
    assert names(ex, "Company") == {"星河集团"}


def test_a_list_after_a_deal_verb_with_an_ordinary_word_is_no_list_of_firms() -> None:
    ex = run("看投资结构，风投优先、上下游投资次之、家族投资末位。")
    assert names(ex, "Company") == set()


def test_investors_who_lead_a_round_are_firms() -> None:
    ex = run("本轮融资由星米战投、璟澜资本领头。")
    assert "璟澜资本" in names(ex, "Company")


def test_an_investors_own_verb_closes_its_item() -> None:
    ex = run("融资由星河资本领投，璟澜创投和蓝星投资跟投、云帆资本担任独家财务顾问。")
    firms = names(ex, "Company")
    assert "蓝星投资" in firms and not any(n.endswith("跟投") for n in firms)


def test_common_words_and_a_verb_before_a_firm_word_are_a_clause() -> None:
    ex = run("推动更多党员干部懂科技、懂产业。大东联石油装备项目签约。")
    firms = names(ex, "Company")
    assert not any(n.startswith("党员") for n in firms)


def test_the_counted_big_ones_of_a_trade_are_no_firm() -> None:
    ex = run("中央企业中五大发电集团、国家电网等企业纷纷投资。")
    assert names(ex, "Company") == {"国家电网"}


def test_a_trade_before_gongsi_is_no_name() -> None:
    ex = run("双方就合作建设锂业公司项目进行了商谈。")
    assert names(ex, "Company") == set()


def test_a_firm_word_before_a_base_is_a_facility_word() -> None:
    ex = run("洛阳将打造一体化的华曜物流基地。")
    assert names(ex, "Company") == set()


def test_the_first_member_ends_the_same_however_far_back_the_clause_opens() -> None:
    # the walk to the first member reads marks at most 9 characters back: a clause that opens
    # further back gives way to the name's left edge, as one with no mark at all does
    near = run("调研组走访了青禾生物、鼎峰医药两家创新药企。")
    far = run("在甲乙两地开展的这次调研中，调研组走访了青禾生物、鼎峰医药两家创新药企。")
    assert {"青禾生物", "鼎峰医药"} <= names(near, "Company")
    assert names(far, "Company") == names(near, "Company")
