"""People named beside a title, in a group or at the head of one; firms named by a brand word or
as members of a list of known firms; lists that go on over an item no rule names. Each rule must
fire on its pattern and stay quiet on a near miss. Sentences are invented for these tests."""

from __future__ import annotations

from support.extraction import names, pairs, run


def test_a_name_after_a_title_ends_before_a_common_word() -> None:
    ex = run("星云电子有限公司研究院副院长李建华长期从事材料研究。")
    assert "李建华" in names(ex, "Person")


def test_a_name_after_a_title_ends_before_a_short_verb() -> None:
    ex = run("星云电子总经理罗晓做了发言。")
    assert names(ex, "Person") == {"罗晓"}


def test_a_given_name_may_hold_the_character_of_a_title() -> None:
    ex = run("星云矿业总经理赵长青接受采访时表示，合作顺利。")
    assert "赵长青" in names(ex, "Person")


def test_a_surname_with_a_title_is_not_a_name() -> None:
    ex = run("洛阳市副市长王局长出席会议。")
    assert "王局长" not in names(ex, "Person")


def test_the_first_of_a_group_of_delegates_is_a_person() -> None:
    ex = run("陈立民等政协委员提交了提案。")
    assert "陈立民" in names(ex, "Person")


def test_a_person_leading_a_generation_of_managers() -> None:
    ex = run("以周志强为代表的新一代管理者已经走上前台。")
    assert "周志强" in names(ex, "Person")


def test_a_place_leading_a_group_of_parks_is_no_person() -> None:
    ex = run("以张江为代表的园区发展迅速。")
    assert "张江" not in names(ex, "Person")


def test_people_listed_with_their_titles_after_their_names() -> None:
    ex = run("洛阳市高新区管委会李耕主任、周七林副主任出席活动。")
    assert {"李耕", "周七林"} <= names(ex, "Person")


def test_a_former_head_of_government_works_there_no_more() -> None:
    ex = run("时任江苏省省长王明远再次指出，要加快转型。")
    assert "王明远" in names(ex, "Person")
    assert pairs(ex, "WORKS_FOR") == set()


def test_a_sitting_head_of_government_works_for_the_province() -> None:
    ex = run("江苏省省长王明远再次指出，要加快转型。")
    assert ("王明远", "江苏省") in pairs(ex, "WORKS_FOR")


def test_a_common_noun_is_a_brand_before_a_firm_word() -> None:
    ex = run("兰花集团与洛阳市签约。星云科技发布新品。")
    assert {"兰花集团", "星云科技"} <= names(ex, "Company")


def test_a_field_before_a_firm_word_is_no_brand() -> None:
    ex = run("金融科技发展迅速，当地物流集团承担运输。")
    assert names(ex, "Company") == set()


def test_a_post_then_its_holder_after_a_copula() -> None:
    ex = run("星河科技现任董事长为张明远。")
    assert "张明远" in names(ex, "Person")


def test_a_holder_before_a_post_verb_after_you() -> None:
    ex = run("本届年会由张明远主持。")
    assert "张明远" in names(ex, "Person")


def test_an_unknown_name_joined_to_two_known_firms_is_a_firm() -> None:
    ex = run("星河科技为家电巨头飞利浦、西门子和伊莱克斯等配套生产。")
    assert "伊莱克斯" in names(ex, "Company")


def test_a_place_joined_to_known_firms_is_no_firm() -> None:
    ex = run("飞利浦、西门子和洛阳都在扩产。")
    assert "洛阳" not in names(ex, "Company")
    assert "洛阳市" in names(ex, "City")


def test_a_verb_glued_to_the_firm_word_leaves_the_firm() -> None:
    ex = run("这一平台由星云科技开发。")
    assert "星云科技" in names(ex, "Company")


def test_a_brand_before_a_share_or_capital_word_is_a_firm() -> None:
    ex = run("星河股份宣布，由兴瑞资本领投。")
    assert {"星河股份", "兴瑞资本"} <= names(ex, "Company")


