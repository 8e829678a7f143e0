"""National development and high-tech zones of seeds/gazetteer/zones.csv: City entries of level
zone under their city, found by their short forms; zones written after their city's name
(洛阳高新区) are left to the extraction rule that names them as written."""

from __future__ import annotations

from support.extraction import forms, names, pairs, run

from loaders.extract.gazetteer import load_gazetteer


def test_a_listed_zone_is_a_city_of_level_zone_under_its_city() -> None:
    gaz = load_gazetteer()
    zone = gaz.division("东湖高新区")
    assert zone is not None
    assert (zone.name, zone.level) == ("武汉东湖新技术开发区", "zone")
    assert zone.kind == "高新技术产业开发区"
    assert gaz.ancestor_names(zone) == ["武汉市", "湖北省"]
    jiangning = gaz.division("江宁经开区")
    assert jiangning is not None and jiangning.name == "江宁经济技术开发区"


def test_a_zone_named_after_its_city_is_not_listed() -> None:
    assert load_gazetteer().division("洛阳高新区") is None


def test_extraction_reads_a_listed_zone_by_its_short_form() -> None:
    ex = run("星云科技落户江宁经开区。东湖高新区管委会与星云科技签约。")
    assert {"江宁经济技术开发区", "武汉东湖新技术开发区"} <= names(ex, "City")
    assert "江宁经开区" in forms(ex, "City")
    assert ("星云科技", "江宁经济技术开发区") in pairs(ex, "LOCATED_IN")
    body = "武汉东湖新技术开发区管理委员会"
    assert body in names(ex, "Agency")
    assert (body, "武汉东湖新技术开发区") in pairs(ex, "LOCATED_IN")
    assert "高新区" not in forms(ex, "City")  # no bare zone word read inside 东湖高新区
