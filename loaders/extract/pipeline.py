"""Article → Extraction: sentences, entity mentions, resolved entities, relations with evidence.

    from loaders.extract.pipeline import Extractor
    extractor = Extractor()                       # loads jieba + gazetteer once
    extraction = extractor.extract(article)       # one article
    for item in extractor.extract_many(articles): ...   # streaming, progress on stderr

`extract(article)` and `extract_many(articles)` use one shared Extractor built on first call.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from graph.model import Article, Entity, Extraction, Relation
from loaders.extract import lac
from loaders.extract.entities import find_mentions
from loaders.extract.entities.base import _cached_gazetteer
from loaders.extract.gazetteer import Gazetteer
from loaders.extract.nlp import Pipeline, get_nlp, sentences
from loaders.extract.qualifiers import article_quantities
from loaders.extract.relations import extract_relations
from loaders.extract.resolve import resolve_mentions


class Extractor:
    """The extraction stage, its heavy resources (segmenter, gazetteer) loaded once."""

    def __init__(
        self,
        nlp: Pipeline | None = None,
        gazetteer: Gazetteer | None = None,
        statistical: bool | None = None,
    ) -> None:
        """`statistical`: add the statistical tagger's names (default: off unless
        IIKG_STATISTICAL_NER=1)."""
        self.nlp = nlp or get_nlp()
        # The shared gazetteer with its answers memoised by name (the same answers), unless
        # another one was given.
        self.gazetteer: Any = gazetteer if gazetteer is not None else _cached_gazetteer()
        use_tagger = lac.enabled() if statistical is None else statistical
        self.tagger = lac.shared_tagger() if use_tagger else None

    def extract(self, article: Article) -> Extraction:
        """Entities and relations of one normalized article."""
        doc = self.nlp(article.text)
        sents = list(sentences(doc))
        tagger = self.tagger.spans if self.tagger is not None else None
        found = find_mentions(doc, article.title or "", tagger=tagger)
        entities = resolve_mentions(found.mentions, article.text, script=article.script)
        relations = extract_relations(article.text, sents, found.mentions)
        entities = _with_relation_ends(entities, relations)
        relations += part_of(entities, self.gazetteer)
        quantities = article_quantities(sents, found.mentions, relations, article.text)
        return Extraction(article=article, entities=tuple(entities), relations=tuple(relations),
                          quantities=tuple(quantities))

    def extract_many(
        self, articles: Iterable[Article], progress: bool = False, stream: TextIO | None = None
    ) -> Iterator[Extraction]:
        """Extract articles one at a time (nothing is held back), progress on stderr."""
        out = stream or sys.stderr
        started = time.perf_counter()
        chars = 0
        for n, article in enumerate(articles, 1):
            extraction = self.extract(article)
            chars += len(article.text)
            if progress and (n % 10 == 0 or n == 1):
                rate = chars / max(time.perf_counter() - started, 1e-9)
                print(
                    f"\rextracted {n} article(s), {rate:,.0f} chars/s", end="", file=out, flush=True
                )
            yield extraction
        if progress:
            print(file=out)


_shared: Extractor | None = None


def shared_extractor() -> Extractor:
    """One Extractor per process, built on first use (models are never loaded at import)."""
    global _shared
    if _shared is None:
        _shared = Extractor()
    return _shared


def extract(article: Article) -> Extraction:
    """Entities and relations of one normalized article, with the shared Extractor."""
    return shared_extractor().extract(article)


def extract_many(
    articles: Iterable[Article], progress: bool = False, stream: TextIO | None = None
) -> Iterator[Extraction]:
    """Extract articles one at a time with the shared Extractor."""
    return shared_extractor().extract_many(articles, progress, stream)


def _with_relation_ends(entities: list[Entity], relations: list[Relation]) -> list[Entity]:
    """Every relation end is an entity (an owner named only by a platform's prefix, say)."""
    known = {(e.label, e.name) for e in entities}
    out = list(entities)
    for r in relations:
        for label, name in ((r.head_label, r.head), (r.tail_label, r.tail)):
            if (label, name) not in known:
                known.add((label, name))
                out.append(Entity(label=label, name=name, mentions=0))
    return out


def part_of(entities: list[Entity], gaz: Gazetteer) -> list[Relation]:
    """PART_OF between the places of one article, from the administrative hierarchy."""
    cities = {e.name for e in entities if e.label == "City"}
    out = []
    for name in sorted(cities):
        for parent in gaz.ancestor_names(name):
            if parent in cities:
                out.append(
                    Relation(
                        type="PART_OF",
                        head=name,
                        head_label="City",
                        tail=parent,
                        tail_label="City",
                        sentence="",
                        start=0,
                        end=0,
                        method="gazetteer:hierarchy",
                        confidence=1.0,
                    )
                )
                break
    return out
