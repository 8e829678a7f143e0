"""Named tuples built through tuple.__new__ (phrases, nlp, quantities) are the objects their
classes build: the same type, fields and values."""

from __future__ import annotations

from loaders.extract import nlp, phrases, quantities


def test_tuples_built_through_tuple_new_are_those_the_classes_build() -> None:
    cases = [
        (phrases._new, phrases.Match, (3, 7, "City")),
        (nlp._new, nlp.Sentence, ("星河市甲乙公司成立。", 10, 20)),
        (quantities._new, quantities.Found, (0, 4, "5亿元", 500000000, "元", "money")),
    ]
    for new, cls, fields in cases:
        built, plain = new(cls, fields), cls(*fields)
        assert type(built) is cls and built == plain and built._asdict() == plain._asdict()


def test_the_phrase_matcher_and_sentences_give_named_tuples() -> None:
    matcher = phrases.PhraseMatcher(
        [{"label": "City", "pattern": "星河市"}, {"label": "Company", "pattern": "甲乙公司"}],
        lambda text: [text[i : i + 3] for i in range(0, len(text), 3)],
    )
    text = "星河市甲乙公司"
    found = matcher(text, [0, 3, 6], ["星河市", "甲乙公", "司"])
    assert found == [phrases.Match(0, 3, "City"), phrases.Match(3, 7, "Company")]
    assert all(type(m) is phrases.Match for m in found)
    doc = nlp.TextDoc("星河市。 甲乙公司。", ["星河市", "。", " ", "甲乙公司", "。"], matcher)
    sents = list(nlp.sentences(doc))
    assert sents == [nlp.Sentence("星河市。", 0, 4), nlp.Sentence("甲乙公司。", 5, 10)]
    assert all(type(s) is nlp.Sentence for s in sents)
    found = quantities.find_quantities("甲乙公司投资5亿元，企业1500家")
    assert all(type(q) is quantities.Found for q in found) and len(found) == 2
