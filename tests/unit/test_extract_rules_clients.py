"""Customers and partners named in a list: Latin-script brands and unknown names there are
firms, and the supplier is the firm written before the list. Sentences are invented for these
tests."""

from __future__ import annotations

from support.extraction import names, pairs, run


def test_latin_brands_in_a_list_of_customers_are_firms_supplied() -> None:
    ex = run("星河科技的主要客户包括Acme Apparel、Blue Harbor及华曜良品等。")
    assert {"Acme Apparel", "Blue Harbor", "华曜良品"} <= names(ex, "Company")
    assert ("星河科技", "Blue Harbor") in pairs(ex, "EMPOWERS")


def test_ordinary_words_in_a_list_of_customers_are_no_firms() -> None:
    ex = run("星河科技的客户包括政府、企业和个人。")
    assert names(ex, "Company") == {"星河科技"}
    assert pairs(ex, "EMPOWERS") == set()


def test_a_list_of_customers_without_a_supplier_names_no_supplier() -> None:
    ex = run("客户包括：星云集团、华曜科技等。")
    assert pairs(ex, "EMPOWERS") == set()


def test_unknown_names_in_a_list_of_investors_are_firms() -> None:
    ex = run("云枢科技完成5亿元C轮融资，投资方包括源曜、Blue Harbor等。")
    assert {"源曜", "Blue Harbor"} <= names(ex, "Company")
    assert pairs(ex, "EMPOWERS") == set()


def test_becoming_a_firms_subsidiary() -> None:
    ex = run("星岚电子成为华曜股份的全资子公司。")
    assert ("星岚电子", "华曜股份") in pairs(ex, "SUBSIDIARY_OF")


def test_firms_in_brackets_after_a_supply_chain_entered_are_customers() -> None:
    ex = run(
        "在多个场景中，「星岚科技」的压力测量系统可以实现精准检测，"
        "已成功导入华曜供应链（洛钼电子，BOE等）及国内大厂（如华为、OPPO等）。"
    )
    customers = {t for s, t in pairs(ex, "EMPOWERS") if s == "星岚科技"}
    assert {"洛钼电子", "京东方", "华为", "OPPO"} <= customers


def test_brackets_in_a_later_clause_are_no_customers() -> None:
    ex = run("星岚科技的系统已导入华为供应链。另一家企业（如洛钼电子）也在扩产。")
    customers = {t for s, t in pairs(ex, "EMPOWERS") if s == "星岚科技"}
    assert "洛钼电子" not in customers


def test_a_firm_that_relies_on_anothers_platform_is_empowered() -> None:
    ex = run("星岚纺织借助华曜科技的“曜擎”平台，实现了生产全流程数字化。")
    assert ("华曜科技", "星岚纺织") in pairs(ex, "EMPOWERS")


def test_relying_on_its_own_strengths_names_no_supplier() -> None:
    ex = run("星岚纺织利用自身优势，实现了生产全流程数字化。")
    assert pairs(ex, "EMPOWERS") == set()


def test_becoming_a_platforms_user_is_being_empowered() -> None:
    ex = run("星岚纺织成为“曜擎”平台的首批用户。")
    assert ("曜擎", "星岚纺织") in pairs(ex, "EMPOWERS")
