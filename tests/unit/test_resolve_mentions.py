"""In-article resolution: the shortcuts that skip comparisons give the same entities."""

from __future__ import annotations

import itertools

from loaders.extract.entities.base import Mention
from loaders.extract.resolve import _APPOSITION, _APPOSITION_MAX, resolve_mentions


def _mention(start: int, label: str, name: str) -> Mention:
    return Mention(start, start + len(name), label, name, name, "pattern:test")


def test_no_apposition_is_longer_than_the_gate() -> None:
    """Every text the apposition pattern accepts fits in _APPOSITION_MAX characters."""
    for opening, word, closing, newline in itertools.product(
        ("", "”", "’"), ("即", "也就是", "简称", "又称", "俗称"), ("", "“", "‘"), ("", "\n")
    ):
        text = opening + word + closing + newline
        assert _APPOSITION.match(text), text
        assert len(text) <= _APPOSITION_MAX


def test_apposition_merges_two_names() -> None:
    text = "星云平台即云帆平台上线"
    mentions = [_mention(0, "Project", "星云平台"), _mention(5, "Project", "云帆平台")]
    entities = resolve_mentions(mentions, text)
    assert [(e.name, e.aliases, e.mentions) for e in entities] == [("星云平台", ("云帆平台",), 2)]


def test_firms_merge_only_when_they_open_alike() -> None:
    text = "星云智能科技与星云科技、云星科技"
    mentions = [
        _mention(0, "Company", "星云智能科技"),
        _mention(7, "Company", "星云科技"),
        _mention(12, "Company", "云星科技"),
    ]
    entities = resolve_mentions(mentions, text)
    assert sorted((e.name, e.aliases) for e in entities) == [
        ("云星科技", ()),
        ("星云科技", ("星云智能科技",)),
    ]


def test_other_labels_never_merge_as_variants() -> None:
    text = "洛阳市工信局与洛阳市工信局办公室"
    mentions = [_mention(0, "Agency", "洛阳市工信局"), _mention(7, "Agency", "洛阳市工信局办公室")]
    assert len(resolve_mentions(mentions, text)) == 2


def test_projects_merge_with_their_name_after_its_place() -> None:
    text = "洛阳市星云工程、星云工程、洛阳星云工程、云帆工程与洛阳市"
    mentions = [
        _mention(0, "Project", "洛阳市星云工程"),
        _mention(8, "Project", "星云工程"),
        _mention(13, "Project", "洛阳星云工程"),
        _mention(20, "Project", "云帆工程"),
        _mention(25, "City", "洛阳市"),
    ]
    entities = resolve_mentions(mentions, text)
    assert sorted((e.name, e.aliases) for e in entities if e.label == "Project") == [
        ("云帆工程", ()),
        ("洛阳市星云工程", ("星云工程", "洛阳星云工程")),
    ]


def test_platforms_merge_only_when_both_end_in_platform() -> None:
    text = "洛阳市星云智造工业互联网平台、星云智造平台、星云智造系统与洛阳市"
    mentions = [
        _mention(0, "Platform", "洛阳市星云智造工业互联网平台"),
        _mention(15, "Platform", "星云智造平台"),
        _mention(22, "Platform", "星云智造系统"),
        _mention(29, "City", "洛阳市"),
    ]
    entities = resolve_mentions(mentions, text)
    assert sorted((e.name, e.aliases) for e in entities if e.label == "Platform") == [
        ("星云智造系统", ()),
        ("洛阳市星云智造工业互联网平台", ("星云智造平台",)),
    ]


def test_platforms_merge_as_the_pairs_that_read_alike() -> None:
    """Platforms merge by the name left without places and qualifiers (five characters or
    more): the groups are those of comparing every pair."""
    names = [
        "全市星云智造服务平台",
        "洛阳市星云智造服务平台",
        "星云智造服务平台",
        "市级云帆平台",
        "云帆平台",
        "省级星云智造服务工业互联网平台",
    ]
    text = "、".join([*names, "洛阳市"])
    mentions, at = [], 0
    for name in names:
        mentions.append(_mention(at, "Platform", name))
        at += len(name) + 1
    mentions.append(_mention(at, "City", "洛阳市"))
    entities = resolve_mentions(mentions, text)
    assert sorted((e.name, e.aliases) for e in entities if e.label == "Platform") == [
        ("云帆平台", ()),
        ("市级云帆平台", ()),
        (
            "省级星云智造服务工业互联网平台",
            ("全市星云智造服务平台", "星云智造服务平台", "洛阳市星云智造服务平台"),
        ),
    ]
