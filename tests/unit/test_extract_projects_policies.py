"""Project and Policy rules: for each rule one invented sentence that must fire and a near miss
that must not. Names are invented (星河, 星云, 璟澜 …); places are real so the gazetteer knows
them."""

from __future__ import annotations

from support.extraction import names, run

# -- Policy --------------------------------------------------------------------------------------


def test_book_title_needs_a_document_word() -> None:
    ex = run("江西省印发《星河产业数字化转型实施方案》，并推荐阅读《星河往事》。")
    assert names(ex, "Policy") == {"星河产业数字化转型实施方案"}


def test_book_title_of_a_headline_game_or_report_is_not_policy() -> None:
    ex = run(
        "延伸阅读：《星云科技携手伙伴完成5G验证》《星云研究院2024工业软件应用报告》"
        "《星河传说》《星云科技合作协议》。"
    )
    assert names(ex, "Policy") == set()


def test_generic_recurring_document_in_marks_is_not_policy() -> None:
    ex = run("今年的《政府工作报告》提出，要加快发展新质生产力。")
    assert names(ex, "Policy") == set()


def test_government_work_report_with_year_or_place_is_policy() -> None:
    ex = run("在2024南昌市政府工作报告中，数字经济被放在突出位置。")
    assert "2024南昌市政府工作报告" in names(ex, "Policy")
    near = run("今年的政府工作报告提出，要加快发展数字经济。")
    assert names(near, "Policy") == set()


def test_short_back_reference_resolves_to_the_full_title() -> None:
    ex = run("南昌市出台《关于加快星河产业发展的实施意见》。《实施意见》提出，到2027年产值翻番。")
    assert names(ex, "Policy") == {"关于加快星河产业发展的实施意见"}
    near = run("《意见》提出，到2027年产值翻番。")
    assert names(near, "Policy") == set()


def test_book_title_before_a_forum_word_is_an_event() -> None:
    ex = run("星云科技总裁在《数据要素赋能未来制造》论坛上发言。")
    assert "数据要素赋能未来制造论坛" in names(ex, "Project")
    assert names(ex, "Policy") == set()


def test_solution_in_quotes_is_not_a_plan_document() -> None:
    ex = run("双方共同开发了“智慧仓储场景解决方案”。")
    assert names(ex, "Policy") == set()
    fires = run("江西省印发“数字赣鄱”三年行动计划。")
    assert "数字赣鄱三年行动计划" in names(fires, "Policy")


def test_listed_documents_of_a_kind_are_not_titles() -> None:
    ex = run("工信部印发实施纺织、食品、医药等行业数字化转型方案。")
    assert names(ex, "Policy") == set()


def test_about_title_needs_a_document_kind_at_its_end() -> None:
    near = run("多个省份都已经发布关于星河产业高质量发展的“十四五”规划。")
    assert names(near, "Policy") == set()
    fires = run("南昌市印发关于加快星河产业高质量发展的实施意见。")
    assert "关于加快星河产业高质量发展的实施意见" in names(fires, "Policy")


def test_plan_proposal_in_quotes_is_one_policy() -> None:
    ex = run("“十六五”规划建议提出，要全面推进数字化转型。")
    assert "十六五规划建议" in names(ex, "Policy")


# -- Project: campaigns and programmes ------------------------------------------------------------


def test_bare_plan_in_quotes_is_a_programme_and_stops_at_the_verb() -> None:
    ex = run("近年来，南昌市推行“干部驻企锻炼计划”，选派年轻干部驻企一年。")
    assert "干部驻企锻炼计划" in names(ex, "Project")
    assert names(ex, "Policy") == set()


def test_listed_bare_plan_is_a_project_and_action_plan_a_policy() -> None:
    ex = run("南昌市出台了星河人才计划和南昌市数字经济发展三年行动计划。")
    assert "星河人才计划" in names(ex, "Project")
    assert "南昌市数字经济发展三年行动计划" in names(ex, "Policy")
    near = run("南昌市出台了工作计划。")
    assert names(near, "Project") == names(near, "Policy") == set()


def test_quoted_pilot_is_a_project() -> None:
    ex = run("南昌市开展“数据资产入表”试点。")
    assert "数据资产入表试点" in names(ex, "Project")


def test_special_campaign_named_by_ordinary_words() -> None:
    ex = run("南昌市启动制造业数字化转型专项行动。")
    assert "制造业数字化转型专项行动" in names(ex, "Project")
    near = run("南昌市开展数字化专项行动。")
    assert names(near, "Project") == set()


