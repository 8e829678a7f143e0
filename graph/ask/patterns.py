"""The `// ask:` lines of the report files: how a question that a report answers is phrased.

A line is a list of terms separated by spaces; all must hold, in any order:

- ``赋能|带动|助力``: one of these words is written in the question (outside the names);
- ``!排行|排名``: none of them is;
- ``{name:Platform|Company}``: a name of an entity with one of these labels (``Entity``: any)
  fills parameter ``name`` (with its canonical name); ``{party:Entity}?``: the same, optional;
- ``{label:kind}?``: a word naming a label (企业 → Company) fills ``label`` (``part``: the same
  for city-profile's kinds, District and Agreement included); ``{type:reltype}?``:
  a word naming a relationship type (签约 → SIGNED_WITH); ``{article:quoted}``: text written
  between 《》 or quotes; ``{text:rest}``: what follows the last keyword;
- ``by=published``: a fixed value; ``since=today-7``: a value used when the question gives none
  (``today-N``: N days before today).

Dates (``since``/``until``), ``limit`` and ``hops`` are read from every question and go to the
report's parameters of those names; a pattern does not list them.

A match scores the length of the keywords it found, 3 per required name (or quoted text), 2
per optional name filled, 1 per label or type word, and loses 3 for each name of the question
it leaves unused (unless a keyword covers it) and 2 when the question gives a date or limit the
report cannot take. The router picks the best match over every report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from graph.errors import CypherLibraryError
from graph.model import ENTITY_LABELS

SLOT = re.compile(r"^\{(?P<param>[a-z_]+):(?P<what>[A-Za-z|]+)\}(?P<optional>\?)?$")
FIXED = re.compile(r"^(?P<param>[a-z_]+)=(?P<value>[^\s]+)$")
SPECIAL = ("kind", "part", "reltype", "quoted", "rest")


@dataclass(frozen=True)
class Slot:
    param: str
    what: str  # "entity", or one of SPECIAL
    labels: frozenset[str] | None  # entity labels allowed (None: any entity)
    optional: bool


@dataclass(frozen=True)
class Pattern:
    report: str
    text: str
    keywords: tuple[tuple[str, ...], ...]
    negatives: tuple[str, ...]
    slots: tuple[Slot, ...]
    fixed: tuple[tuple[str, str], ...]

    def fixed_value(self, param: str, today: date) -> str | None:
        for name, value in self.fixed:
            if name == param:
                m = re.fullmatch(r"today-(\d+)", value)
                return (today - timedelta(days=int(m[1]))).isoformat() if m else value
        return None


def parse_pattern(report: str, text: str) -> Pattern:
    keywords: list[tuple[str, ...]] = []
    negatives: list[str] = []
    slots: list[Slot] = []
    fixed: list[tuple[str, str]] = []
    where = f"cypher/reports/{report}.cypher: ask line {text!r}"
    for term in text.split():
        if term.startswith("{"):
            m = SLOT.match(term)
            if not m:
                raise CypherLibraryError(f"{where}: cannot read {term!r}")
            what = m["what"]
            if what in SPECIAL:
                slots.append(Slot(m["param"], what, None, bool(m["optional"])))
                continue
            labels = frozenset(what.split("|"))
            unknown = labels - set(ENTITY_LABELS) - {"Entity"}
            if unknown:
                raise CypherLibraryError(f"{where}: unknown label(s) {', '.join(sorted(unknown))}")
            slots.append(Slot(m["param"], "entity", None if "Entity" in labels else labels,
                              bool(m["optional"])))
        elif term.startswith("!"):
            negatives.extend(w for w in term[1:].split("|") if w)
        elif (m := FIXED.match(term)) is not None:
            fixed.append((m["param"], m["value"]))
        else:
            keywords.append(tuple(sorted((w for w in term.split("|") if w), key=len,
                                         reverse=True)))
    if not keywords and not slots:
        raise CypherLibraryError(f"{where}: a pattern needs a keyword or a name")
    # names of fewer labels are filled first, so a City goes to `city` before `party` takes it
    slots.sort(key=lambda s: (s.what != "entity", len(s.labels or ENTITY_LABELS) + 99 *
                              (s.labels is None)))
    return Pattern(report, text, tuple(keywords), tuple(negatives), tuple(slots), tuple(fixed))
