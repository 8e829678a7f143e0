"""General knowledge the gazetteer holds beyond divisions: companies with their parents, national
bodies and their departments, research institutes, Hong Kong bureaus, local abbreviations."""

from __future__ import annotations

import pytest

from loaders.extract.gazetteer import Gazetteer, load_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def one(gaz: Gazetteer, surface: str, label: str) -> tuple[str, str | None]:
    found = [e for e in gaz.lookup(surface) if e.label == label]
    assert len(found) == 1, found
    return found[0].name, found[0].parent


@pytest.mark.parametrize(
    ("surface", "label", "name", "parent"),
    [
        ("CATL", "Company", "宁德时代", None),
        ("华能国际电力股份有限公司", "Company", "华能国际", "中国华能"),
        ("中储粮", "Company", "中储粮", None),
        ("Siemens Energy", "Company", "西门子能源", None),
        ("工信部信发司", "Agency", "工业和信息化部信息技术发展司", "工业和信息化部"),
        ("沈阳自动化所", "Agency", "中国科学院沈阳自动化研究所", "中国科学院"),
        ("香港邮政", "Agency", "香港邮政", "香港特别行政区政府"),
        ("香港教育局", "Agency", "香港特别行政区政府教育局", "香港特别行政区政府"),
    ],
)
def test_known_names(gaz: Gazetteer, surface: str, label: str, name: str, parent: str) -> None:
    assert one(gaz, surface, label) == (name, parent)


def test_a_university_by_its_short_name(gaz: Gazetteer) -> None:
    assert one(gaz, "西建大", "Organization")[0] == "西安建筑科技大学"


def test_everyday_words_need_context(gaz: Gazetteer) -> None:
    assert gaz.is_ambiguous("吉利") and gaz.is_ambiguous("中国化工")
    assert not gaz.is_ambiguous("中国神华")


def test_a_bare_mainland_bureau_name_is_no_hong_kong_body(gaz: Gazetteer) -> None:
    assert [e for e in gaz.lookup("教育局") if e.label == "Agency"] == []
    assert gaz.expand_agency("教育局", place="淄博市") == "淄博市教育局"


@pytest.mark.parametrize(
    ("surface", "place", "full"),
    [
        ("淄博市卫健局", None, "淄博市卫生健康局"),
        ("市文广旅局", "淄博市", "淄博市文化广电旅游局"),
        ("省药监局", "淄博市", "山东省药品监督管理局"),
    ],
)
def test_local_abbreviations(gaz: Gazetteer, surface: str, place: str | None, full: str) -> None:
    assert gaz.expand_agency(surface, place=place) == full
