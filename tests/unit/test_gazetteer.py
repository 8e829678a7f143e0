"""The domain gazetteer: data files are complete and consistent, the lookup API resolves forms."""

from __future__ import annotations

import csv
from collections import Counter
from importlib import resources

import pytest

from loaders.extract.gazetteer import Gazetteer, load_gazetteer
from loaders.extract.gazetteer_entries import GazEntry


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def rows(filename: str) -> list[dict[str, str]]:
    text = resources.files("seeds").joinpath("gazetteer", filename).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def only(entries: list[GazEntry], label: str) -> GazEntry:
    found = [e for e in entries if e.label == label]
    assert len(found) == 1, found
    return found[0]


# -- data files ------------------------------------------------------------------------------

def test_division_counts_are_those_of_china() -> None:
    levels = Counter(r["level"] for r in rows("divisions.csv"))
    kinds = Counter(r["kind"] for r in rows("divisions.csv"))
    assert levels["province"] == 34  # 23 省 + 5 自治区 + 4 直辖市 + 2 特别行政区
    assert (kinds["省"], kinds["自治区"], kinds["直辖市"], kinds["特别行政区"]) == (23, 5, 4, 2)
    # 333 prefecture-level units: 293 地级市 + 7 地区 + 30 自治州 + 3 盟 (Taiwan's cities aside).
    mainland = [r for r in rows("divisions.csv")
                if r["level"] == "city" and not r["adcode"].startswith("71")]
    assert 330 <= sum(r["kind"] in ("地级市", "地区", "自治州", "盟") for r in mainland) <= 340
    assert (kinds["地区"], kinds["自治州"], kinds["盟"]) == (7, 30, 3)
    assert levels["district"] >= 2800


def test_every_division_parent_exists_and_is_one_level_up() -> None:
    data = rows("divisions.csv")
    by_code = {r["adcode"]: r for r in data if r["adcode"]}
    rank = {"province": 0, "city": 1, "district": 2}
    for r in data:
        if r["level"] == "province":
            assert not r["parent"], r
            continue
        parent = by_code[r["parent_adcode"]]
        assert parent["name"] == r["parent"]
        assert rank[parent["level"]] < rank[r["level"]], r


def test_short_forms_have_two_characters_or_more_and_differ_from_the_name() -> None:
    for r in rows("divisions.csv"):
        if r["short"]:
            assert len(r["short"]) >= 2 and r["short"] != r["name"], r
    shorts = {r["name"]: r["short"] for r in rows("divisions.csv")}
    assert shorts["东区"] == ""  # 香港东区: no one-character short
    assert shorts["鄂温克族自治旗"] == "鄂温克旗"


def test_every_file_has_its_header_and_no_empty_names() -> None:
    headers = {
        "divisions.csv": ["adcode", "name", "short", "aliases", "level", "kind", "parent",
                          "parent_adcode", "ambiguous", "note"],
        "platforms.csv": ["name", "aliases", "owner", "owner_aliases", "kind", "notes"],
        "companies.csv": ["name", "aliases", "parent", "kind", "notes", "ambiguous_aliases"],
        "agencies.csv": ["name", "aliases", "kind", "parent", "notes"],
        "agency_abbreviations.csv": ["abbr", "full", "variants", "level", "notes"],
    }
    for filename, header in headers.items():
        data = rows(filename)
        assert list(data[0].keys()) == header, filename
        assert all(r["name" if "name" in header else "abbr"] for r in data), filename


def test_platform_owners_are_known_companies(gaz: Gazetteer) -> None:
    companies = {e.name for e in gaz.entries("Company")}
    for platform in gaz.entries("Platform"):
        if platform.parent:
            assert platform.parent in companies, platform
    for company in gaz.entries("Company"):
        if company.parent:
            assert company.parent in companies, company


def test_mitt_cross_industry_platforms_are_listed(gaz: Gazetteer) -> None:
    double = [e for e in gaz.entries("Platform") if e.kind == "双跨平台"]
    assert len(double) >= 25
    for surface, owner in [("根云", "树根互联"), ("航天云网", "中国航天科工集团"),
                           ("用友精智", "用友网络"), ("浪潮云洲", "浪潮集团"),
                           ("徐工汉云", "徐工集团"), ("华为FusionPlant", "华为"),
                           ("阿里supET", "阿里云"), ("腾讯WeMake", "腾讯"),
                           ("工业富联Fii Cloud", "工业富联"), ("东方国信Cloudiip", "东方国信")]:
        assert only(gaz.lookup(surface), "Platform").parent == owner, surface


# -- divisions API ---------------------------------------------------------------------------

