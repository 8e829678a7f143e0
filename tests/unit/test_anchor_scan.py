"""One scan for the occupations, speech verbs and academic words of people's finders: the same
matches as scanning for (or near) each anchor alone."""

from __future__ import annotations

import itertools
import re

import pytest

from loaders.extract.entities import people
from loaders.extract.entities.anchor_scan import anchor_spans, finditer_around
from loaders.extract.scan import finditer_near

TEXTS = [
    "星云科技董事长甲乙丙表示，洛阳市将加快建设。",
    "甲大学乙丙教授认为，乙丙院士团队说明了研究员的作用。",
    "丁戊副教授介绍说，己庚博士出席并主持会议。",
    "教授说",
    "说教授",
    "甲乙女士坦言",
    "",
    "先生们指出席位",
    "纺织商人甲乙丙说，经济学家丁戊和工程师己庚教授出席。",
    "科学家说学者专家",
]


def _words(anchor: re.Pattern[str]) -> list[str]:
    return anchor.pattern.split("|")


def test_no_word_of_one_anchor_overlaps_a_word_of_another() -> None:
    anchors = (people._OCCUPATION_RE, people._SPEECH_VERB, people._ACADEMIC_WORD)
    for one, other in itertools.permutations(anchors, 2):
        for a in _words(one):
            for b in _words(other):
                assert a not in b
                assert not any(a.endswith(b[:k]) for k in range(1, len(b)))


@pytest.mark.parametrize("text", TEXTS)
def test_the_joint_scan_finds_what_each_anchor_finds(text: str) -> None:
    occupations, speech, academic = anchor_spans(people._PEOPLE_ANCHORS, text)
    assert occupations == [m.span() for m in people._OCCUPATION_RE.finditer(text)]
    assert speech == [m.span() for m in people._SPEECH_VERB.finditer(text)]
    assert academic == [m.span() for m in people._ACADEMIC_WORD.finditer(text)]
    for pattern, anchor, spans, before, after in (
        (people._SPEECH_RE, people._SPEECH_VERB, speech, 3, 2),
        (people._ACADEMIC_AFTER, people._ACADEMIC_WORD, academic, 4, 0),
    ):
        ours = [m.span(1) for m in finditer_around(pattern, text, spans, before, after)]
        near = [m.span(1) for m in finditer_near(pattern, text, anchor, before, after)]
        assert ours == near == [m.span(1) for m in pattern.finditer(text)]
