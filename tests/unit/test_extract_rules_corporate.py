"""Rules for names and relations met in real news: each must fire on its pattern and stay quiet
on a near miss. Sentences are invented for these tests."""

from __future__ import annotations

from support.extraction import names, pairs, run, sym


def test_several_declared_short_names_are_all_aliases() -> None:
    ex = run("江苏星河科技股份有限公司（以下简称“星河股份”或“公司”）发布公告。星河股份表示将扩产。")
    firms = [e for e in ex.entities if e.label == "Company"]
    assert [e.name for e in firms] == ["星河科技"]
    assert "星河股份" in firms[0].aliases
    assert "公司" not in firms[0].aliases


def test_a_subsidiary_after_the_parents_bracketed_aside() -> None:
    ex = run("江苏星河科技股份有限公司（以下简称“星河股份”）之全资子公司星云宽带技术有限公司中标。")
    assert ("星云宽带技术", "星河科技") in pairs(ex, "SUBSIDIARY_OF")


def test_a_bracket_that_does_not_follow_the_parent_gives_nothing() -> None:
    ex = run("星河科技（洛阳）今年营收增长，子公司数量翻番。")
    assert pairs(ex, "SUBSIDIARY_OF") == set()


def test_a_local_state_firm_keeps_its_place() -> None:
    ex = run("象山县国有资产投资控股集团有限公司发布公告。")
    assert "象山县国有资产投资控股集团" in names(ex, "Company")


def test_a_branded_firm_drops_its_place() -> None:
    ex = run("象山县星河光电科技有限公司发布公告。")
    assert "星河光电科技" in names(ex, "Company")


def test_a_bare_company_word_before_a_title_is_the_articles_company() -> None:
    ex = run("星河科技营收大增。星河科技在洛阳召开发布会，接待的公司董事局主席张明远介绍了新品。")
    assert ("张明远", "星河科技") in pairs(ex, "WORKS_FOR")


def test_a_named_employer_wins_over_the_articles_company() -> None:
    ex = run("星河科技今年营收大增。星河科技在洛阳召开发布会，月影集团副总裁张明远介绍了新品。")
    assert pairs(ex, "WORKS_FOR") == {("张明远", "月影集团")}


def test_partners_listed_before_a_launch_each_develop_the_project() -> None:
    ex = run("星河科技携手月影集团、云舟科技等产业合作伙伴在京启动“5G工业网关合作计划”。")
    assert {
        ("5G工业网关合作计划", "星河科技"),
        ("5G工业网关合作计划", "月影集团"),
        ("5G工业网关合作计划", "云舟科技"),
    } <= pairs(ex, "DEVELOPED_BY")


def test_every_launched_platform_of_a_list_is_developed() -> None:
    ex = run("云庐数据此前相继发布了数字孪生平台“云台”、仿真云平台“云梯”。")
    assert {("云台", "云庐数据"), ("云梯", "云庐数据")} <= pairs(ex, "DEVELOPED_BY")


def test_a_platform_introduced_to_a_launch_is_not_developed_by_the_host() -> None:
    ex = run("云庐数据邀请月影集团介绍了仿真云平台“云梯”。")
    assert ("云梯", "云庐数据") not in pairs(ex, "DEVELOPED_BY")


def test_what_lies_in_a_zone_named_after_its_city_lies_in_the_city() -> None:
    ex = run("洛阳高新区科技局负责该项目。")
    assert {("洛阳高新区科技局", "洛阳高新区"), ("洛阳高新区科技局", "洛阳市")} <= pairs(
        ex, "LOCATED_IN"
    )


def test_a_verb_inside_a_name_triggers_nothing() -> None:
    ex = run("河南洛阳经济技术开发区星河产业园今年投产。")
    assert pairs(ex, "DEVELOPED_BY") == set()
    assert ("星河产业园", "洛阳市") in pairs(ex, "LOCATED_IN")


