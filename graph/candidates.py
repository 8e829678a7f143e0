"""Likely duplicate entities for review (`iikg resolve candidates`), ranked, with the reason.

Pairs are found by four tests, each with a score in 0..1 (a pair found by several keeps the
highest):

- ``same name``: one name under two labels (0.9);
- ``shared alias``: the name of one is an alias of the other (0.95), or they share an alias
  (0.85), same label;
- ``contains``: one name inside the other, same label, and at least one neighbour in common
  (0.6 + 0.1 per shared neighbour, at most 0.9);
- ``edit distance``: names of four or more characters, same label, similar by rapidfuzz's
  normalized Indel similarity (its ratio, 0.8 or more): the ratio x 0.8.

Each pair becomes a ``merge`` row of a decisions file (loaders.extract.decisions): the entity
with fewer mentions (then the shorter name) into the other, the reason in ``note``. Pairs kept
apart in a decisions file are left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from loaders.extract.decisions import Decisions

EDIT_MIN_CHARS = 4
EDIT_MIN_RATIO = 80.0  # rapidfuzz ratio (0..100)


@dataclass(frozen=True)
class Node:
    label: str
    name: str
    aliases: frozenset[str]
    mentions: int
    neighbours: frozenset[str]

    @property
    def key(self) -> tuple[str, str]:
        return self.label, self.name


@dataclass(frozen=True)
class Candidate:
    source: Node  # the entity to merge
    target: Node  # into this one
    score: float
    reason: str

    def row(self) -> dict[str, Any]:
        return {"action": "merge", "name": self.source.name, "label": self.source.label,
                "target": self.target.name, "target_label": self.target.label,
                "note": self.reason, "score": f"{self.score:.2f}"}


def nodes_from_rows(rows: Iterable[dict[str, Any]]) -> list[Node]:
    return [Node(r["label"], r["name"], frozenset(r["aliases"] or ()), int(r["mentions"] or 0),
                 frozenset(r["neighbours"] or ())) for r in rows]


def _order(a: Node, b: Node) -> tuple[Node, Node]:
    """(source, target): the entity with fewer mentions, then the shorter name, merges."""
    rank_a, rank_b = (a.mentions, len(a.name), a.name), (b.mentions, len(b.name), b.name)
    return (a, b) if rank_a < rank_b else (b, a)


class _Pairs:
    def __init__(self) -> None:
        self.best: dict[frozenset, tuple[float, str, Node, Node]] = {}

    def add(self, a: Node, b: Node, score: float, reason: str) -> None:
        if a.key == b.key:
            return
        pair = frozenset((a.key, b.key))
        if pair not in self.best or score > self.best[pair][0]:
            self.best[pair] = (round(min(score, 1.0), 3), reason, a, b)


def _same_name(nodes: list[Node], pairs: _Pairs) -> None:
    by_name: dict[str, list[Node]] = defaultdict(list)
    for n in nodes:
        by_name[n.name].append(n)
    for group in by_name.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                pairs.add(a, b, 0.9, f"same name under {a.label} and {b.label}")


def _shared_alias(by_label: dict[str, list[Node]], pairs: _Pairs) -> None:
    for nodes in by_label.values():
        names = {n.name: n for n in nodes}
        owners: dict[str, list[Node]] = defaultdict(list)
        for n in nodes:
            for alias in n.aliases:
                if alias in names and alias != n.name:
                    pairs.add(n, names[alias], 0.95, f"{alias!r} is an alias of {n.name!r}")
                owners[alias].append(n)
        for alias, group in owners.items():
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    pairs.add(a, b, 0.85, f"shared alias {alias!r}")


def _contains(by_label: dict[str, list[Node]], pairs: _Pairs) -> None:
    for nodes in by_label.values():
        names = {n.name: n for n in nodes}
        for long in nodes:
            text = long.name
            for size in range(2, len(text)):
                for start in range(len(text) - size + 1):
                    short = names.get(text[start : start + size])
                    if short is None:
                        continue
                    shared = len(short.neighbours & long.neighbours)
                    if shared:
                        pairs.add(short, long, 0.6 + 0.1 * shared,
                                  f"{short.name!r} inside {long.name!r}, {shared} shared "
                                  "neighbour(s)")


def _edit_distance(by_label: dict[str, list[Node]], pairs: _Pairs) -> None:
    for nodes in by_label.values():
        long = [n for n in nodes if len(n.name) >= EDIT_MIN_CHARS]
        if len(long) < 2:
            continue
        names = [n.name for n in long]
        for i, name in enumerate(names):
            for _, score, j in process.extract(name, names, scorer=fuzz.ratio,
                                               score_cutoff=EDIT_MIN_RATIO, limit=None):
                if j > i:
                    pairs.add(long[i], long[j], 0.8 * score / 100,
                              f"edit distance: {name!r} ~ {names[j]!r} ({score:.0f}%)")


def find_candidates(nodes: list[Node], decisions: Decisions | None = None,
                    min_score: float = 0.0) -> list[Candidate]:
    """Likely duplicate pairs, best first (score, then names)."""
    by_label: dict[str, list[Node]] = defaultdict(list)
    for n in nodes:
        by_label[n.label].append(n)
    pairs = _Pairs()
    _same_name(nodes, pairs)
    _shared_alias(by_label, pairs)
    _contains(by_label, pairs)
    _edit_distance(by_label, pairs)
    out = []
    for score, reason, a, b in pairs.best.values():
        if score < min_score or (decisions is not None and decisions.kept_apart(a.name, b.name)):
            continue
        source, target = _order(a, b)
        out.append(Candidate(source, target, score, reason))
    out.sort(key=lambda c: (-c.score, c.source.label, c.source.name, c.target.name))
    return out