def test_a_list_of_builders_goes_on_over_an_item_it_cannot_name() -> None:
    ex = run("星河电子携手星云科技、有方、兰花集团等合作伙伴在京启动“星火模组行动”。")
    builders = {tail for head, tail in pairs(ex, "DEVELOPED_BY") if head == "星火模组行动"}
    assert {"星河电子", "星云科技", "兰花集团"} <= builders


def test_a_list_broken_by_a_clause_is_two_groups() -> None:
    ex = run("星云科技发布新品，有方、兰花集团启动“星火模组行动”。")
    builders = {tail for head, tail in pairs(ex, "DEVELOPED_BY") if head == "星火模组行动"}
    assert "星云科技" not in builders


def test_a_zone_the_segmenter_reads_as_one_word_is_a_zone() -> None:
    ex = run("苏州高新区发布新政策。")
    assert "苏州高新区" in names(ex, "City")


def test_a_zones_party_working_committee_is_an_agency() -> None:
    ex = run("洛阳经开区党工委书记王明远出席。")
    agencies = [e for e in ex.entities if e.label == "Agency"]
    assert any("洛阳经开区党工委" in {e.name, *e.aliases} for e in agencies)
    assert any(tail.endswith("党工委") for head, tail in pairs(ex, "WORKS_FOR") if head == "王明远")


def test_a_business_word_before_the_legal_form_stays_in_the_name() -> None:
    ex = run("宁海县海升电力开发有限公司与星河科技签约。")
    assert "海升电力开发" in names(ex, "Company")
    assert frozenset(("海升电力开发", "星河科技")) in {
        frozenset(p) for p in pairs(ex, "SIGNED_WITH")
    }


def test_new_technology_fields_are_not_firms() -> None:
    ex = run("星河科技与洛阳的人工智能、生物医药等企业合作，把数据记录到区块链网络，发展具身智能。")
    assert names(ex, "Company") == {"星河科技"}


def test_a_firm_named_after_a_technology_field_is_still_a_firm() -> None:
    ex = run("星河区块链科技有限公司与洛阳市签约。")
    assert any(n.startswith("星河区块链") for n in names(ex, "Company"))


def test_a_name_after_a_title_before_a_copula() -> None:
    ex = run("星河集团副董事长陈立民是研发中心主席。")
    assert "陈立民" in names(ex, "Person")
    assert not any("陈立民" in n for n in names(ex, "Project"))


def test_a_project_name_never_runs_over_a_title_and_a_copula() -> None:
    ex = run("接单的星河集团，副董事长陈立民正是研发中心主席。")
    assert names(ex, "Project") == set()
    assert "陈立民" in names(ex, "Person")


def test_an_occupation_introduces_a_name() -> None:
    ex = run("星河集团在1978年由洛阳纺织商人陈立民成立。经济学家王明远认为，市场将回暖。")
    assert {"陈立民", "王明远"} <= names(ex, "Person")


def test_a_groups_short_form_used_on_its_own_is_its_alias() -> None:
    ex = run("星钢集团董事长陈立民介绍，星钢计划向新疆投资。星钢还将扩产。")
    group = next(e for e in ex.entities if e.name == "星钢集团")
    assert "星钢" in group.aliases


def test_a_groups_short_form_only_inside_its_name_is_no_alias() -> None:
    ex = run("星钢集团董事长陈立民介绍，星钢集团将扩产。")
    group = next(e for e in ex.entities if e.name == "星钢集团")
    assert "星钢" not in group.aliases


def test_a_department_named_for_two_fields_joined_by_he() -> None:
    ex = run("洛阳市经济和信息化工作委员会书记王明远表示，合作顺利。")
    assert ("王明远", "洛阳市经济和信息化工作委员会") in pairs(ex, "WORKS_FOR")


def test_a_place_and_a_firm_joined_by_he_are_no_department() -> None:
    ex = run("洛阳市和星河科技管理委员会签约。")
    assert not any(e.label == "Agency" and e.name.startswith("洛阳市和") for e in ex.entities)