def test_short_city_name_resolves_to_full_name(gaz: Gazetteer) -> None:
    zibo = gaz.division("淄博")
    assert zibo is not None
    assert (zibo.name, zibo.level, zibo.parent) == ("淄博市", "city", "山东省")
    assert gaz.division("郯城").name == "郯城县"
    assert gaz.division("内蒙古").name == "内蒙古自治区"
    assert gaz.division("广西").name == "广西壮族自治区"
    assert gaz.division("延边").name == "延边朝鲜族自治州"
    assert gaz.division("延边州").name == "延边朝鲜族自治州"
    assert gaz.division("黔东南").name == "黔东南苗族侗族自治州"


def test_ancestors_of_a_district(gaz: Gazetteer) -> None:
    assert [e.name for e in gaz.ancestors("崂山区")] == ["青岛市", "山东省"]
    assert [e.name for e in gaz.ancestors("朝阳区", within="北京")] == ["北京市"]
    assert gaz.ancestors("山东省") == []
    assert gaz.ancestors("朝阳区") == []  # 北京 or 长春?
    changchun = gaz.division("朝阳区", within="长春市")
    assert gaz.ancestor_names(changchun) == ["长春市", "吉林省"]
    assert gaz.ancestors("不存在的地方") == []


def test_county_level_city_is_district_level(gaz: Gazetteer) -> None:
    jiaozhou = gaz.division("胶州市")
    assert (jiaozhou.level, jiaozhou.kind, jiaozhou.parent) == ("district", "县级市", "青岛市")
    jiyuan = gaz.division("济源")  # administered directly by the province
    assert (jiyuan.level, jiyuan.parent) == ("district", "河南省")


def test_within_disambiguates(gaz: Gazetteer) -> None:
    kenli = gaz.division("垦利", within="东营市")
    assert (kenli.name, kenli.parent) == ("垦利区", "东营市")
    assert gaz.division("鼓楼区") is None  # four cities have one
    assert gaz.division("鼓楼区", within="福州").parent == "福州市"
    assert gaz.division("市中区", within="枣庄").parent == "枣庄市"
    assert gaz.division("市中区", within="山东省") is None  # 济南 and 枣庄 both have one
    # context never hides the only candidate
    assert gaz.division("淄博", within="青岛市").name == "淄博市"


def test_ambiguous_short_forms_are_flagged(gaz: Gazetteer) -> None:
    assert gaz.is_ambiguous("朝阳")
    assert {e.name for e in gaz.lookup("朝阳")} >= {"朝阳市", "朝阳区", "朝阳县"}
    assert gaz.division("朝阳区") is None  # 北京 and 长春 both have one
    assert gaz.division("朝阳区", within="北京").ambiguous
    assert gaz.division("朝阳", strict=True) is None
    assert gaz.is_ambiguous("鼓楼区") and gaz.is_ambiguous("吉林")
    assert gaz.is_ambiguous("市中")  # a generic word, not a place on its own
    assert gaz.is_ambiguous("浪潮")  # 浪潮集团, but also "wave"
    assert not gaz.is_ambiguous("淄博") and not gaz.division("淄博市").ambiguous
    assert not gaz.is_ambiguous("崂山")


def test_highest_level_wins_only_without_strict(gaz: Gazetteer) -> None:
    assert gaz.division("吉林").name == "吉林省"
    assert gaz.division("吉林", level="city").name == "吉林市"
    assert gaz.division("海南").name == "海南省"


def test_former_names_resolve_to_current_division(gaz: Gazetteer) -> None:
    jimo = gaz.division("即墨市")
    assert (jimo.name, jimo.parent) == ("即墨区", "青岛市")
    assert gaz.division("襄樊市").name == "襄阳市"
    assert gaz.division("胶南市").name == "黄岛区"


def test_national_new_area(gaz: Gazetteer) -> None:
    area = gaz.division("西海岸新区")
    assert (area.name, area.level, area.parent) == ("青岛西海岸新区", "district", "青岛市")
    assert [e.name for e in gaz.ancestors("青岛西海岸新区")] == ["青岛市", "山东省"]


# -- platforms and companies -----------------------------------------------------------------

def test_kaos_platform(gaz: Gazetteer) -> None:
    for surface in ["卡奥斯", "卡奥斯COSMOPlat", "COSMOPlat", "海尔卡奥斯", "ＣＯＳＭＯＰｌａｔ",
                    "cosmoplat"]:
        entry = only(gaz.lookup(surface), "Platform")
        assert entry.name == "卡奥斯" and entry.parent == "海尔集团"
    assert only(gaz.lookup("海尔"), "Company").name == "海尔集团"


def test_owner_prefixed_platform_names(gaz: Gazetteer) -> None:
    assert only(gaz.lookup("海尔集团卡奥斯"), "Platform").name == "卡奥斯"
    assert only(gaz.lookup("徐工集团汉云"), "Platform").name == "汉云"
    assert gaz.lookup("用友网络用友精智") == []  # the brand already names its owner


