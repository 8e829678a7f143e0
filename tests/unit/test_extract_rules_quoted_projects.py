"""Quoted names of events, networks and campaigns. Sentences are invented for these tests."""

from __future__ import annotations

from support.extraction import names, pairs, run


def test_a_quoted_event_name_is_a_project() -> None:
    ex = run("星云大学团队发起了第一次关于量子信息的“洛水科学会议”，拉开了研究的序幕。")
    assert "洛水科学会议" in names(ex, "Project")


def test_a_quoted_network_or_line_is_a_project_without_its_descriptor() -> None:
    ex = run("星河量子为世界首条量子保密通信“洛汴干线”提供产品。")
    assert "洛汴干线" in names(ex, "Project")


def test_a_quoted_name_after_a_network_word() -> None:
    ex = run("公司参与建设了全球首个量子通信网络“星河一号”。")
    assert "星河一号" in names(ex, "Project")


def test_each_quoted_campaign_of_a_list_closed_by_activities() -> None:
    ex = run("工业和信息化部组织开展“美食季”、纺织服装“优品进万家”、“敬老购物月”等促消费活动。")
    assert {"美食季", "优品进万家", "敬老购物月"} <= names(ex, "Project")


def test_quoted_slogans_are_not_projects() -> None:
    ex = run("他总结出“服务就是命令”“效率就是担当”两条经验。")
    assert names(ex, "Project") == set()


def test_quoted_sentences_closed_by_activities_are_not_projects() -> None:
    ex = run("他说：“这是万亿元级蓝海，我们要抓住。”“不能等。”等宣传活动随后展开。")
    assert names(ex, "Project") == set()


def test_each_described_quoted_item_of_a_launch_list_is_developed() -> None:
    ex = run("工业和信息化部组织开展“美食季”、纺织服装“优品进万家”、“敬老购物月”等促消费活动。")
    assert {("美食季", "工业和信息化部"), ("优品进万家", "工业和信息化部"),
            ("敬老购物月", "工业和信息化部")} <= pairs(ex, "DEVELOPED_BY")


def test_a_known_given_name_after_a_title_and_a_date() -> None:
    ex = run("国务院国资委主任王明8月20日在大会上表示，投资额将增长。")
    assert "王明" in names(ex, "Person")


def test_a_speaker_at_a_quoted_promotion_event_takes_part_for_his_body() -> None:
    ex = run("国资委主任王振宇在“央企产业援豫推介会”上表示，投资额将增长。")
    assert ("国务院国有资产监督管理委员会", "央企产业援豫推介会") in pairs(ex, "PARTICIPATES_IN")


def test_a_class_word_before_a_projects_name_is_not_part_of_it() -> None:
    ex = run("调研组来到国家重大建设项目洛阳星河运河的施工现场。")
    assert names(ex, "Project") == {"洛阳星河运河"}


def test_a_publishers_promotion_line_names_nothing() -> None:
    ex = run("星河工业互联网平台赋能洛阳企业。\n海量资讯、精准解读，尽在星云财经APP\n")
    assert "星云财经APP" not in names(ex, "Platform")


def test_an_app_the_article_is_about_is_kept() -> None:
    ex = run("洛阳市民可下载“洛易办”APP办理业务，洛易办上线以来已服务十万人次。")
    assert "洛易办" in names(ex, "Platform")


def test_an_investment_verb_after_a_place_opens_the_projects_name() -> None:
    ex = run("双方拟在洛阳市伊川县星河湾投资伊川星河湾200MW滩涂光伏项目。")
    assert names(ex, "Project") == {"伊川星河湾200MW滩涂光伏项目"}


def test_an_investment_word_inside_a_short_name_stays() -> None:
    ex = run("洛阳星河投资大厦项目开工。")
    assert names(ex, "Project") == {"洛阳星河投资大厦项目"}