# -- Project: facilities and generic phrases ------------------------------------------------------


def test_facility_name_stops_at_a_verb() -> None:
    ex = run("调研组前往星云智能制造工程研究中心参观。")
    assert "星云智能制造工程研究中心" in names(ex, "Project")


def test_suffix_inside_a_longer_word_is_not_a_project() -> None:
    ex = run("星云研究院总工程师李明表示，将加快推进。")
    assert names(ex, "Project") == set()


def test_generic_project_phrases_are_not_projects() -> None:
    for text in (
        "全市全面实施大项目带动战略。",
        "南昌市重点项目建设加快推进。",
        "经营范围包含建设工程。",
        "公司积极研判投资项目。",
        "南昌市二期工程开工。",
    ):
        assert names(run(text), "Project") == set(), text


def test_park_named_by_an_unknown_proper_name() -> None:
    ex = run("星云科技在璟澜工业园投资建设新产线。")
    assert "璟澜工业园" in names(ex, "Project")
    near = run("星云科技在现代工业园投资建设新产线。")
    assert names(near, "Project") == set()


def test_zone_before_a_park_is_its_place() -> None:
    ex = run("星云科技落户苏州高新区璟澜工业园。")
    assert "璟澜工业园" in names(ex, "Project")


def test_a_zone_alone_is_not_a_project() -> None:
    ex = run("星云科技落户南昌市高新区。")
    assert names(ex, "Project") == set()


def test_bare_five_year_plan_is_generic_but_a_placed_one_is_named() -> None:
    near = run("今年是“十五五”规划的开局之年。")
    assert names(near, "Policy") == set()
    fires = run("江西省“十五五”规划提出，要加快发展。")
    assert any(n.startswith("江西省") for n in names(fires, "Policy"))


# -- Project: named events and programmes ---------------------------------------------------------


def test_conference_with_year_is_named_up_to_the_combined_form() -> None:
    ex = run(
        "7月28日，在2024星河工业互联网产业生态创新发展大会暨“数字赣鄱”专项行动南昌站启动仪式上，"
    )
    assert "2024星河工业互联网产业生态创新发展大会" in names(ex, "Project")


def test_numbered_session_of_a_named_body_is_an_event() -> None:
    ex = run("3月16日上午，南昌市工业互联网专项工作组第二次会议召开。")
    assert "南昌市工业互联网专项工作组第二次会议" in names(ex, "Project")
    near = run("会上，公司召开座谈会和新闻发布会。")
    assert names(near, "Project") == set()


def test_party_congress_and_two_sessions_with_a_place() -> None:
    ex = run("在日前闭幕的南昌市第十三次党代会和南昌两会上，数字经济成为热词。")
    assert {"南昌市第十三次党代会", "南昌两会"} <= names(ex, "Project")
    national = run("在今年全国两会上，他提出建议。")
    assert "全国两会" in names(national, "Project")


def test_shareholder_meetings_and_generic_forums_are_not_events() -> None:
    for text in (
        "公司召开2023年第一次临时股东大会。",
        "他出席了数字经济论坛。",
        "此次推介会共签约10个项目。",
    ):
        assert names(run(text), "Project") == set(), text


def test_forum_with_an_unknown_proper_name_and_a_determiner_dropped() -> None:
    ex = run("他出席了本届璟澜论坛。")
    assert names(ex, "Project") == {"璟澜论坛"}


def test_national_and_place_led_programmes() -> None:
    assert "国家重点研发计划" in names(run("他入选国家重点研发计划。"), "Project")
    assert "江西省赣江人才计划" in names(run("他入选江西省赣江人才计划。"), "Project")
    for text in ("南昌市2024年投资计划公布。", "南昌市工作计划公布。", "国家计划投资。"):
        assert names(run(text), "Project") == set(), text


def test_region_named_demonstration_area() -> None:
    ex = run("引领山东半岛工业互联网示范区建设。")
    assert "山东半岛工业互联网示范区" in names(ex, "Project")
    near = run("星云科技在现代示范区投资。")
    assert names(near, "Project") == set()


def test_named_infrastructure_is_a_project_and_generic_infrastructure_is_not() -> None:
    from graph.model import Article
    from loaders.extract.pipeline import extract

    ex = extract(Article(id="t", title="", text="洛阳地铁二号线开通。当地建设了多条铁路。"))
    projects = {e.name for e in ex.entities if e.label == "Project"}
    assert projects == {"洛阳地铁二号线"}
