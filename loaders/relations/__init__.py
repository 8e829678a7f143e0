"""Relationship extraction: one small rule set per type, run sentence by sentence.

`extract_relations(text, sentences, mentions)` returns deduplicated `graph.model.Relation`s, each
with the sentence that supports it. The type signatures of graph-model.md are enforced here, so a
rule can never emit, say, EMPOWERS from a Policy.
"""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Relation
from loaders.entities import Mention
from loaders.nlp import Sentence
from loaders.relations import (
    developed_by,
    empowers,
    issued_by,
    located_in,
    participates_in,
    partners_with,
    signed_with,
    subsidiary_of,
    works_for,
)
from loaders.relations.base import SentenceView, build_views

ORGS = frozenset({"Company", "Platform", "Agency", "City"})
# (allowed head labels, allowed tail labels) per type, from graph-model.md.
SIGNATURES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "EMPOWERS": (frozenset({"Platform", "Company"}), frozenset({"Company", "City", "Project"})),
    "SIGNED_WITH": (ORGS, ORGS),
    "ISSUED_BY": (frozenset({"Policy"}), frozenset({"Agency", "City"})),
    "DEVELOPED_BY": (
        frozenset({"Platform", "Project"}),
        frozenset({"Company", "Agency", "City", "Platform"}),
    ),
    "PARTNERS_WITH": (ORGS, ORGS),
    "LOCATED_IN": (frozenset({"Company", "Agency", "Project", "Platform"}), frozenset({"City"})),
    "PART_OF": (frozenset({"City"}), frozenset({"City"})),
    "SUBSIDIARY_OF": (frozenset({"Company", "Platform"}), frozenset({"Company"})),
    "PARTICIPATES_IN": (frozenset({"Company", "Agency", "Platform"}), frozenset({"Project"})),
    "WORKS_FOR": (frozenset({"Person"}), frozenset({"Company", "Agency"})),
}
SYMMETRIC = frozenset({"SIGNED_WITH", "PARTNERS_WITH"})

RULE_SETS: tuple[Callable[[list[SentenceView]], list[Relation]], ...] = (
    signed_with.find,
    partners_with.find,
    issued_by.find,
    developed_by.find,
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


def _key(r: Relation) -> tuple[str, str, str, str, str]:
    ends = [(r.head_label, r.head), (r.tail_label, r.tail)]
    if r.type in SYMMETRIC:
        ends.sort()
    return (r.type, ends[0][0], ends[0][1], ends[1][0], ends[1][1])


def _clean(found: list[Relation]) -> list[Relation]:
    best: dict[tuple[str, str, str, str, str], Relation] = {}
    for r in found:
        heads, tails = SIGNATURES[r.type]
        if r.head_label not in heads or r.tail_label not in tails:
            continue
        if (r.head_label, r.head) == (r.tail_label, r.tail):
            continue
        key = _key(r)
        if key not in best or r.confidence > best[key].confidence:
            best[key] = r
    signed = {
        frozenset(((r.head_label, r.head), (r.tail_label, r.tail)))
        for r in best.values()
        if r.type == "SIGNED_WITH"
    }
    # A party taking part in a project it agreed on is not also its developer (R3).
    taking_part = {(r.tail, r.head) for r in best.values() if r.type == "PARTICIPATES_IN"}
    best = {
        k: r
        for k, r in best.items()
        if not (r.type == "DEVELOPED_BY" and (r.head, r.tail) in taking_part)
    }
    out = [
        r
        for r in best.values()
        if not (
            r.type == "PARTNERS_WITH"
            and frozenset(((r.head_label, r.head), (r.tail_label, r.tail))) in signed
        )
    ]
    return sorted(out, key=lambda r: (r.start, r.type))