def test_a_known_short_form_opening_a_longer_firm_name_is_not_that_firm() -> None:
    assert "中信集团" not in names(run("中信生物今年发布了新品。"), "Company")
    assert "中信集团" in names(run("中信今年发布了新品。"), "Company")


def test_a_bare_head_of_government_works_for_the_articles_city() -> None:
    ex = run("洛阳市召开大会。市委常委、副市长、高新区党工委书记张明远出席。")
    assert ("张明远", "洛阳市") in pairs(ex, "WORKS_FOR")


def test_a_written_city_wins_over_the_articles_city() -> None:
    ex = run("洛阳市召开大会。郑州市副市长张明远出席。")
    assert pairs(ex, "WORKS_FOR") == {("张明远", "郑州市")}


def test_a_post_held_at_a_firm_named_after_it() -> None:
    ex = run("由张明远担任董事的星河医疗用品有限公司成立于2010年。")
    assert ("张明远", "星河医疗用品") in pairs(ex, "WORKS_FOR")


def test_an_event_that_is_only_held_has_no_name() -> None:
    assert names(run("洛阳市召开大会。"), "Project") == set()
    assert "2023星河创新大会" in names(run("洛阳市举办2023星河创新大会。"), "Project")


def test_a_unit_named_after_its_company_stays_apart_and_belongs_to_it() -> None:
    ex = run("中国电信研究院发布了白皮书，中国电信表示将推广。")
    assert {"中国电信", "中国电信研究院"} <= names(ex, "Company")
    assert ("中国电信研究院", "中国电信") in pairs(ex, "SUBSIDIARY_OF")


def test_a_known_owner_named_elsewhere_owns_a_firm_named_after_it() -> None:
    ex = run("阿里巴巴发布财报。阿里云智能表示将降价。")
    assert ("阿里云", "阿里巴巴") in pairs(ex, "SUBSIDIARY_OF")


def test_a_known_owner_elsewhere_without_its_name_in_front_gives_nothing() -> None:
    assert pairs(run("海尔集团发布财报。卡奥斯表示将扩大平台。"), "SUBSIDIARY_OF") == set()


def test_the_articles_company_buys_when_the_text_says_company() -> None:
    ex = run("星河集团发布财报。星河集团表示：公司顺应变化，并收购星云科技。")
    assert ("星云科技", "星河集团") in pairs(ex, "SUBSIDIARY_OF")


def test_titles_written_back_to_back_are_all_issued() -> None:
    ex = run("洛阳先后制定出台《洛阳市机器人产业链行动方案》《关于加快智能制造发展的意见》。")
    assert {
        ("洛阳市机器人产业链行动方案", "洛阳市"),
        ("关于加快智能制造发展的意见", "洛阳市"),
    } <= pairs(ex, "ISSUED_BY")


def test_an_association_issues_a_guide() -> None:
    ex = run("由中国机械工业联合会发布的《机械工业“十四五”发展指南》指出。")
    assert ("机械工业十四五发展指南", "中国机械工业联合会") in pairs(ex, "ISSUED_BY")


def test_implementing_a_plan_is_not_issuing_it() -> None:
    ex = run("洛阳市认真落实《关于加快智能制造产业发展的实施意见》。")
    assert pairs(ex, "ISSUED_BY") == set()


def test_a_supplier_to_a_described_list_of_customers_empowers_each() -> None:
    ex = run("星河科技是一家生产伸缩管的企业，为国际家电巨头飞利浦、西门子和伊莱克斯等配套生产。")
    assert {("星河科技", "飞利浦"), ("星河科技", "西门子"), ("星河科技", "伊莱克斯")} <= pairs(
        ex, "EMPOWERS"
    )


def test_a_list_opened_by_an_action_is_no_customer_list() -> None:
    ex = run("星河科技为推动飞利浦、西门子等企业合作开发了新平台。")
    assert pairs(ex, "EMPOWERS") == set()


