"""Helpers for the extraction rule tests: run the extractor on one invented text and read its
entities and relations."""

from __future__ import annotations

from graph.model import Article, Extraction
from loaders.extract.pipeline import extract


def run(text: str, title: str = "") -> Extraction:
    return extract(Article(id="t", title=title, text=text))


def names(extraction: Extraction, label: str) -> set[str]:
    return {e.name for e in extraction.entities if e.label == label}


def forms(extraction: Extraction, label: str) -> set[str]:
    """Names and aliases of the entities of one label."""
    out: set[str] = set()
    for e in extraction.entities:
        if e.label == label:
            out |= {e.name, *e.aliases}
    return out


def pairs(extraction: Extraction, rel_type: str) -> set[tuple[str, str]]:
    return {(r.head, r.tail) for r in extraction.relations if r.type == rel_type}


def sym(extraction: Extraction, rel_type: str) -> set[frozenset[str]]:
    return {frozenset((r.head, r.tail)) for r in extraction.relations if r.type == rel_type}


def titles(extraction: Extraction) -> dict[tuple[str, str], str]:
    """WORKS_FOR (person, organisation) → title."""
    return {
        (r.head, r.tail): r.properties.get("title", "")
        for r in extraction.relations
        if r.type == "WORKS_FOR"
    }
