"""Organization: names closed by an organisation's kind word, with verbs and adverbs kept out.

Sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from graph.model import Article
from loaders.extract.pipeline import extract


def organizations(text: str) -> set[str]:
    extraction = extract(Article(id="t", title="", text=text))
    return {e.name for e in extraction.entities if e.label == "Organization"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("会议由中国智能制造装备协会主办。", "中国智能制造装备协会"),
        ("甲省工业软件产业联盟当天成立。", "甲省工业软件产业联盟"),
        ("要充分发挥南昌工业互联网学院的人才作用。", "南昌工业互联网学院"),
        ("星河大学机械工程学院与企业共建实验室。", "星河大学机械工程学院"),
        ("他毕业于武汉光电技术大学，现任总工程师。", "武汉光电技术大学"),
        ("福州市青年企业家商会组织会员参观。", "福州市青年企业家商会"),
        ("世界贸易组织发布了年度报告。", "世界贸易组织"),
    ],
)
def test_organization_names_are_found(text: str, name: str) -> None:
    assert name in organizations(text)


@pytest.mark.parametrize(
    "text",
    [
        "当地迅速组织人员抢修线路。",  # 组织 as a verb
        "多家行业协会参与了讨论。",  # generic 行业协会
        "本港大学的科研实力很强。",  # generic: local universities
        "中国科学院发布了新成果。",  # a state academy is an Agency
        "他甚至大学都没有读完。",  # adverb before 大学
    ],
)
def test_near_misses_are_not_organizations(text: str) -> None:
    assert organizations(text) == set()