def test_a_firm_at_work_in_named_projects_empowers_them() -> None:
    ex = run("星河科技在洛阳地铁一号线、郑州奥林匹克体育中心等一系列标杆项目中不断打磨产品。")
    assert {("星河科技", "洛阳地铁一号线"), ("星河科技", "郑州奥林匹克体育中心")} <= pairs(
        ex, "EMPOWERS"
    )


def test_a_firm_in_a_place_is_not_at_work_in_a_project() -> None:
    ex = run("星河科技在洛阳地铁一号线附近开设了门店。")
    assert pairs(ex, "EMPOWERS") == set()


def test_a_founder_named_without_a_firm_works_for_the_articles_company() -> None:
    ex = run("昱辰科技完成B轮融资，昱辰科技成立于2018年。创始人张明远告诉记者，公司将扩产。")
    assert ("张明远", "昱辰科技") in pairs(ex, "WORKS_FOR")


def test_a_government_post_is_never_the_articles_company() -> None:
    ex = run("昱辰科技完成B轮融资，昱辰科技成立于2018年。洛阳市副市长张明远告诉记者，产业将扩大。")
    assert ("张明远", "昱辰科技") not in pairs(ex, "WORKS_FOR")


def test_a_party_committees_department_is_an_agency() -> None:
    ex = run("洛阳市召开会议，洛阳市委宣传部发布通知，市委组织部也发布通知。")
    assert {"洛阳市委宣传部", "洛阳市委组织部"} <= names(ex, "Agency")


def test_a_project_that_is_what_a_company_built() -> None:
    ex = run("洛阳星河燃气综合利用项目是洛阳星河燃气有限公司为改善大气环境投资建设的民生工程。")
    assert ("洛阳星河燃气综合利用项目", "星河燃气") in pairs(ex, "DEVELOPED_BY")


def test_a_project_that_a_company_only_praised_is_not_built_by_it() -> None:
    ex = run("洛阳星河燃气综合利用项目是洛阳星河燃气有限公司最看重的民生工程。")
    assert pairs(ex, "DEVELOPED_BY") == set()


def test_a_supplier_at_work_in_a_list_of_projects_with_unnamed_items() -> None:
    ex = run("昱辰科技是一家仿真软件厂商，其产品已在洛阳星河体育场、世界最高风电塔"
             "（洛阳170m风电塔）等大型项目中逐步落地。")
    assert ("昱辰科技", "洛阳星河体育场") in pairs(ex, "EMPOWERS")


def test_a_bracketed_short_form_after_a_registered_name_is_the_same_firm() -> None:
    ex = run("上海洛天信息科技有限公司（洛天）发布新品。洛天表示将扩产。")
    firms = [e for e in ex.entities if e.label == "Company"]
    assert len(firms) == 1 and "洛天" in firms[0].aliases


def test_a_bracketed_place_after_a_registered_name_is_no_short_form() -> None:
    ex = run("星河科技有限公司（洛阳）发布新品。")
    firms = [e for e in ex.entities if e.label == "Company"]
    assert all("洛阳" not in e.aliases for e in firms)


def test_a_firm_with_a_bracketed_place_is_not_its_namesake() -> None:
    ex = run(
        "星河新能源股份有限公司（以下简称“星河新能源”）发布关于全资子公司星河新能源（香港）有限公司"
        "（以下简称“星河香港”）对外投资的公告。"
    )
    firms = {e.name for e in ex.entities if e.label == "Company"}
    assert len(firms) == 2
    assert any("香港" in child for child, _ in pairs(ex, "SUBSIDIARY_OF"))


def test_a_declared_short_name_is_no_other_firms_abbreviation() -> None:
    ex = run(
        "公司拟与象山县国有资产投资开发有限公司（以下简称“象山国投”）签订协议。"
        "象山国投是象山县国有资产投资控股集团有限公司100%控股的子公司。"
    )
    assert ("象山县国有资产投资开发", "象山县国有资产投资控股集团") in pairs(ex, "SUBSIDIARY_OF")


