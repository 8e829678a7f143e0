"""A supplier's work for a named customer (T2, T3): helping it upgrade, building it a system,
the customer adopting the supplier's product, a platform serving the firms of named places; and
places that open names the rules do not read. Sentences are invented for these tests."""

from __future__ import annotations

from support.extraction import pairs, run, sym


def test_helping_a_named_firm_upgrade_empowers_it() -> None:
    ex = run("华曜科技帮助星岚纺织搭建了数字化车间。")
    assert ("华曜科技", "星岚纺织") in pairs(ex, "EMPOWERS")


def test_helping_with_no_named_firm_empowers_nobody() -> None:
    ex = run("华曜科技帮助企业搭建数字化车间。")
    assert pairs(ex, "EMPOWERS") == set()


def test_building_a_solution_for_a_named_firm_empowers_it() -> None:
    ex = run("华曜科技为洛阳钼业打造了智能矿山解决方案。")
    assert ("华曜科技", "洛阳钼业") in pairs(ex, "EMPOWERS")


def test_a_product_a_firm_built_for_itself_is_no_service() -> None:
    ex = run("云枢为上海星岚信息科技有限公司打造的一款数字化系统产品。")
    assert pairs(ex, "EMPOWERS") == set()


def test_a_firm_adopting_a_suppliers_system_is_empowered_by_it() -> None:
    ex = run("星岚纺织引入华曜科技的MES系统后，生产效率提升20%。")
    assert ("华曜科技", "星岚纺织") in pairs(ex, "EMPOWERS")


def test_bringing_a_firm_in_is_no_adoption() -> None:
    ex = run("星岚纺织引进华曜科技作为战略投资者。")
    assert pairs(ex, "EMPOWERS") == set()


def test_a_platform_serving_the_firms_of_named_places_empowers_the_places() -> None:
    ex = run("华曜工业互联网平台已服务洛阳、郑州等地3000余家企业。")
    assert {("华曜", "洛阳市"), ("华曜", "郑州市")} <= pairs(ex, "EMPOWERS")


def test_a_place_opening_an_unknown_name_is_no_partner_of_a_joint_verb() -> None:
    ex = run("华曜科技携手洛阳一拖打造农机行业工业互联网平台。")
    assert sym(ex, "PARTNERS_WITH") == set()
    near = run("华曜科技携手重庆，共建产业集群。")
    assert frozenset({"华曜科技", "重庆市"}) in sym(near, "PARTNERS_WITH")


def test_officials_signing_for_their_organisations() -> None:
    ex = run("在签约仪式上，洛阳市副市长张三与华曜科技董事长李四代表双方签约。")
    assert frozenset({"洛阳市", "华曜科技"}) in sym(ex, "SIGNED_WITH")


def test_officials_of_one_organisation_sign_with_nobody() -> None:
    ex = run("华曜科技总经理张三与华曜科技董事长李四出席签约仪式并签约。")
    assert sym(ex, "SIGNED_WITH") == set()


def test_a_platforms_customer_is_empowered_by_it() -> None:
    ex = run("星岚纺织是华曜云平台在纺织行业的标杆客户。")
    assert ("华曜", "星岚纺织") in pairs(ex, "EMPOWERS")


def test_a_firm_with_the_platforms_help_is_empowered_by_it() -> None:
    ex = run("在华曜云平台的赋能下，星岚纺织的生产效率提高了30%。")
    assert ("华曜", "星岚纺织") in pairs(ex, "EMPOWERS")


def test_a_firms_own_customer_word_without_a_supplier_names_none() -> None:
    ex = run("星岚纺织是纺织行业的标杆企业。")
    assert pairs(ex, "EMPOWERS") == set()
