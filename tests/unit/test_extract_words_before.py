"""The tests of the words right before a quote or a title search the text up to that place
(`search(text, pos, endpos)`) instead of a slice of it: `$` matches at `endpos`, and before a
newline there, as it does at the end of the slice."""

from __future__ import annotations

import pytest

from loaders.extract.entities.platforms import _INTRO_BEFORE
from loaders.extract.entities.quoted import (
    _ANAPHOR_RE,
    _PLATFORM_WORD_BEFORE,
    _PROJECT_WORD_BEFORE,
)

TEXTS = [
    "星河区这一“甲乙”",
    "建成量子通信网络“甲乙”",
    "发布数字孪生平台 “星云”",
    "发布数字孪生平台\n“星云”",
    "首个城市监测系统",
    "该项目\n星云平台",
    "打造了\n\n星云平台",
    "星云平台",
]


@pytest.mark.parametrize(
    "pattern", [_ANAPHOR_RE, _PROJECT_WORD_BEFORE, _PLATFORM_WORD_BEFORE, _INTRO_BEFORE]
)
@pytest.mark.parametrize("text", TEXTS)
def test_endpos_search_is_slice_search(pattern, text):
    for end in range(len(text) + 1):
        for start in range(end + 1):
            on_slice = pattern.search(text[start:end])
            in_place = pattern.search(text, start, end)
            assert (on_slice and on_slice.span()) == (
                in_place and (in_place.start() - start, in_place.end() - start)
            )
