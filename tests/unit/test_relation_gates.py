"""The shortcuts the relation rules take give what the plain reading gives: a trigger inside a
name, the owner a name opens with, the confidence table swapped and restored."""

from __future__ import annotations

from loaders.extract.entities import Mention
from loaders.extract.nlp import Sentence
from loaders.extract.relations import confidence
from loaders.extract.relations.base import SentenceView, build_views
from loaders.extract.relations.confidence import Measured, calibrated
from loaders.extract.relations.subsidiary_of import _named_after_owner


def _view(text: str, mentions: list[Mention]) -> SentenceView:
    return SentenceView(Sentence(text, 0, len(text)), mentions, text, 0, True)


def test_in_name_reads_every_mention_that_may_hold_the_span():
    text = "洛阳经济技术开发区与星云开发公司合作开发"
    zone = Mention(0, 9, "City", "洛阳经济技术开发区", "洛阳经济技术开发区", "gazetteer")
    firm = Mention(10, 16, "Company", "星云开发公司", "星云开发公司", "pattern:company")
    view = _view(text, [zone, firm])
    assert view.labels == {"City", "Company"}
    assert view.in_name(6, 8)  # 开发 of the zone
    assert view.in_name(12, 14)  # 开发 of the firm
    assert not view.in_name(18, 20)  # the verb after both
    assert not view.in_name(8, 11)  # across the gap between them
    assert not _view(text, []).in_name(6, 8)


def test_the_owner_is_the_first_listed_company_form_a_name_opens_with():
    text = "星云科技与星云合作。星云科技云脑平台上线。"
    firm = Mention(0, 4, "Company", "星云科技", "星云科技", "pattern:company")
    short = Mention(5, 7, "Company", "星云", "星云", "pattern:company")
    brain = Mention(10, 18, "Platform", "星云科技云脑平台", "星云科技云脑平台", "pattern:platform")
    sentences = [Sentence(text[:10], 0, 10), Sentence(text[10:], 10, len(text))]
    views = build_views(text, sentences, [firm, short, brain])
    owners = {r.head: r.tail for r in _named_after_owner(views)}
    # both 星云 and 星云科技 open the platform's name: 星云科技, listed first, owns it
    assert owners == {"星云科技": "星云", "星云科技云脑平台": "星云科技"}


def test_the_confidence_table_can_be_swapped_and_restored():
    shipped = calibrated("rule:unmeasured_here", 0.42)
    method, measured = next(iter(confidence.table().items()))
    before = calibrated(method, 0.01)
    confidence.use_table({method: Measured(predicted=10, correct=4)})
    try:
        assert calibrated(method, 0.01) == 0.417  # (4 + 1) / (10 + 2)
        confidence.use_table({})
        assert calibrated(method, 0.01) == 0.01
    finally:
        confidence.use_table(None)
    assert calibrated(method, 0.01) == before
    assert shipped == 0.42
    expected = round((measured.correct + 1) / (measured.predicted + 2), 3)
    assert before == (expected if measured.predicted >= confidence.MIN_PREDICTED else 0.01)


def test_a_subject_read_late_is_the_one_read_in_order():
    # each later sentence goes on about the firm (随后…): a long paragraph read from its end
    first, more = "星云科技在洛阳市建设工厂。", "随后又建设新厂。"
    text = first + more * 3000
    bounds = [(0, len(first))]
    bounds += [(len(first) + i * len(more), len(first) + (i + 1) * len(more)) for i in range(3000)]
    sentences = [Sentence(text[a:b], a, b) for a, b in bounds]
    firm = Mention(0, 4, "Company", "星云科技", "星云科技", "pattern:company")
    city = Mention(5, 8, "City", "洛阳市", "洛阳市", "gazetteer")
    late = build_views(text, sentences, [firm, city])
    assert late[-1].subject is firm and late[-1].carried
    in_order = build_views(text, sentences, [firm, city])
    assert [(v.subject, v.carried) for v in in_order] == [(v.subject, v.carried) for v in late]
    assert not in_order[0].carried
