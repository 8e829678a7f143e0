"""Extractions as spaCy documents: the article's words (jieba's, as extraction cut them) with the
entities found set as `doc.ents`, for annotation tools that read spaCy's DocBin, for displaCy,
or as pre-annotated data to train or evaluate a statistical model against the rules.

    from graph.export.spacy_docs import to_doc, write_docbin
    doc = to_doc(extraction)          # spacy.tokens.Doc; doc.ents labelled Company, City, …
    write_docbin([doc, …], "out.spacy")

Extraction keeps names, not offsets: every written occurrence of an entity's name or alias
becomes a span (longest first where they overlap), so a name the article repeats is marked
everywhere, as the extraction reads it (one name, one reading per article).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from graph.model import Extraction
from loaders.extract.nlp import get_nlp, token_texts


@cache
def _vocab() -> Vocab:
    return Vocab()


def to_doc(extraction: Extraction) -> Doc:
    """The article text as a spaCy Doc whose `ents` are the extraction's entities."""
    text = extraction.article.text
    words = token_texts(get_nlp()(text)) or [text or " "]
    doc = Doc(_vocab(), words=words, spaces=[False] * len(words))
    spans: list[Span] = []
    for entity in extraction.entities:
        for form in {entity.name, *entity.aliases}:
            if len(form) < 2:
                continue
            for m in re.finditer(re.escape(form), text):
                span = doc.char_span(m.start(), m.end(), label=entity.label,
                                     alignment_mode="expand")
                if span is not None:
                    spans.append(span)
    doc.ents = filter_spans(spans)
    doc.user_data["article_id"] = extraction.article.id
    doc.user_data["title"] = extraction.article.title or ""
    return doc


def write_docbin(docs: Iterable[Doc], path: str | Path) -> int:
    """Write `docs` to a spaCy DocBin file (user data kept); returns how many were written."""
    store = DocBin(store_user_data=True)
    count = 0
    for doc in docs:
        store.add(doc)
        count += 1
    store.to_disk(path)
    return count
