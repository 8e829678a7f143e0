"""visited_in skips a sentence not opening with 在 before its regex: the same answer as the
plain reading, which matches _IN_PLACE_FIRST at the sentence's start."""

from __future__ import annotations

from loaders.extract.entities import Mention
from loaders.extract.nlp import Sentence
from loaders.extract.relations.base import SentenceView
from loaders.extract.relations.located_scenes import _IN_PLACE_FIRST, _VISITS, visited_in


def _view(text: str, mentions: list[Mention]) -> SentenceView:
    return SentenceView(Sentence(text, 0, len(text)), mentions, text, 0, True)


def _plain(view: SentenceView) -> bool:
    """Whether the plain reading (no gate) finds a visit after an opening place."""
    m = _IN_PLACE_FIRST.match(view.sentence.text)
    return m is not None and _VISITS.search(view.sentence.text, m.end()) is not None


def test_a_visit_after_an_opening_place_is_found_with_or_without_the_gate():
    text = "在星河市，调研组前往甲乙公司"
    city = Mention(1, 4, "City", "星河市", "星河市", "gazetteer")
    firm = Mention(10, 14, "Company", "甲乙公司", "甲乙公司", "pattern:company")
    view = _view(text, [city, firm])
    assert _plain(view)
    assert [(r.head, r.tail) for r in visited_in(view)] == [("甲乙公司", "星河市")]


def test_a_sentence_not_opening_with_zai_gives_nothing_as_the_plain_reading():
    for text in ("调研组在星河市，前往甲乙公司", "星河市，调研组前往甲乙公司", "", "在"):
        view = _view(text, [])
        assert not _plain(view)
        assert visited_in(view) == []
