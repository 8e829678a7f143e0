"""Typed values passed between the stages: Article → Extraction → Neo4j.

The label and relationship-type whitelists live here. Anything that reaches a Cypher string as a
label or type must come from these sets, never from article text or user input.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

ENTITY_LABELS: tuple[str, ...] = (
    "Platform",
    "City",
    "Company",
    "Agency",
    "Organization",
    "Policy",
    "Project",
    "Person",
)
ARTICLE_LABEL = "Article"
NODE_LABELS: frozenset[str] = frozenset(ENTITY_LABELS) | {ARTICLE_LABEL}
# Bodies that sign, partner, employ and take part: the ends of SIGNED_WITH and PARTNERS_WITH.
ORG_LABELS: frozenset[str] = frozenset({"Company", "Platform", "Agency", "Organization", "City"})


@dataclass(frozen=True)
class RelationType:
    """One relationship type of the graph model: its allowed head and tail labels."""

    name: str
    heads: frozenset[str]
    tails: frozenset[str]
    symmetric: bool = False

    def allows(self, head_label: str, tail_label: str) -> bool:
        return head_label in self.heads and tail_label in self.tails


def _rt(name: str, heads: set[str], tails: set[str], symmetric: bool = False) -> RelationType:
    return RelationType(name, frozenset(heads), frozenset(tails), symmetric)


# The relationship types of docs/graph-model.md, in its order, with their allowed ends.
SCHEMA: dict[str, RelationType] = {
    t.name: t
    for t in (
        _rt(
            "EMPOWERS",
            {"Platform", "Company", "Organization"},
            {"Company", "Organization", "Agency", "City", "Project"},
        ),
        _rt("SIGNED_WITH", set(ORG_LABELS), set(ORG_LABELS), symmetric=True),
        _rt("ISSUED_BY", {"Policy"}, {"Agency", "City", "Organization"}),
        _rt(
            "DEVELOPED_BY",
            {"Platform", "Project"},
            {"Company", "Agency", "Organization", "City", "Platform"},
        ),
        _rt("PARTNERS_WITH", set(ORG_LABELS), set(ORG_LABELS), symmetric=True),
        _rt(
            "LOCATED_IN",
            {"Company", "Agency", "Organization", "Project", "Platform"},
            {"City"},
        ),
        _rt("PART_OF", {"City"}, {"City"}),
        _rt("SUBSIDIARY_OF", {"Company", "Platform"}, {"Company"}),
        _rt("PARTICIPATES_IN", {"Company", "Agency", "Organization", "Platform"}, {"Project"}),
        _rt("WORKS_FOR", {"Person"}, {"Company", "Agency", "Organization", "City"}),
    )
}
RELATION_TYPES: tuple[str, ...] = tuple(SCHEMA)
SYMMETRIC_TYPES: frozenset[str] = frozenset(t.name for t in SCHEMA.values() if t.symmetric)
MENTIONS = "MENTIONS"
# (:Article)-[:DUPLICATE_OF {similarity}]->(:Article): a near-duplicate (graph/dedup.py) points
# to the first article of its group; relationships count `sources` over the groups' outlets.
DUPLICATE_OF = "DUPLICATE_OF"
# Evidence: one node per supporting sentence, linked from its article (cypher/README.md).
EVIDENCE_LABEL = "Evidence"
HAS_EVIDENCE = "HAS_EVIDENCE"
# The key of the ingest write lock (cypher/write/ingest-lock.cypher): never a stored node.
INGEST_LOCK_LABEL = "IngestLock"
EVIDENCE_FIELDS = ("article", "sentence", "start", "end", "method", "confidence", "date", "title")
# Quantities: one node per number read in an article (docs/graph-model.md, *Quantities*),
# linked from its article and to the entity it describes; one that describes a relationship
# holds the relationship's key in `rel`.
QUANTITY_LABEL = "Quantity"
HAS_QUANTITY = "HAS_QUANTITY"
QUANTIFIES = "QUANTIFIES"
QUANTITY_KINDS = ("money", "count", "percent", "capacity")
# Analysis properties `iikg analyze` writes on entities (graph/analyze.py).
ANALYSIS_PROPERTIES = ("pagerank", "betweenness", "community")


def canonical_ends(
    rel_type: str, head: tuple[str, str], tail: tuple[str, str]
) -> tuple[tuple[str, str], tuple[str, str]]:
    """The stored direction of a relationship between (label, name) ends: as given, except for
    a symmetric type, whose ends are ordered by (name, label) so both directions are one edge."""
    if rel_type in SYMMETRIC_TYPES and (tail[1], tail[0]) < (head[1], head[0]):
        return tail, head
    return head, tail


def check_label(label: str) -> str:
    """Return `label` if it is a whitelisted node label, else raise ValueError."""
    if label not in NODE_LABELS:
        raise ValueError(f"unknown node label: {label!r}")
    return label


def check_relation_type(rel_type: str) -> str:
    """Return `rel_type` if it is a whitelisted relationship type, else raise ValueError."""
    if rel_type not in RELATION_TYPES and rel_type not in (MENTIONS, DUPLICATE_OF):
        raise ValueError(f"unknown relationship type: {rel_type!r}")
    return rel_type


@dataclass(frozen=True)
class Article:
    """One source document, normalized to Simplified Chinese text plus metadata."""

    id: str
    title: str
    text: str
    date: str | None = None  # ISO 8601 date, e.g. "2022-08-12"
    source: str | None = None
    author: str | None = None
    editor: str | None = None  # 责任编辑 credit, when the article names one
    url: str | None = None
    path: str | None = None
    script: str = "zh-Hans"  # script of the original: zh-Hans or zh-Hant
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    quality: dict[str, int] = field(default_factory=dict)

    def meta(self) -> dict[str, Any]:
        """Metadata as written in the extraction JSON (`article` object), without the text."""
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "text"}
        data["categories"] = list(self.categories)
        data["tags"] = list(self.tags)
        data["quality"] = dict(self.quality)
        return data


# Entity, Relation and Quantity are built by the hundred per article: with slots a frozen
# instance is built about twice as fast.
@dataclass(frozen=True, slots=True)
class Entity:
    label: str
    name: str
    aliases: tuple[str, ...] = ()
    mentions: int = 1
    properties: dict[str, Any] = field(default_factory=dict)  # e.g. City level

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "label": self.label,
            "name": self.name,
            "aliases": list(self.aliases),
            "mentions": self.mentions,
        }
        data.update(self.properties)
        return data


@dataclass(frozen=True, slots=True)
class Relation:
    type: str
    head: str
    head_label: str
    tail: str
    tail_label: str
    sentence: str
    start: int
    end: int
    method: str
    confidence: float
    properties: dict[str, Any] = field(default_factory=dict)  # e.g. WORKS_FOR title

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "type": self.type,
            "head": self.head,
            "head_label": self.head_label,
            "tail": self.tail,
            "tail_label": self.tail_label,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "method": self.method,
            "confidence": self.confidence,
        }
        data.update(self.properties)
        return data


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number read in a sentence: `value` normalized (4.5亿元 → 450000000, unit 元), its `kind`
    (QUANTITY_KINDS), the `text` as written, the `aspect` its clause names (investment, signing,
    …; `trigger` the word) and what it describes, `about`: an entity {label, name}, a
    relationship {type, head_label, head, tail_label, tail}, or {} for the article itself.
    `offset` is where the text starts in the article, `start`/`end` the sentence's span."""

    value: int | float
    unit: str
    kind: str
    text: str
    aspect: str
    trigger: str
    offset: int
    sentence: str
    start: int
    end: int
    about: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}  # asdict's deep copy: slow
        data["about"] = dict(self.about)
        return data


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article: the unit written as one JSON Lines record."""

    article: Article
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    quantities: tuple[Quantity, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "article": self.article.meta(),
            "entities": [e.to_json() for e in self.entities],
            "relations": [r.to_json() for r in self.relations],
        }
        if self.quantities:
            data["quantities"] = [q.to_json() for q in self.quantities]
        return data