def test_a_firms_name_in_quotes_after_its_kind() -> None:
    ex = run("星河集团旗下的晶片设计公司「星头哥」日前推出了新晶片。")
    firms = {e.name for e in ex.entities if e.label == "Company"}
    assert "星头哥" in firms
    assert "晶片设计公司" not in firms


def test_what_is_said_of_a_firm_in_quotes_is_no_name() -> None:
    ex = run("这家公司“不差钱”，还给予企业“算力券”支持。")
    assert not any(e.label == "Company" for e in ex.entities)


def test_a_child_named_in_quotes_after_its_kind_under_its_parent() -> None:
    ex = run("星河集团旗下的晶片设计公司「星头哥」日前推出了新晶片。")
    assert ("星头哥", "星河集团") in pairs(ex, "SUBSIDIARY_OF")


def test_a_place_and_a_firms_name_is_that_firms_local_company() -> None:
    ex = run("目前，洛阳拥有星河客车、洛阳比亚迪等5家整车企业。比亚迪还将扩产。")
    assert ("洛阳比亚迪", "比亚迪") in pairs(ex, "SUBSIDIARY_OF")
    assert not any(child == "星河客车" for child, _ in pairs(ex, "SUBSIDIARY_OF"))


def test_an_operators_city_branch_belongs_to_the_group_and_lies_in_both_places() -> None:
    ex = run("近日，河南移动洛阳分公司助力落地全省首家智慧超市。")
    assert "河南移动洛阳分公司" in names(ex, "Company")
    assert ("河南移动洛阳分公司", "中国移动") in pairs(ex, "SUBSIDIARY_OF")
    located = pairs(ex, "LOCATED_IN")
    assert {("河南移动洛阳分公司", "洛阳市"), ("河南移动洛阳分公司", "河南省")} <= located


def test_a_firms_provincial_branch_belongs_to_the_firm() -> None:
    ex = run("中国电信湖南分公司为星云科技提供服务。")
    assert ("中国电信湖南分公司", "中国电信") in pairs(ex, "SUBSIDIARY_OF")


def test_an_operators_quoted_platform_is_owned_by_the_operator() -> None:
    ex = run("据了解，河南移动“星帆云考场”平台是专为学校搭建的远程面试系统。")
    assert "星帆云考场" in names(ex, "Platform")
    assert "河南移动" in names(ex, "Company")
    assert ("星帆云考场", "河南移动") in pairs(ex, "SUBSIDIARY_OF")
    assert ("星帆云考场", "河南省") in pairs(ex, "LOCATED_IN")


def test_a_rare_word_between_a_region_and_gongsi_is_a_firm() -> None:
    ex = run("华曜新疆公司同新疆星业公司签订了战略合作框架协议。")
    assert {"华曜新疆公司", "新疆星业公司"} <= names(ex, "Company")
    located = pairs(ex, "LOCATED_IN")
    assert {("华曜新疆公司", "新疆维吾尔自治区"), ("新疆星业公司", "新疆维吾尔自治区")} <= located


def test_a_region_and_a_trade_word_before_gongsi_is_no_firm() -> None:
    ex = run("新疆投资公司数量逐年增加。")
    assert names(ex, "Company") == set()


def test_a_signing_party_apart_from_its_partner() -> None:
    ex = run("华曜新疆公司在拓展新疆市场时就同新疆星业公司签订了协议。")
    assert frozenset({"华曜新疆公司", "新疆星业公司"}) in sym(ex, "SIGNED_WITH")
    assert sym(ex, "PARTNERS_WITH") == set()


def test_what_a_group_holds_is_a_firm_it_owns() -> None:
    ex = run("本轮融资由星云科技旗下华曜投资和洛阳一家基金联合投资。")
    assert "华曜投资" in names(ex, "Company")
    assert ("华曜投资", "星云科技") in pairs(ex, "SUBSIDIARY_OF")


def test_a_field_held_by_a_group_is_no_firm() -> None:
    ex = run("星云科技旗下金融投资和制造业务均有增长。")
    assert names(ex, "Company") == {"星云科技"}


