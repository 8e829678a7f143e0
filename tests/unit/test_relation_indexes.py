"""The article-wide indexes the relation rules read give what walking every sentence gives: the
mentions of one label, the sentence views' mentions and bounds, the article's principal company
and home places; a rule called only where its words are written finds nothing elsewhere; the
deduplication of what the rules found."""

from __future__ import annotations

from graph.model import SCHEMA, Relation, canonical_ends
from loaders.extract.entities import Mention
from loaders.extract.nlp import Sentence
from loaders.extract.relations import _clean
from loaders.extract.relations.base import SentenceView, build_views
from loaders.extract.relations.empowers import _CUSTOMERS_WORDS, _SUPPLY_WORDS, _supplier_of
from loaders.extract.relations.principal import principal_company
from loaders.extract.relations.subsidiary_of import _founded, _gaz, _known_owner
from loaders.extract.relations.works_for import home_places
from loaders.extract.scan import holds_any

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


def _one_view(text: str, spans: list[tuple[int, int, str]]) -> SentenceView:
    mentions = [Mention(a, b, label, text[a:b], text[a:b], "pattern") for a, b, label in spans]
    return build_views(text, [Sentence(text, 0, len(text))], mentions)[0]


def test_the_supplier_rules_find_nothing_without_their_words():
    firms = [(0, 4, "Company"), (5, 9, "Company")]
    for text in ("甲乙公司为丙丁公司提供服务。", "甲乙公司与丙丁公司合作建设工厂。"):
        view = _one_view(text, firms)
        assert not holds_any(text, _SUPPLY_WORDS) and not holds_any(text, _CUSTOMERS_WORDS)
        assert _supplier_of(view) == []
    supplied = _one_view("甲乙公司为丙丁公司配套。", firms)  # (its words written: it is read)
    assert holds_any(supplied.sentence.text, _SUPPLY_WORDS)


def test_the_founding_rule_finds_nothing_without_you():
    firms = [(0, 4, "Company"), (5, 9, "Company")]
    assert _founded(_one_view("甲乙公司和丙丁公司合资成立工厂。", firms)) == []
    founded = _founded(_one_view("甲乙公司由丙丁公司投资设立。", firms))
    assert [(r.head, r.tail) for r in founded] == [("甲乙公司", "丙丁公司")]


def _clean_by_reading(found: list[Relation]) -> dict[tuple, Relation]:
    best: dict[tuple, Relation] = {}
    for r in found:
        if not SCHEMA[r.type].allows(r.head_label, r.tail_label):
            continue
        if (r.head_label, r.head) == (r.tail_label, r.tail):
            continue
        key = (r.type, *canonical_ends(r.type, (r.head_label, r.head), (r.tail_label, r.tail)))
        if key not in best or r.confidence > best[key].confidence:
            best[key] = r
    return best


def test_clean_keeps_the_best_supported_relation_of_each_edge():
    def rel(t: str, h: tuple[str, str], tl: tuple[str, str], conf: float) -> Relation:
        return Relation(t, h[1], h[0], tl[1], tl[0], "句", 0, 1, "rule:x", conf)

    a, b, c = ("Company", "甲乙公司"), ("Company", "丙丁公司"), ("City", "星河市")
    found = [
        rel("PARTNERS_WITH", a, b, 0.7),
        rel("PARTNERS_WITH", b, a, 0.8),  # the same edge, better supported
        rel("LOCATED_IN", a, c, 0.9),
        rel("LOCATED_IN", c, a, 0.9),  # not allowed by the schema
        rel("PARTNERS_WITH", a, a, 0.9),  # a node with itself
        rel("LOCATED_IN", a, c, 0.9),  # as good as the first: the first stays
    ]
    by_reading = sorted(_clean_by_reading(found).values(), key=lambda r: (r.start, r.type))
    assert _clean(found) == by_reading
    assert [r.confidence for r in _clean(found) if r.type == "PARTNERS_WITH"] == [0.8]
    assert next(r for r in _clean(found) if r.type == "LOCATED_IN") is found[2]


def test_the_sentences_holding_a_word_are_those_that_hold_it_read_one_by_one():
    text = "甲乙双方签约。\n星河市二者合作，两者\n共建。双方双方。方二者"
    # (the 双方 at 22 straddles two sentences, which hold no word of it; a newline inside one)
    bounds = [(0, 7), (8, 20), (20, 23), (23, 27), (27, 30)]
    sentences = [Sentence(text[a:b], a, b) for a, b in bounds]
    views = build_views(text, sentences, [])
    for words in (("双方", "二者", "两者"), ("方二",), ("市二者合",), ("者\n共",), ("丙丁",)):
        read = {v.index for v in views if holds_any(v.sentence.text, words)}
        assert views.holding(words) == read
    assert views.holding(("双方",)) == {0, 3}
    assert build_views("", [], []).holding(("双方",)) == frozenset()
