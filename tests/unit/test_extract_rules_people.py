"""People named before an academic title or a courtesy form, after a firm with their post, or
after an occupation with a speech verb; former posts. Sentences are invented for these tests."""

from __future__ import annotations

from support.extraction import names, pairs, run, titles


def test_a_name_before_a_courtesy_form_after_a_word_of_respect() -> None:
    ex = run("联合创始人王小明博士师从计算力学泰斗李国强先生。")
    assert {"王小明", "李国强"} <= names(ex, "Person")


def test_a_name_before_an_academic_title_after_a_university() -> None:
    ex = run("1998年，洛阳大学周光明院士团队发起了一项研究。")
    assert "周光明" in names(ex, "Person")


def test_a_name_before_a_title_after_de() -> None:
    ex = run("研究由洛阳大学的陈敏教授主持。")
    assert "陈敏" in names(ex, "Person")


def test_a_common_word_before_an_academic_title_is_no_name() -> None:
    ex = run("星河科技的高级研究员参与了研究。")
    assert names(ex, "Person") == set()


def test_a_name_with_its_post_after_a_group() -> None:
    ex = run("星河集团石七林总经理特别表示感谢。")
    assert ("石七林", "星河集团") in pairs(ex, "WORKS_FOR")


def test_a_commentator_who_says_is_a_person() -> None:
    ex = run("通讯科技评论员刘立新指，该芯片性能顶尖。")
    assert "刘立新" in names(ex, "Person")


def test_a_former_teacher_works_there_no_more() -> None:
    ex = run("两人共同受教于时任教洛阳大学的陈敏教授。")
    assert "陈敏" in names(ex, "Person")
    assert pairs(ex, "WORKS_FOR") == set()


def test_a_two_character_name_before_a_common_word() -> None:
    ex = run("华曜科技CEO王五、星岚智能创始人赵六共同启动了合作项目。")
    assert {"王五", "赵六"} <= names(ex, "Person")
    assert "赵六共" not in names(ex, "Person")


def test_a_three_character_name_before_an_attendance_verb() -> None:
    ex = run("香港科技园公司主席查毅超出席开幕礼并致辞。")
    assert "查毅超" in names(ex, "Person")


def test_a_name_with_its_post_in_brackets() -> None:
    ex = run("王宏岩（华曜科技董事长）表示，公司将加大投入。")
    assert "王宏岩" in names(ex, "Person")
    assert titles(ex)[("王宏岩", "华曜科技")] == "董事长"


def test_a_former_post_in_brackets_is_no_post() -> None:
    ex = run("王宏岩（华曜科技前董事长）表示，公司将加大投入。")
    assert pairs(ex, "WORKS_FOR") == set()


def test_the_next_of_a_list_of_people_shares_the_organisation() -> None:
    ex = run("华曜科技董事长兼总经理王宏岩、副总经理李建岭出席了仪式。")
    assert titles(ex)[("李建岭", "华曜科技")] == "副总经理"
    assert titles(ex)[("王宏岩", "华曜科技")] == "董事长兼总经理"


def test_a_former_chairman_works_there_no_more() -> None:
    ex = run("华曜科技前董事长王宏岩表示，公司将加大投入。")
    assert "王宏岩" in names(ex, "Person")
    assert pairs(ex, "WORKS_FOR") == set()


def test_a_one_character_verb_after_a_name_is_not_part_of_it() -> None:
    ex = run("洛阳市市长王五作招商项目推介。副市长张三赴洛阳考察。")
    people = names(ex, "Person")
    assert {"王五", "张三"} <= people
    assert "王五作" not in people


def test_a_three_character_name_before_a_speech_verb_stays_whole() -> None:
    ex = run("董事长刘向东介绍，公司成立于2001年。")
    assert names(ex, "Person") == {"刘向东"}


def test_a_short_form_read_across_a_common_word_is_no_firm() -> None:
    ex = run("市委书记李四调研华曜科技。")
    assert not any(n.startswith("研华") for n in names(ex, "Company"))


def test_people_with_less_common_surnames_after_a_title() -> None:
    ex = run(
        "副市长阎立新表示，洛阳将扩大开放。总经理萧文博介绍，订单增长。"
        "由副市长眭建华率领的考察团到访。"
    )
    assert {"阎立新", "萧文博", "眭建华"} <= names(ex, "Person")


def test_a_foreign_name_in_characters_between_a_post_and_a_speech_verb() -> None:
    ex = run("星岚集团首席执行官卡罗森表示，将扩大在华投资。")
    assert "卡罗森" in names(ex, "Person")


def test_words_between_a_post_and_a_speech_verb_are_no_name() -> None:
    ex = run("星岚集团首席执行官办公室表示，将扩大投资。总经理助理人表示同意。")
    assert names(ex, "Person") == set()


def test_a_deputy_mayor_who_leads_a_delegation_works_for_the_articles_city() -> None:
    ex = run(
        "洛阳市与星岚科技深化合作。日前，由副市长张三率领的洛阳市政府考察团到访星岚科技。",
        title="洛阳市与星岚科技深化合作",
    )
    assert ("张三", "洛阳市") in pairs(ex, "WORKS_FOR")


def test_an_assistant_to_the_chairman_is_named_after_the_post() -> None:
    ex = run("据星岚纺织董事长助理孙七介绍，公司已完成数字化改造。")
    assert ("孙七", "星岚纺织") in pairs(ex, "WORKS_FOR")
