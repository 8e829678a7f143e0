"""Relationship extraction: one small rule set per type, run sentence by sentence.

`extract_relations(text, sentences, mentions)` returns deduplicated `graph.model.Relation`s, each
with the sentence that supports it. The schema's allowed ends (graph.model.SCHEMA, documented in
docs/graph-model.md) are enforced here, so a rule can never emit, say, EMPOWERS from a Policy.
"""

from __future__ import annotations

from collections.abc import Callable

from graph.model import SCHEMA, Relation, canonical_ends
from loaders.extract.entities import Mention
from loaders.extract.nlp import Sentence
from loaders.extract.relations import (
    developed_by,
    empowers,
    events,
    issued_by,
    located_in,
    participates_in,
    partners_with,
    signed_with,
    subsidiary_of,
    works_for,
)
from loaders.extract.relations.base import ArticleViews, build_views

RULE_SETS: tuple[Callable[[ArticleViews], list[Relation]], ...] = (
    signed_with.find,
    partners_with.find,
    issued_by.find,
    developed_by.find,
    events.find,
    empowers.find,
    located_in.find,
    subsidiary_of.find,
    participates_in.find,
    works_for.find,
)


def extract_relations(
    text: str, sentences: list[Sentence], mentions: list[Mention]
) -> list[Relation]:
    """All relations of one article, one per (type, head, tail), best-supported first."""
    views = build_views(text, sentences, mentions)
    found: list[Relation] = []
    for rule_set in RULE_SETS:
        found.extend(rule_set(views))
    return _clean(found)


def _clean(found: list[Relation]) -> list[Relation]:
    best: dict[tuple[str, tuple[str, str], tuple[str, str]], Relation] = {}
    for r in found:
        rel_type = r.type
        ends = SCHEMA[rel_type]  # (RelationType.allows, read inline: one pass per relation)
        if r.head_label not in ends.heads or r.tail_label not in ends.tails:
            continue
        head, tail = (r.head_label, r.head), (r.tail_label, r.tail)
        if head == tail:
            continue
        key = (rel_type, *canonical_ends(rel_type, head, tail))
        kept = best.get(key)
        if kept is None or r.confidence > kept.confidence:
            best[key] = r
    signed: set[frozenset[tuple[str, str]]] = set()
    developing: set[tuple[str, str]] = set()
    hosting: set[tuple[str, str]] = set()
    for r in best.values():
        if r.type == "SIGNED_WITH":
            signed.add(frozenset(((r.head_label, r.head), (r.tail_label, r.tail))))
        elif r.type == "DEVELOPED_BY" and r.method == "rule:developed_by_pair":
            developing.add((r.head, r.tail))
        if r.method == "rule:hosted_by":
            hosting.add((r.tail, r.head))
    kept = []
    taking_part: set[tuple[str, str]] = set()
    for r in best.values():
        # A party taking part in a project it agreed on is not also its developer, unless the
        # text says the parties develop it together (双方…共同开发X): then it develops it.
        if r.method == "rule:participates_signing" and (r.tail, r.head) in developing:
            continue
        if r.type == "PARTICIPATES_IN":
            if (r.head, r.tail) in hosting:
                continue  # an event's organisers do not also take part in it (T42)
            taking_part.add((r.tail, r.head))
        kept.append(r)
    out = [
        r
        for r in kept
        if not (r.type == "DEVELOPED_BY" and (r.head, r.tail) in taking_part)
        and not (
            r.type == "PARTNERS_WITH"
            and frozenset(((r.head_label, r.head), (r.tail_label, r.tail))) in signed
        )
    ]
    return sorted(out, key=lambda r: (r.start, r.type))