def test_a_latin_product_glued_to_its_maker_belongs_to_it() -> None:
    ex = run("星河科技Common Edge解决方案荣获大奖。")
    assert ("Common Edge", "星河科技") in pairs(ex, "SUBSIDIARY_OF")


def test_a_platform_a_firm_holds_after_its_kind() -> None:
    ex = run("华曜智能旗下工业互联网平台“枢云”已接入设备超过10万台。")
    assert ("枢云", "华曜智能") in pairs(ex, "SUBSIDIARY_OF")


def test_its_subsidiary_is_the_subsidiary_of_the_firm_named_before() -> None:
    ex = run("据华曜智能披露，其全资子公司洛阳云枢软件有限公司中标一个项目。")
    assert any(h.startswith("云枢软件") and t == "华曜智能" for h, t in pairs(ex, "SUBSIDIARY_OF"))


def test_a_known_firms_project_is_no_named_project() -> None:
    ex = run("华曜智能中标国家电网项目。")
    assert names(ex, "Project") == set()


def test_an_operators_platform_built_for_a_purpose_is_developed_by_it() -> None:
    ex = run("据了解，河南移动“星帆云考场”平台是专为学校搭建的远程面试系统。")
    assert ("星帆云考场", "河南移动") in pairs(ex, "DEVELOPED_BY")


def test_a_groups_regional_member_is_a_firm_of_its_own() -> None:
    ex = run("宝钢河南星岚焦煤集团和河南洛阳新鑫实业发展有限公司签署合作框架协议。")
    assert "宝钢河南星岚焦煤集团" in names(ex, "Company")
    assert ("宝钢河南星岚焦煤集团", "中国宝武") in pairs(ex, "SUBSIDIARY_OF")
    assert ("宝钢河南星岚焦煤集团", "河南省") in pairs(ex, "LOCATED_IN")


def test_a_lone_character_after_a_place_opens_a_registered_name() -> None:
    ex = run("宝钢河南星岚焦煤集团和河南洛阳新鑫实业发展有限公司签署合作框架协议。")
    firm = next(e for e in ex.entities if "新鑫实业发展有限公司" in "".join(e.aliases))
    assert "河南洛阳新鑫实业发展有限公司" in firm.aliases


def test_a_subsidiary_set_up_and_named_is_the_founders() -> None:
    ex = run("华曜科技在郑州设立全资子公司郑州华曜智能有限公司。")
    assert ("华曜智能", "华曜科技") in pairs(ex, "SUBSIDIARY_OF")


def test_setting_up_an_unnamed_subsidiary_names_no_child() -> None:
    ex = run("华曜科技在郑州设立全资子公司，星岚纺织表示欢迎。")
    assert pairs(ex, "SUBSIDIARY_OF") == set()


def test_a_subsidiary_named_by_its_industry_word_signs_for_itself() -> None:
    ex = run("星岚锂业旗下子公司星岚锂电与华曜科技签订供货协议。")
    assert ("星岚锂电", "星岚锂业") in pairs(ex, "SUBSIDIARY_OF")
    assert frozenset({"星岚锂电", "华曜科技"}) in sym(ex, "SIGNED_WITH")


def test_each_pair_of_parties_listed_before_a_three_way_signing_signs() -> None:
    ex = run("华曜科技、星岚纺织、洛钼智能三方签署合作备忘录。")
    signed = sym(ex, "SIGNED_WITH")
    assert {
        frozenset({"华曜科技", "星岚纺织"}),
        frozenset({"华曜科技", "洛钼智能"}),
        frozenset({"星岚纺织", "洛钼智能"}),
    } <= signed


def test_a_list_followed_by_other_words_before_signing_names_no_parties() -> None:
    ex = run("华曜科技、星岚纺织的代表出席了仪式，随后项目签约。")
    assert sym(ex, "SIGNED_WITH") == set()
