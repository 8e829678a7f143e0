"""Where names begin and end, and what they name: units named after their parent body, legal
forms, bracketed places and middle dots, short forms read in context, firms read from deals and
clause slots, schemes, lists, elections, sessions and held meetings; with the relations some of
them carry (co-investors are not partners; entering a list; a place inside a project's name).
Sentences are invented for these tests."""

from __future__ import annotations

from support.extraction import forms, names, pairs, run, sym


def test_a_branch_of_an_association_is_one_organization() -> None:
    ex = run("据记者从中国机械工业联合会数控机床(刀具)行业分会了解到，订单增长明显。")
    assert "中国机械工业联合会数控机床(刀具)行业分会" in names(ex, "Organization")
    assert "中国机械工业联合会" not in names(ex, "Organization")


def test_an_institute_of_an_academy_keeps_the_academys_label() -> None:
    ex = run("中国科学院智能制造与工业软件创新研究院发布报告。")
    assert names(ex, "Agency") == {"中国科学院智能制造与工业软件创新研究院"}


def test_a_numbered_working_group_of_an_international_body() -> None:
    ex = run("国际标准化组织第12工作组审议了提案。")
    assert "国际标准化组织第12工作组" in names(ex, "Organization")


def test_a_clause_after_a_body_is_not_a_unit() -> None:
    ex = run("中国科学院与洛阳市共建研究院。中国科学院院士张三出席。")
    assert names(ex, "Agency") == {"中国科学院"}


def test_a_body_known_by_itself_after_its_ministry_stays_itself() -> None:
    ex = run("工信部赛迪研究院发布白皮书。")
    assert "中国电子信息产业发展研究院" in names(ex, "Agency")
    assert not any(n.startswith("工业和信息化部赛迪") for n in names(ex, "Agency"))


def test_co_investors_of_a_fund_are_not_partners() -> None:
    ex = run("该基金由星岚资本和华曜科技、洛阳市文旅集团共同出资发起。")
    assert sym(ex, "PARTNERS_WITH") == set()


def test_working_together_is_still_a_partnership() -> None:
    ex = run("星岚资本与华曜科技共同打造工业互联网平台。")
    assert frozenset({"星岚资本", "华曜科技"}) in sym(ex, "PARTNERS_WITH")


def test_a_body_registered_as_a_company_is_still_the_body() -> None:
    ex = run("甲乙同乡会有限公司与丙丁基金会都是担保公司。")
    assert "甲乙同乡会有限公司" in forms(ex, "Organization")
    assert "甲乙同乡会有限公司" not in names(ex, "Company")


def test_a_latin_firm_is_named_without_its_legal_form() -> None:
    ex = run("供应商包括：• Orion Fabrics Ltd. • 星岚纺织。Orion Fabrics在2001年成立。")
    assert "Orion Fabrics" in names(ex, "Company")
    assert {"Orion Fabrics Ltd.", "Orion Fabrics Ltd"} <= forms(ex, "Company")


def test_a_one_word_latin_firm_keeps_its_legal_form() -> None:
    ex = run("Acme Industries Corp宣布收购Potash Corp。")
    assert {"Acme Industries", "Potash Corp"} <= names(ex, "Company")


def test_a_latin_name_closed_by_a_firm_word_launches_a_product_and_is_none() -> None:
    ex = run("星云科技携手Unity Technologies推出工业元宇宙平台。")
    assert "Unity Technologies" in names(ex, "Company")
    assert "Unity Technologies" not in names(ex, "Platform")


def test_a_name_does_not_open_with_a_bracketed_place() -> None:
    ex = run("加快建设西部（洛阳）科学城。")
    assert "西部(洛阳)科学城" in names(ex, "Project")
    assert "(洛阳)科学城" not in names(ex, "Project")


def test_the_place_before_a_middle_dot_opens_the_name() -> None:
    ex = run("总书记在洛阳·中关村创新示范基地考察。")
    assert names(ex, "Project") == {"洛阳·中关村创新示范基地"}


def test_a_place_read_inside_other_words_is_no_place() -> None:
    ex = run("现在世界上主流的芯片，有9成都是进口的。据洛阳日报报道，企业增多。")
    assert names(ex, "City") == set()


def test_a_place_named_outright_stays_a_place() -> None:
    ex = run("成都市发布新政策。据洛阳日报报道，洛阳市新增企业200家。")
    assert names(ex, "City") == {"成都市", "洛阳市"}


def test_a_firms_short_form_that_is_also_a_word_names_the_firm_in_a_partner_slot() -> None:
    ex = run("据悉，中国电信研究院与浪潮合作研发边缘一体化云柜。")
    assert "浪潮" in forms(ex, "Company")
    assert frozenset({"中国电信研究院", "浪潮集团"}) in sym(ex, "PARTNERS_WITH")


def test_the_same_word_in_a_phrase_is_no_firm() -> None:
    ex = run("时代的浪潮与机遇并存，企业与浪潮同行。")
    assert "浪潮" not in forms(ex, "Company")


