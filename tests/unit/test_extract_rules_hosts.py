"""An event named again by its kind alone and the organisers that hold it (此次推介会由甲、乙与
丙联合举办, T18, T24, T42). Sentences are invented for these tests."""

from __future__ import annotations

from support.extraction import pairs, run, sym

_TEXT = (
    "“2024中原产业援助推介会”在洛阳举行。国务院国资委主任王五在“2024中原产业援助推介会”上表示，"
    "投资将翻番。此次推介会由国务院国资委、河南省人民政府与洛阳市人民政府联合举办。"
)


def test_the_organisers_of_the_articles_one_event_of_that_kind_develop_it() -> None:
    ex = run(_TEXT)
    developed = pairs(ex, "DEVELOPED_BY")
    assert {
        ("2024中原产业援助推介会", "国务院国有资产监督管理委员会"),
        ("2024中原产业援助推介会", "河南省人民政府"),
        ("2024中原产业援助推介会", "洛阳市人民政府"),
    } <= developed


def test_an_organiser_does_not_also_take_part() -> None:
    ex = run(_TEXT)
    assert ("国务院国有资产监督管理委员会", "2024中原产业援助推介会") not in pairs(
        ex, "PARTICIPATES_IN"
    )


def test_joint_organisers_before_yu_partner_those_after_it() -> None:
    partners = sym(run(_TEXT), "PARTNERS_WITH")
    assert frozenset({"国务院国有资产监督管理委员会", "洛阳市人民政府"}) in partners
    assert frozenset({"国务院国有资产监督管理委员会", "河南省人民政府"}) not in partners


def test_a_kind_alone_with_two_events_of_that_kind_names_no_organiser() -> None:
    ex = run("2024甲乙推介会和2025丙丁推介会先后举行。此次推介会由洛阳市人民政府主办。")
    assert pairs(ex, "DEVELOPED_BY") == set()