def test_ambiguous_company_aliases_belong_to_their_row() -> None:
    for r in rows("companies.csv"):
        surfaces = {r["name"], *r["aliases"].split("|")}
        for alias in filter(None, r["ambiguous_aliases"].split("|")):
            assert alias in surfaces, (r["name"], alias)


def test_companies_by_alias(gaz: Gazetteer) -> None:
    assert only(gaz.lookup("华为技术有限公司"), "Company").name == "华为"
    assert only(gaz.lookup("树根互联股份有限公司"), "Company").name == "树根互联"
    assert only(gaz.lookup("用友"), "Company").name == "用友网络"
    assert gaz.lookup("不存在的公司") == []


def test_surfaces_cover_names_and_aliases(gaz: Gazetteer) -> None:
    pairs = set((s, e.name) for s, e in gaz.surfaces())
    assert ("COSMOPlat", "卡奥斯") in pairs
    assert ("淄博", "淄博市") in pairs and ("淄博市", "淄博市") in pairs
    assert ("工信部", "工业和信息化部") in pairs


# -- agencies --------------------------------------------------------------------------------

@pytest.mark.parametrize(("surface", "place", "full"), [
    ("工信部", None, "工业和信息化部"),
    ("工信部", "淄博市", "工业和信息化部"),
    ("中国信通院", None, "中国信息通信研究院"),
    ("国家发改委", "淄博市", "国家发展和改革委员会"),
    ("发改委", None, "国家发展和改革委员会"),
    ("发改委", "淄博市", "淄博市发展和改革委员会"),
    ("淄博市工信局", None, "淄博市工业和信息化局"),
    ("淄博工信局", None, "淄博市工业和信息化局"),
    ("市工信局", "青岛市", "青岛市工业和信息化局"),
    ("市工信局", "青岛", "青岛市工业和信息化局"),
    ("工信局", "青岛市", "青岛市工业和信息化局"),
    ("省工信厅", "淄博市", "山东省工业和信息化厅"),
    ("工信厅", "淄博市", "山东省工业和信息化厅"),
    ("区科技局", "崂山区", "崂山区科学技术局"),
    ("青岛崂山区科技局", None, "青岛市崂山区科学技术局"),
    ("市场监管局", "淄博市", "淄博市市场监督管理局"),
    ("淄博市人社局", None, "淄博市人力资源和社会保障局"),
    ("淄博市人力资源社会保障局", None, "淄博市人力资源社会保障局"),
    ("山东省工业和信息化厅", None, "山东省工业和信息化厅"),
    ("市政府", "淄博", "淄博市人民政府"),
    ("市工信局", "胶州市", "胶州市工业和信息化局"),
    ("自治区工信厅", "南宁", "广西壮族自治区工业和信息化厅"),
    ("吉林工信厅", None, "吉林省工业和信息化厅"),  # 厅: the province, not 吉林市
    ("朝阳区工信局", None, "朝阳区工业和信息化局"),  # homonym kept as written
    ("即墨市工信局", None, "即墨市工业和信息化局"),  # a former name is not rewritten
    ("淄博高新区管委会", None, "淄博市高新区管理委员会"),
    ("淄博市委网信办", None, "淄博市委网络安全和信息化委员会办公室"),
    ("东营市政府", None, "东营市人民政府"),
    ("人社部", None, "人力资源和社会保障部"),
    ("国资委", "青岛市", "青岛市国有资产监督管理委员会"),
    ("国资委", None, "国务院国有资产监督管理委员会"),
    ("经信委", "重庆市", "重庆市经济和信息化委员会"),
    ("大数据局", "淄博市", "淄博市大数据局"),
    ("市中小企业局", "淄博市", "淄博市中小企业局"),
])
def test_expand_agency(gaz: Gazetteer, surface: str, place: str | None, full: str) -> None:
    assert gaz.expand_agency(surface, place) == full


@pytest.mark.parametrize(("surface", "place"), [
    ("市工信局", None),  # which city? no context
    ("工信局", None),
    ("淄博市", None),  # a place, not a body
    ("华为", "青岛市"),
    ("淄博市华光国瓷", None),
    ("东营市采用政府", None),  # a place followed by words, not a body
    ("", None),
])
def test_expand_agency_declines(gaz: Gazetteer, surface: str, place: str | None) -> None:
    assert gaz.expand_agency(surface, place) is None


def test_agency_aliases(gaz: Gazetteer) -> None:
    assert "工信部" in gaz.agency_aliases("工业和信息化部")
    aliases = gaz.agency_aliases("淄博市工业和信息化局")
    assert "淄博市工信局" in aliases and "淄博工信局" in aliases
    assert gaz.agency_aliases("华为") == []


# -- speed -----------------------------------------------------------------------------------

def test_loading_is_cached() -> None:
    # how long loading takes is measured by tests/bench/bench_extract.py, not asserted here
    load_gazetteer.cache_clear()
    first = load_gazetteer()
    assert load_gazetteer() is first
    assert len(first.entries("City")) > 3000