def test_a_known_brand_before_gongsi_is_a_firm() -> None:
    ex = run("搜狗公司前总裁王五作为个人投资者亦参与了本轮融资。")
    assert "搜狗公司" in forms(ex, "Company")


def test_the_owner_opening_a_projects_name_is_a_firm_too() -> None:
    ex = run("中国兵器工业集团洛阳化肥项目主营尿素。")
    assert "中国兵器工业集团" in forms(ex, "Company")
    assert any(n.endswith("化肥项目") for n in names(ex, "Project"))


def test_a_bare_government_after_its_party_committee_is_the_places_government() -> None:
    ex = run("洛阳市委市政府坚持一张蓝图绘到底。")
    assert {"洛阳市委", "洛阳市人民政府"} <= names(ex, "Agency")


def test_a_government_word_inside_a_longer_name_is_none() -> None:
    ex = run("洛阳市委宣传部与星岚市政府采购中心对接。")
    assert "洛阳市人民政府" not in names(ex, "Agency")


def test_a_latin_form_in_brackets_after_a_name_is_its_alias() -> None:
    ex = run("近日，国际电信联盟第15研究组（ITU-T SG15）全会正式通过了提案。")
    assert names(ex, "Organization") == {"国际电信联盟第15研究组"}
    assert "ITU-T SG15" in forms(ex, "Organization")


def test_a_known_short_form_opening_an_unknown_name_is_that_other_firm() -> None:
    ex = run("星岚纺织、中核苏阀、华曜科技等13个内资项目开工。")
    assert "中核苏阀" in names(ex, "Company")
    assert "中国核工业集团" not in names(ex, "Company")


def test_a_known_short_form_alone_in_a_list_is_the_known_firm() -> None:
    ex = run("星岚纺织、中核、华曜科技等企业参会。")
    assert "中国核工业集团" in names(ex, "Company")


def test_a_platform_brand_a_firm_invests_in_is_the_company() -> None:
    ex = run("阿里巴巴投资优酷、饿了么＆口碑，并推出天猫。用户可在饿了么下单。")
    assert {"优酷", "饿了么"} <= names(ex, "Company")
    assert names(ex, "Platform") == {"天猫"}


def test_a_body_naming_an_award_won_is_part_of_the_award() -> None:
    ex = run("张三博士2000年获教育部科技进步二等奖。")
    assert names(ex, "Agency") == set()


def test_a_body_that_wins_an_award_is_still_a_body() -> None:
    ex = run("洛阳市人民政府获评先进单位，教育部发布名单。")
    assert names(ex, "Agency") == {"洛阳市人民政府", "教育部"}


def test_a_verb_phrase_before_xiangmu_after_a_quoted_manner_is_no_name() -> None:
    ex = run("以国家重大战略为牵引，“自下而上”组织策划项目。")
    assert names(ex, "Project") == set()


def test_a_funding_scheme_is_a_project() -> None:
    ex = run("特区政府推出本地科技人才资助计划。洛阳市设立中小企业数字化转型补贴计划。")
    assert {"本地科技人才资助计划", "中小企业数字化转型补贴计划"} <= names(ex, "Project")
    assert ("中小企业数字化转型补贴计划", "洛阳市") in pairs(ex, "DEVELOPED_BY")


def test_a_named_election_is_an_event() -> None:
    ex = run("她曾在2017年特首选举提名某人。选举结果公布后，村民选举产生了新班子。")
    assert names(ex, "Project") == {"2017年特首选举"}


def test_a_meeting_an_organiser_holds_is_named_by_its_noun_phrase() -> None:
    ex = run("组织举办消费名品大会，健全品牌培育推广体系。公司召开供需对接大会。")
    assert names(ex, "Project") == {"消费名品大会"}


def test_latin_names_that_buy_or_are_bought_are_firms() -> None:
    ex = run("2003年 eBay 投资星岚网进入中国市场。公司收购 UC、Kxo等移动产品。")
    assert {"eBay", "UC", "Kxo"} <= names(ex, "Company")


def test_latin_words_for_roles_and_products_are_no_firms() -> None:
    ex = run("本轮融资由星岚资本领投，CEO张三表示，公司将推出APP。")
    assert not {"CEO", "APP"} & names(ex, "Company")


def test_a_name_opening_a_clause_on_what_it_does_is_a_firm() -> None:
    ex = run("星岚科技专注工业软件；洛钧丽主营充电桩生产。黑湖聚焦于食品领域。")
    assert {"洛钧丽", "黑湖"} <= names(ex, "Company")


def test_people_and_generic_subjects_of_those_verbs_are_no_firms() -> None:
    ex = run("我们专注于工业软件。公司主营钢材贸易。企业聚焦于主业。")
    assert names(ex, "Company") == set()


def test_a_kind_of_firm_then_a_latin_name_is_that_firm() -> None:
    ex = run("据市场研究公司Markets&Markets预测，规模将增长。咨询公司Gartner Research认为。")
    assert {"Markets&Markets", "Gartner Research"} <= names(ex, "Company")


