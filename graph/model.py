"""Typed values passed between the stages: Article → Extraction → Neo4j.

The label and relationship-type whitelists live here. Anything that reaches a Cypher string as a
label or type must come from these sets, never from article text or user input.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ENTITY_LABELS: tuple[str, ...] = (
    "Platform",
    "City",
    "Company",
    "Agency",
    "Policy",
    "Project",
    "Person",
)
ARTICLE_LABEL = "Article"
NODE_LABELS: frozenset[str] = frozenset(ENTITY_LABELS) | {ARTICLE_LABEL}

RELATION_TYPES: tuple[str, ...] = (
    "EMPOWERS",
    "SIGNED_WITH",
    "ISSUED_BY",
    "DEVELOPED_BY",
    "PARTNERS_WITH",
    "LOCATED_IN",
    "PART_OF",
    "SUBSIDIARY_OF",
    "PARTICIPATES_IN",
    "WORKS_FOR",
)
MENTIONS = "MENTIONS"
# Evidence: one node per supporting sentence, linked from its article (cypher/README.md).
EVIDENCE_LABEL = "Evidence"
HAS_EVIDENCE = "HAS_EVIDENCE"
EVIDENCE_FIELDS = ("article", "sentence", "start", "end", "method", "confidence", "date", "title")
SYMMETRIC_TYPES: frozenset[str] = frozenset({"SIGNED_WITH", "PARTNERS_WITH"})


def check_label(label: str) -> str:
    """Return `label` if it is a whitelisted node label, else raise ValueError."""
    if label not in NODE_LABELS:
        raise ValueError(f"unknown node label: {label!r}")
    return label


def check_relation_type(rel_type: str) -> str:
    """Return `rel_type` if it is a whitelisted relationship type, else raise ValueError."""
    if rel_type not in RELATION_TYPES and rel_type != MENTIONS:
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
        data = asdict(self)
        del data["text"]
        data["categories"] = list(self.categories)
        data["tags"] = list(self.tags)
        return data


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article: the unit written as one JSON Lines record."""

    article: Article
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article.meta(),
            "entities": [e.to_json() for e in self.entities],
            "relations": [r.to_json() for r in self.relations],
        }
