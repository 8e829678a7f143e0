"""The tests of the words right before a quote or a title search the text up to that place
(`search(text, pos, endpos)`) instead of a slice of it: `$` matches at `endpos`, and before a
newline there, as it does at the end of the slice. Before a quote, the last character is read
first: a match of a word, then an optional space, ends with the word's last character or a
space."""

from __future__ import annotations

import pytest

from loaders.extract.entities.platforms import _INTRO_BEFORE
from loaders.extract.entities.quoted import (
    _ANAPHOR_RE,
    _PLATFORM_WORD_BEFORE,
    _PLATFORM_WORD_ENDS,
    _PROJECT_WORD_BEFORE,
    _PROJECT_WORD_ENDS,
)
from loaders.extract.scan import required_words

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


@pytest.mark.parametrize(
    ("pattern", "ends"),
    [
        (_PROJECT_WORD_BEFORE, _PROJECT_WORD_ENDS),
        (_PLATFORM_WORD_BEFORE, _PLATFORM_WORD_ENDS),
    ],
)
def test_word_before_ends_with_one_of_its_last_characters(pattern, ends):
    # words, an optional space, then $: the character before the end is a word's last or a space
    assert {word[-1] for word in required_words(pattern)} <= ends
    assert pattern.pattern.endswith(")\\s?$")
    for word in required_words(pattern):
        for text in (f"甲{word}", f"甲{word} ", f"甲{word}\n", f"甲{word} \n"):
            last = text[-1]
            assert (last in ends or last.isspace()) and pattern.search(text)