def test_a_role_after_gongsi_is_no_firm() -> None:
    ex = run("公司CEO张三表示，企业IT投入增加。")
    assert names(ex, "Company") == set()


def test_a_platform_named_by_its_firms_short_form_keeps_its_title() -> None:
    ex = run("华曜科技旗下的华曜云平台已服务超过200家企业。")
    assert names(ex, "Platform") == {"华曜云平台"}
    assert "华曜" not in forms(ex, "Platform")


def test_a_group_named_like_a_firm_is_not_its_subsidiary() -> None:
    ex = run("洛阳星岚纺织有限公司签约落地。华曜科技是星岚集团的全资子公司。")
    assert ("星岚集团", "星岚纺织") not in pairs(ex, "SUBSIDIARY_OF")
    assert ("华曜科技", "星岚集团") in pairs(ex, "SUBSIDIARY_OF")


def test_a_dated_list_firms_enter_is_a_project() -> None:
    ex = run("星岚纺织成功入选2024年工业互联网试点示范项目名单。")
    assert names(ex, "Project") == {"2024年工业互联网试点示范项目名单"}
    assert ("星岚纺织", "2024年工业互联网试点示范项目名单") in pairs(ex, "PARTICIPATES_IN")


def test_an_undated_list_is_no_name() -> None:
    ex = run("公司进入了供应商名单。")
    assert names(ex, "Project") == set()


def test_a_parent_and_its_namesake_subsidiary_stay_two_firms() -> None:
    ex = run(
        "华曜科技在郑州设立全资子公司郑州华曜智能有限公司。依托华曜云平台，星岚纺织实现了设备上云。"
    )
    assert {"华曜科技", "华曜智能"} <= names(ex, "Company")
    assert "华曜" not in forms(ex, "Company")


def test_a_firm_that_enters_a_list_named_before_it_takes_part() -> None:
    ex = run("工信部公布2023年度智能制造示范工厂揭榜单位名单，华曜科技入选。")
    assert ("华曜科技", "2023年度智能制造示范工厂揭榜单位名单") in pairs(ex, "PARTICIPATES_IN")


def test_an_edition_opens_an_event_name_that_holds_a_verb() -> None:
    ex = run("第七届数字中国建设峰会将于5月在福州举办。第三届会议讨论了建设问题，大会顺利召开。")
    assert names(ex, "Project") == {"第七届数字中国建设峰会"}


def test_each_firm_of_a_list_that_enters_a_first_batch_takes_part() -> None:
    ex = run("星岚科技、华曜云、洛钼智能等平台企业入选首批河南省工业互联网标杆示范名单。")
    taken = {a for a, p in pairs(ex, "PARTICIPATES_IN") if p == "首批河南省工业互联网标杆示范名单"}
    assert {"星岚科技", "华曜云", "洛钼智能"} <= taken


def test_a_batch_described_by_its_count_is_no_name() -> None:
    ex = run("遴选发布首批39个重点培育名单。")
    assert names(ex, "Project") == set()


def test_kinds_of_facility_in_a_counted_list_are_no_names() -> None:
    ex = run("洛阳建成企业技术中心、新能源整车工程实验室等国家级技术平台16家。")
    assert names(ex, "Project") == set()


def test_named_parks_in_a_counted_list_stay_names() -> None:
    ex = run("洛阳市星岚产业园、华曜科技园等5个园区入选。")
    assert {"洛阳市星岚产业园", "华曜科技园"} <= names(ex, "Project")


def test_a_place_after_the_owner_in_a_projects_name_locates_it() -> None:
    ex = run("中国兵器工业集团星岚公司洛阳化肥项目主营尿素产业。")
    project = next(n for n in names(ex, "Project") if n.endswith("化肥项目"))
    assert (project, "洛阳市") in pairs(ex, "LOCATED_IN")


def test_a_numbered_session_names_its_body_and_is_located_in_its_place() -> None:
    ex = run("据悉，政协洛阳市第十四届委员会第三次会议在和煦的春风中开启。")
    session = "政协洛阳市第十四届委员会第三次会议"
    assert session in names(ex, "Project")
    assert "政协洛阳市委员会" in names(ex, "Agency")
    assert (session, "洛阳市") in pairs(ex, "LOCATED_IN")


def test_a_place_after_a_firm_owning_a_factory_locates_the_factory() -> None:
    ex = run("华曜科技洛阳工厂正式投产。")
    assert ("华曜科技洛阳工厂", "洛阳市") in pairs(ex, "LOCATED_IN")


def test_a_committee_of_a_known_body_is_one_agency() -> None:
    ex = run("预计今年中可向立法会财委会申请前期工程拨款。局长出席立法会财务委员会会议。")
    assert {"立法会财委会", "立法会财务委员会"} <= forms(ex, "Agency")


def test_a_governments_quoted_fund_is_a_grant_scheme() -> None:
    ex = run("政府将向“星河创新基金”注资100亿元。星岚资本旗下“星岚一号基金”完成募集。")
    assert names(ex, "Project") == {"星河创新基金"}
