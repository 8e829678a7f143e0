"""Article → Extraction: sentences, entity mentions, resolved entities, relations with evidence.

    from loaders.pipeline import extract, extract_many
    extraction = extract(article)                 # one article
    for item in extract_many(articles): ...       # streaming, progress on stderr

The spaCy pipeline and the gazetteer load on the first call (a few seconds), then stay cached.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import TextIO

from graph.model import Article, Entity, Extraction, Relation
from graph.resolve import resolve_mentions
from loaders.entities import find_mentions
from loaders.nlp import get_nlp, sentences
from loaders.relations import extract_relations


def extract(article: Article) -> Extraction:
    """Entities and relations of one normalized article."""
    nlp = get_nlp()
    doc = nlp(article.text)
    sents = list(sentences(doc))
    found = find_mentions(doc, article.title or "")
    entities = resolve_mentions(found.mentions, article.text, script=article.script)
    relations = extract_relations(article.text, sents, found.mentions)
    entities = _with_relation_ends(entities, relations)
    relations += part_of(entities)
    return Extraction(article=article, entities=tuple(entities), relations=tuple(relations))


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


def part_of(entities: list[Entity]) -> list[Relation]:
    """PART_OF between the places of one article, from the administrative hierarchy."""
    from loaders.gazetteer import load_gazetteer

    gaz = load_gazetteer()
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


def extract_many(
    articles: Iterable[Article], progress: bool = False, stream: TextIO | None = None
) -> Iterator[Extraction]:
    """Extract articles one at a time (nothing is held back), reporting progress on stderr."""
    out = stream or sys.stderr
    started = time.perf_counter()
    chars = 0
    for n, article in enumerate(articles, 1):
        extraction = extract(article)
        chars += len(article.text)
        if progress and (n % 10 == 0 or n == 1):
            rate = chars / max(time.perf_counter() - started, 1e-9)
            print(f"\rextracted {n} article(s), {rate:,.0f} chars/s", end="", file=out, flush=True)
        yield extraction
    if progress:
        print(file=out)
