"""Taking part in events and programmes (T39, T40, T43), bodies named with a bare zone word
(N6, T31), and the subject of what an official said. Sentences are invented for these tests."""

from __future__ import annotations

from support.extraction import names, pairs, run, sym


def test_a_firm_acting_at_an_event_named_before_it_takes_part() -> None:
    ex = run("在2024洛阳工业互联网大会上，星云科技发布了新一代工业操作系统。")
    assert ("星云科技", "2024洛阳工业互联网大会") in pairs(ex, "PARTICIPATES_IN")


def test_an_award_at_an_event_is_taking_part() -> None:
    ex = run("据悉，在洛阳举办的2025星河开发者大会上，星云科技荣获“年度创新企业”奖。")
    assert ("星云科技", "2025星河开发者大会") in pairs(ex, "PARTICIPATES_IN")


def test_a_firm_only_named_after_an_event_does_not_take_part() -> None:
    ex = run("在2024洛阳工业互联网大会上，星云科技的产品受到关注。")
    assert pairs(ex, "PARTICIPATES_IN") == set()


def test_a_forum_held_during_a_summit_is_where_the_speaker_acts() -> None:
    ex = run("星河科技总工程师李四在第五届数字经济峰会期间举办的“工业智能”论坛上演讲称，前景广阔。")
    taking_part = pairs(ex, "PARTICIPATES_IN")
    assert ("星河科技", "工业智能论坛") in taking_part
    assert ("星河科技", "第五届数字经济峰会") not in taking_part
    assert pairs(ex, "DEVELOPED_BY") == set()


def test_support_from_a_programme_is_taking_part_in_it() -> None:
    ex = run("随后的2020年，星河科技获得河南省中原英才计划创业项目支持。")
    assert ("星河科技", "河南省中原英才计划") in pairs(ex, "PARTICIPATES_IN")


def test_a_body_named_with_a_bare_zone_word_carries_the_zone_but_no_location() -> None:
    ex = run("洛阳高新区举行重点项目开工仪式。高新区党工委书记王五出席仪式。")
    assert "洛阳高新区党工委" in names(ex, "Agency")
    assert ("王五", "洛阳高新区党工委") in pairs(ex, "WORKS_FOR")
    assert not {h for h, _ in pairs(ex, "LOCATED_IN")} & {"洛阳高新区党工委"}


def test_a_body_with_its_zone_written_is_located_there() -> None:
    ex = run("洛阳高新区人社局负责人介绍了情况。")
    assert ("洛阳高新区人社局", "洛阳高新区") in pairs(ex, "LOCATED_IN")


def test_the_place_that_opens_what_an_official_said_is_the_subject() -> None:
    ex = run("洛阳市委常委、常务副市长张三介绍，洛阳把都市圈建设作为重要任务，携手郑州，锚定目标。")
    partners = sym(ex, "PARTNERS_WITH")
    assert frozenset({"洛阳市", "郑州市"}) in partners
    assert frozenset({"洛阳市委", "郑州市"}) not in partners


def test_what_a_manager_said_without_a_name_keeps_the_firm_as_subject() -> None:
    ex = run("星河科技总经理张三表示，将携手星云集团，共同开拓海外市场。")
    assert frozenset({"星河科技", "星云集团"}) in sym(ex, "PARTNERS_WITH")


def test_a_zones_service_centre_is_an_agency() -> None:
    ex = run("洛阳经开区国际合作服务中心主任王五介绍了情况。")
    centre = next(e for e in ex.entities if e.label == "Agency")
    assert "洛阳经开区国际合作服务中心" in {centre.name, *centre.aliases}
    assert ("王五", centre.name) in pairs(ex, "WORKS_FOR")


def test_a_firms_service_centre_is_no_agency() -> None:
    ex = run("华曜科技客户服务中心已开通热线。")
    assert names(ex, "Agency") == set()


def test_a_time_between_the_actor_and_the_event() -> None:
    ex = run("星河集团周二（19日）在杭州举行的2024云帆大会上，推出了最新自主研发的芯片。")
    assert ("星河集团", "2024云帆大会") in pairs(ex, "PARTICIPATES_IN")


def test_an_event_named_again_by_its_kind_alone() -> None:
    ex = run("“2024中原产业援助推介会”在洛阳举行。星河集团董事长张三在推介会上表示，将加大投资。")
    assert ("星河集团", "2024中原产业援助推介会") in pairs(ex, "PARTICIPATES_IN")


def test_a_kind_word_with_two_events_of_that_kind_names_neither() -> None:
    ex = run(
        "2024甲乙产业大会和2024丙丁创新大会先后举行。星河集团董事长张三在大会上表示，将加大投资。"
    )
    assert pairs(ex, "PARTICIPATES_IN") == set()


def test_the_subject_after_a_clause_that_opens_with_a_verb() -> None:
    ex = run(
        "回应企业的建议，洛阳持续发力，出台《关于支持新能源汽车发展的意见》；"
        "先后举办洛阳国际车展等活动。"
    )
    assert ("关于支持新能源汽车发展的意见", "洛阳市") in pairs(ex, "ISSUED_BY")
    assert ("洛阳国际车展", "洛阳市") in pairs(ex, "DEVELOPED_BY")


def test_a_subject_after_a_quoted_period() -> None:
    ex = run("“十五五”时期，洛阳着力推动产业链对接，深化“双向揭榜挂帅”“校企双进”等行动。")
    assert ("双向揭榜挂帅", "洛阳市") in pairs(ex, "DEVELOPED_BY")


def test_a_list_of_departments_after_a_bare_zone_word_writes_no_place() -> None:
    ex = run("洛阳高新区举行仪式。很快，高新区科技局、人社局等部门多次协商应对办法。")
    assert "洛阳高新区人社局" in names(ex, "Agency")
    assert pairs(ex, "LOCATED_IN") == set()
