"""Extractions as spaCy documents (graph.export.spacy_docs, `iikg extract --docbin`)."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import DocBin
from spacy.vocab import Vocab
from support.extraction import run

from graph.export.spacy_docs import to_doc, write_docbin


def test_the_entities_found_are_the_docs_ents_at_every_occurrence() -> None:
    ex = run("星河科技股份有限公司在洛阳市签约。星河科技表示将扩产。")
    doc = to_doc(ex)
    assert doc.text == ex.article.text
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("洛阳市", "City") in ents
    assert sum(1 for text, label in ents if label == "Company" and "星河科技" in text) == 2


def test_a_docbin_round_trip_keeps_words_ents_and_article(tmp_path: Path) -> None:
    ex = run("星河科技股份有限公司在洛阳市签约。")
    path = tmp_path / "out.spacy"
    assert write_docbin([to_doc(ex)], path) == 1
    (doc,) = list(DocBin().from_disk(path).get_docs(Vocab()))
    assert doc.text == ex.article.text
    assert ("洛阳市", "City") in [(e.text, e.label_) for e in doc.ents]
    assert doc.user_data["article_id"] == ex.article.id
