"""Likely duplicate entities for review (`iikg resolve candidates`), ranked, with the reason.

Pairs are found by four tests, each with a score in 0..1 (a pair found by several keeps the
highest):

- ``same name``: one name under two labels (0.9);
- ``shared alias``: the name of one is an alias of the other (0.95), or the two, and no third
  entity, share an alias (0.8), same label; the gazetteer (seeds/gazetteer) names one as an
  alias or short form of the other (0.95);
- ``contains``: one name inside the other, same label, and at least one neighbour in common
  (0.6 + 0.1 per shared neighbour, at most 0.9);
- ``edit distance``: names of four or more characters, same label, similar by rapidfuzz's
  normalized Indel similarity (its ratio, 0.8 or more): the ratio x 0.8.

Two names that open with different places (苏州市委, 晋城市委: read from the graph's City
names and their short forms) are never proposed by a shared alias or an edit distance. Each
pair becomes a ``merge`` row of a decisions file (loaders.extract.decisions): the entity
with fewer mentions (then the shorter name) into the other, the reason in ``note``. Pairs kept
apart in a decisions file are left out. An entity proposed for several merges gets one
(the best), the others are written commented out (``#merge``), so the file loads as it stands.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from loaders.extract.decisions import Decisions
from loaders.extract.gazetteer_entries import GazEntry, read_gazetteer_files

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

    def row(self, action: str = "merge") -> dict[str, Any]:
        return {"action": action, "name": self.source.name, "label": self.source.label,
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


class _Places:
    """The place a name opens with, from the City names of the graph and their short forms."""

    def __init__(self, nodes: list[Node]) -> None:
        self.forms: dict[str, str] = {}
        for n in nodes:
            if n.label == "City":
                for form in (n.name, *n.aliases):
                    self.forms.setdefault(form, n.name)
                    if len(form) > 2 and form[-1] in "市省区县":
                        self.forms.setdefault(form[:-1], n.name)

    def opening(self, name: str) -> str | None:
        for size in range(min(len(name) - 1, 12), 1, -1):
            place = self.forms.get(name[:size])
            if place is not None:
                return place
        return None

    def differ(self, a: str, b: str) -> bool:
        pa, pb = self.opening(a), self.opening(b)
        return pa is not None and pb is not None and pa != pb


def _shared_alias(by_label: dict[str, list[Node]], pairs: _Pairs, places: _Places) -> None:
    for nodes in by_label.values():
        names = {n.name: n for n in nodes}
        owners: dict[str, list[Node]] = defaultdict(list)
        for n in nodes:
            for alias in n.aliases:
                if alias in names and alias != n.name:
                    pairs.add(n, names[alias], 0.95, f"{alias!r} is an alias of {n.name!r}")
                owners[alias].append(n)
        for alias, group in owners.items():
            if len(group) == 2 and not places.differ(group[0].name, group[1].name):
                pairs.add(group[0], group[1], 0.8, f"shared alias {alias!r}")


def _gazetteer(by_label: dict[str, list[Node]], pairs: _Pairs,
               entries: Iterable[GazEntry]) -> None:
    index = {label: {n.name: n for n in nodes} for label, nodes in by_label.items()}
    for entry in entries:
        names = index.get(entry.label)
        if not names or entry.ambiguous or entry.name not in names:
            continue
        for form in {*entry.aliases, *([entry.short] if entry.short else [])} - {entry.name}:
            if form in names:
                pairs.add(names[form], names[entry.name], 0.95,
                          f"the gazetteer has {form!r} for {entry.name!r}")


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


def _edit_distance(by_label: dict[str, list[Node]], pairs: _Pairs, places: _Places) -> None:
    for nodes in by_label.values():
        long = [n for n in nodes if len(n.name) >= EDIT_MIN_CHARS]
        if len(long) < 2:
            continue
        names = [n.name for n in long]
        for i, name in enumerate(names):
            for _, score, j in process.extract(name, names, scorer=fuzz.ratio,
                                               score_cutoff=EDIT_MIN_RATIO, limit=None):
                if j > i and not places.differ(name, names[j]):
                    pairs.add(long[i], long[j], 0.8 * score / 100,
                              f"edit distance: {name!r} ~ {names[j]!r} ({score:.0f}%)")


def find_candidates(nodes: list[Node], decisions: Decisions | None = None,
                    min_score: float = 0.0,
                    gazetteer: Iterable[GazEntry] | None = None) -> list[Candidate]:
    """Likely duplicate pairs, best first (score, then names). `gazetteer`: its entries
    (default: the bundled gazetteer's)."""
    by_label: dict[str, list[Node]] = defaultdict(list)
    for n in nodes:
        by_label[n.label].append(n)
    pairs = _Pairs()
    places = _Places(nodes)
    entries = read_gazetteer_files().entries if gazetteer is None else gazetteer
    _same_name(nodes, pairs)
    _shared_alias(by_label, pairs, places)
    _gazetteer(by_label, pairs, entries)
    _contains(by_label, pairs)
    _edit_distance(by_label, pairs, places)
    out = []
    for score, reason, a, b in pairs.best.values():
        if score < min_score or (decisions is not None and decisions.kept_apart(a.name, b.name)):
            continue
        source, target = _order(a, b)
        out.append(Candidate(source, target, score, reason))
    out.sort(key=lambda c: (-c.score, c.source.label, c.source.name, c.target.name))
    return out


def decision_rows(candidates: Iterable[Candidate]) -> list[dict[str, Any]]:
    """The candidates as decision rows, best first; an entity already proposed for a merge
    gets its further proposals as ``#merge`` rows (skipped when the file is read)."""
    seen: set[tuple[str, str]] = set()
    rows = []
    for c in candidates:
        rows.append(c.row("#merge" if c.source.key in seen else "merge"))
        seen.add(c.source.key)
    return rows
