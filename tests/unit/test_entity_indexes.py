"""The entity finders' faster forms answer as the plain ones: the project suffixes written as
a trie match every suffix whole, and the per-article indexes of places and known organisations
find what a walk over all of them finds.

Texts are invented for these tests.
"""

from __future__ import annotations

import re

from loaders.extract.entities.projects import _PROJECT_SUFFIX


def test_project_suffix_trie_matches_every_suffix_whole() -> None:
    words = ["化工园区", "产业园", "工程", "工程研究中心", "创新服务中心", "盐湖", "地铁3号线"]
    for word in words:
        match = _PROJECT_SUFFIX.match(word)
        assert match is not None and match.group(0) == word
    text = "星云工程研究中心与甲乙产业园区、丙丁地铁十二号线"
    flat = re.compile("工程研究中心|产业园区|产业园|工程|地铁[一二三四五六七八九十\\d]+号线")
    assert [m.span() for m in _PROJECT_SUFFIX.finditer(text)] == [
        m.span() for m in flat.finditer(text)
    ]
