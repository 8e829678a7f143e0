"""Platform rules (RULES L1–L5, X3–X6): for each rule one invented sentence that must fire and a
near miss that must not. Names are invented (星云, 璟澜 …); places are real so the gazetteer
knows them."""

from __future__ import annotations

from support.extraction import forms, names, run

from graph.model import Extraction


def platforms(extraction: Extraction) -> set[str]:
    return names(extraction, "Platform")


def platform_forms(extraction: Extraction) -> set[str]:
    return forms(extraction, "Platform")


# -- brands before a platform word (L2) -----------------------------------------------------------


def test_unknown_name_of_single_characters_is_a_brand() -> None:
    ex = run("企业负责人演示了如何通过璟澜汇工业互联网平台实现跨基地协同。")
    assert "璟澜汇" in platforms(ex)
    near = run("企业负责人演示了如何通过新的工业互联网平台实现跨基地协同。")
    assert platforms(near) == set()


def test_model_keeps_its_suffix_and_needs_a_name() -> None:
    ex = run("我们依托璟澜工业大模型，在风机上加装多类传感器。")
    assert "璟澜工业大模型" in platforms(ex)
    near = run("集团将不断夯实大模型的技术底座，加快发展工业大模型。")
    assert platforms(near) == set()


# -- quoted names without a type word of their own (L1) --------------------------------------------


def test_quoted_name_after_a_platform_title_is_the_platform() -> None:
    ex = run("星云科技此前发布了低代码开发平台“璟岚”，服务合作伙伴。")
    assert platforms(ex) == {"璟岚"}
    near = run("南昌市推动企业“上云用平台”，对重点园区进行改造。")
    assert platforms(near) == set()


def test_version_after_a_quoted_model_is_an_alias() -> None:
    ex = run("日前，有色金属行业人工智能大模型“璟岚”2.0发布。")
    assert platforms(ex) == {"璟岚"}
    assert "璟岚2.0" in platform_forms(ex)


def test_list_of_quoted_names_closed_by_app() -> None:
    ex = run("星云科技为养殖户免费提供“鸡算盘”“收蛋宝”等App产品。")
    assert {"鸡算盘", "收蛋宝"} <= platforms(ex)
    near = run("南昌市推进“企业上云”“数字化改造”等工作，成效明显。")
    assert platforms(near) == set()


# -- Latin product names (L1, L5) -----------------------------------------------------------------


def test_latin_name_before_a_software_word() -> None:
    ex = run("此方案集成了星云科技的XyzChain区块链应用框架SDK。")
    assert "XyzChain" in platforms(ex)
    near = run("企业部署了AI平台、MEC平台和SaaS平台。")
    assert platforms(near) == set()


def test_two_capitalised_words_before_a_solution() -> None:
    ex = run("星云科技Nova Edge解决方案荣获行业大奖。")
    assert "Nova Edge" in platforms(ex)
    near = run("星云科技荣获“边缘计算平台Top3”奖。")
    assert platforms(near) == set()


def test_latin_name_after_a_platform_title_is_the_platform() -> None:
    ex = run("2004年完成世界上首个并行仿真自动生成软件平台fSimX；")
    assert platforms(ex) == {"fSimX"}


def test_latin_name_after_a_launch_verb() -> None:
    ex = run("星云科技近日推出XyzOS，面向工业设备开放。")
    assert "XyzOS" in platforms(ex)
    near = run("星云科技近日推出XyzPhone手机，面向消费者销售。")
    assert platforms(near) == set()


# -- owners, places and components (L2, L3, L4) ------------------------------------------------


def test_owner_in_front_of_a_descriptive_title_stays() -> None:
    ex = run("星澜科技是一家软件企业。星澜科技城市内涝预警系统已投入使用。")
    assert "星澜科技城市内涝预警系统" in platforms(ex)
    near = run("城市内涝预警系统已投入使用。")
    assert platforms(near) == set()


def test_place_owned_database() -> None:
    ex = run("他开始参与南昌市量子企业数据库、成果转化库搭建。")
    assert "南昌市量子企业数据库" in platforms(ex)
    near = run("他开始参与企业数据库、成果转化库搭建。")
    assert platforms(near) == set()


def test_component_of_a_known_platform_is_that_platform() -> None:
    ex = run("服务平台将基于卡奥斯星云引擎工业互联网操作系统建设。")
    assert platforms(ex) == {"卡奥斯"}


def test_title_listed_after_a_named_centre() -> None:
    ex = run("南昌市建成国家工业互联网应用体验中心、区域协同工业互联网公共服务平台等平台。")
    assert "区域协同工业互联网公共服务平台" in platforms(ex)
    near = run("要打通电子设计自动化、产品数据管理系统数据孤岛。")
    assert platforms(near) == set()
    tasks = run("通过搭建业务中台、研发工业互联网操作系统、共建开发者社区，推动转型。")
    assert platforms(tasks) == set()


# -- categories (L3, X4) ------------------------------------------------------------------------


def test_counted_platforms_are_a_category() -> None:
    ex = run("近几年，南昌建成企业技术中心等国家级技术平台16家、省级重点研发平台39家。")
    assert platforms(ex) == set()


def test_plural_determiner_makes_a_category_unless_a_verb_intervenes() -> None:
    near = run("江西省拥有国家实验室等一批高质量、高能级创新平台。")
    assert platforms(near) == set()
    ex = run("一批企业接入了璟澜汇工业互联网平台。")
    assert "璟澜汇" in platforms(ex)
