"""The article-wide indexes the relation rules read give what walking every sentence gives: the
mentions of one label, the sentence views' mentions and bounds, the article's principal company
and home places."""

from __future__ import annotations

from loaders.extract.entities import Mention
from loaders.extract.nlp import Sentence
from loaders.extract.relations.base import build_views
from loaders.extract.relations.principal import principal_company
from loaders.extract.relations.subsidiary_of import _gaz, _known_owner
from loaders.extract.relations.works_for import home_places

_TEXT = "甲乙公司在星河市建设丙丁平台。\n星河市与甲乙公司合作，戊己集团参与。甲乙公司再建设。"


def _article() -> tuple[list[Sentence], list[Mention]]:
    bounds = [(0, 15), (16, 34), (34, len(_TEXT))]
    sentences = [Sentence(_TEXT[a:b], a, b) for a, b in bounds]
    spans = [
        (0, 4, "Company", "甲乙公司"),
        (5, 8, "City", "星河市"),
        (5, 7, "City", "星河"),  # nested in the city's name: not a sentence's mention
        (10, 14, "Platform", "丙丁平台"),
        (16, 19, "City", "星河市"),
        (20, 24, "Company", "甲乙公司"),
        (27, 31, "Company", "戊己集团"),
        (34, 38, "Company", "甲乙公司"),
    ]
    mentions = [Mention(a, b, label, name, _TEXT[a:b], "pattern") for a, b, label, name in spans]
    mentions[2].nested = True
    for m in mentions:
        if m.label == "City":
            m.props["level"] = "city"
    return sentences, mentions


def test_views_hold_the_top_level_mentions_inside_each_sentence():
    sentences, mentions = _article()
    views = build_views(_TEXT, sentences, mentions)
    for view, sent in zip(views, sentences, strict=True):
        inside = [
            m for m in mentions if not m.nested and sent.start <= m.start and m.end <= sent.end
        ]
        assert view.mentions == inside
        assert view.labels == {m.label for m in inside}
        assert (view.start, view.end) == (sent.start, sent.end)
        assert view.subject is None or view.subject in inside or view.carried
    assert [v.paragraph_start for v in views] == [True, True, False]
    assert views[0].prev is None and views[2].prev is views[1]


def test_labelled_mentions_are_those_of_every_sentence_in_order():
    sentences, mentions = _article()
    views = build_views(_TEXT, sentences, mentions)
    for label in ("Company", "City", "Platform", "Person"):
        walked = [m for v in views for m in v.mentions if m.label == label]
        assert views.labelled(label) == walked
    assert views.labelled("Company")[0] is views[0].mentions[0]


def test_article_facts_read_from_the_label_index():
    sentences, mentions = _article()
    views = build_views(_TEXT, sentences, mentions)
    principal = principal_company(views)
    assert principal is not None and principal.name == "甲乙公司" and principal.start == 0
    homes = home_places(views)
    assert set(homes) == {"city"} and homes["city"].name == "星河市"


def test_the_known_owner_is_the_gazetteer_parent_of_the_name_and_label():
    for entry in list(_gaz().entries("Company"))[:50] + list(_gaz().entries("Platform"))[:50]:
        direct = next(
            (e.parent for e in _gaz().lookup(entry.name) if e.label == entry.label and e.parent),
            None,
        )
        assert _known_owner(entry.name, entry.label) == direct
    assert _known_owner("甲乙丙丁星河公司", "Company") is None
