"""The names in a question: which entities of the graph it mentions, and where.

A `Lexicon` proposes candidate entities for a question (`GraphLexicon`: the graph's full-text
index `entity_names` over names and aliases, queried with the question's words, plus exact
name look-ups of its substrings; `StaticLexicon`: a fixed list, for tests). `recognise` keeps
the candidates one of whose surface forms (the name, an alias, a city name without 市/省/区/县)
is written in the question, and picks non-overlapping mentions, longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

import cypher
from graph.ask.words import normalize

_PLACE_SUFFIX = re.compile(r"^(?P<stem>.{2,}?)(?:市|省|自治区|特别行政区|地区|区|县)$")
_MAX_GRAM = 16


@dataclass(frozen=True)
class Candidate:
    name: str
    label: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0

    def surfaces(self) -> set[str]:
        """The ways a question may write this entity (normalized like a question)."""
        forms = {self.name, *self.aliases}
        if self.label == "City":
            for form in list(forms):
                m = _PLACE_SUFFIX.match(form)
                if m:
                    forms.add(m["stem"])
        return {normalize(f) for f in forms if len(normalize(f)) >= 2}


@dataclass(frozen=True)
class Mention:
    """A span of the (normalized) question naming one or more entities; `options` are the
    possible readings, best first (the name written in full before an alias, then the most
    mentioned)."""

    start: int
    end: int
    surface: str
    options: tuple[Candidate, ...]

    def reading(self, labels: frozenset[str] | None) -> Candidate | None:
        for option in self.options:
            if labels is None or option.label in labels:
                return option
        return None


class Lexicon(Protocol):
    def candidates(self, question: str) -> list[Candidate]: ...


class StaticLexicon:
    """A fixed list of entities (tests, or a caller that has them at hand)."""

    def __init__(self, entities: Iterable[Candidate]) -> None:
        self.entities = list(entities)

    def candidates(self, question: str) -> list[Candidate]:
        return self.entities


def lucene_words(question: str) -> str:
    """The question as a full-text query: its words only (no Lucene syntax survives)."""
    return " ".join(re.findall(r"\w+", normalize(question)))


def substrings(question: str) -> list[str]:
    """Every substring of 2 to 16 characters of the normalized question, for exact look-ups."""
    text = normalize(question)
    grams = {text[i:j] for i in range(len(text))
             for j in range(i + 2, min(len(text), i + _MAX_GRAM) + 1)}
    return sorted(grams)


class GraphLexicon:
    """Candidates from the graph: the full-text index over names and aliases, and exact names."""

    def __init__(self, graph: Any, limit: int = 100) -> None:
        self.graph, self.limit = graph, limit

    def candidates(self, question: str) -> list[Candidate]:
        words = lucene_words(question)
        if not words:
            return []
        rows = self.graph.run_read(
            cypher.read_query("ask-entities"),
            {"words": words, "grams": substrings(question), "limit": self.limit},
        )
        return [Candidate(r["name"], r["label"], tuple(r["aliases"] or ()), r["mentions"] or 0)
                for r in rows]


def recognise(question: str, candidates: Iterable[Candidate]) -> list[Mention]:
    """Non-overlapping mentions of the candidates in the normalized question, in order."""
    text = normalize(question)
    spans: dict[tuple[int, int], list[tuple[int, int, Candidate]]] = {}
    for cand in candidates:
        for surface in cand.surfaces():
            start = text.find(surface)
            while start >= 0:
                exact = 0 if surface == normalize(cand.name) else 1
                spans.setdefault((start, start + len(surface)), []).append(
                    (exact, -cand.mentions, cand))
                start = text.find(surface, start + 1)
    chosen: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for (start, end) in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if any(start < e and s < end for s, e in taken):
            continue
        ranked = sorted(spans[(start, end)], key=lambda x: (x[0], x[1], x[2].label, x[2].name))
        options: list[Candidate] = []
        for _, _, cand in ranked:
            if cand not in options:
                options.append(cand)
        taken.append((start, end))
        chosen.append(Mention(start, end, text[start:end], tuple(options)))
    return sorted(chosen, key=lambda m: m.start)