def test_a_universitys_institute_is_an_organization() -> None:
    ex = run("该基金由星河投资和中国科学技术大学苏州研究院共同出资。")
    orgs = {e.name for e in ex.entities if e.label == "Organization"}
    assert "中国科学技术大学苏州研究院" in orgs


def test_an_institute_of_the_academy_of_sciences_stays_an_agency() -> None:
    ex = run("中国科学院量子信息与量子科技创新研究院发布成果。")
    assert not any(e.label == "Organization" for e in ex.entities)


def test_a_department_named_for_two_fields() -> None:
    ex = run("他是洛阳理工大学工业与系统工程系的博士。")
    orgs = {e.name for e in ex.entities if e.label == "Organization"}
    assert "洛阳理工大学工业与系统工程系" in orgs


def test_a_rare_dictionary_word_after_a_title_may_be_a_name() -> None:
    ex = run("星河集团副总经理国强在接受记者采访时表示。")
    assert ("国强", "星河集团") in pairs(ex, "WORKS_FOR")


def test_a_common_word_after_a_title_is_no_name() -> None:
    ex = run("星河集团总经理简单介绍了情况。")
    assert names(ex, "Person") == set()


def test_a_place_led_group_of_ordinary_words_is_a_firm() -> None:
    ex = run("该基金由星河投资、河南省信用担保集团及社会资本共同出资。")
    assert "河南省信用担保集团" in names(ex, "Company")
    assert ("河南省信用担保集团", "河南省") in pairs(ex, "LOCATED_IN")


def test_a_place_then_a_verb_and_technology_is_no_firm() -> None:
    ex = run("河南坚持科技自立自强，洛阳强化科技创新。")
    assert names(ex, "Company") == set()


def test_a_hong_kong_bureaus_standard_short_name() -> None:
    ex = run("创科局局长王明远表示，计划顺利。")
    assert ("王明远", "创新及科技局") in pairs(ex, "WORKS_FOR")


def test_a_project_name_never_runs_over_a_passive_verb() -> None:
    ex = run("有人质疑创科局变相遭科技园架空。")
    assert names(ex, "Project") == set()


def test_a_deputy_mayor_among_other_posts_works_for_the_articles_city() -> None:
    ex = run(
        "洛阳市高新区今天举行开工仪式，洛阳市多个项目集中开工。"
        "市委常委、副市长、高新区党工委书记王明远出席仪式。"
    )
    assert ("王明远", "洛阳市") in pairs(ex, "WORKS_FOR")


def test_posts_at_the_word_company_and_at_a_business_unit() -> None:
    ex = run("星河科技今年营收大增。星河科技召开座谈会，会议由公司执行董事王明远博士主持，"
             "政企业务部总裁罗晓做汇报。")
    assert {("王明远", "星河科技"), ("罗晓", "星河科技")} <= pairs(ex, "WORKS_FOR")


def test_a_ministry_head_is_no_post_at_the_articles_company() -> None:
    ex = run("星河科技今年营收大增。星河科技召开座谈会，外交部部长王明远出席。")
    assert ("王明远", "星河科技") not in pairs(ex, "WORKS_FOR")


def test_a_name_of_two_lone_characters_one_a_function_character() -> None:
    ex = run("中国另一家民营企业春和集团，也把目光瞄准了加拿大。")
    assert "春和集团" in names(ex, "Company")
    ex = run("2010年，由星云燃气有限公司和同益实业集团合资的洛阳星云燃气有限公司正式成立。")
    assert "同益实业集团" in names(ex, "Company")


def test_its_same_group_is_no_firm() -> None:
    ex = run("另一家星岚无纺布有限公司，其同集团的姐妹公司已获资助。")
    assert all("集团" not in n for n in names(ex, "Company"))


def test_a_joint_venture_the_text_does_not_name_makes_no_founder_a_child() -> None:
    ex = run("由星云燃气有限公司和同益实业集团合资的公司正式成立。")
    assert pairs(ex, "SUBSIDIARY_OF") == set()
