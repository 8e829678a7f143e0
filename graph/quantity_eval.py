"""Scoring extracted quantities against hand-annotated ones (`iikg eval-quantities`).

A gold file is a tab-separated table with the columns `file` (the article's file name), `offset`,
`text`, `value`, `unit`, `kind` and `about` (the name of the entity the number describes, empty
when it describes no named entity: the article). Lines starting with `#` are comments.

Two scores, each with precision, recall and F1, per kind and over all kinds:

- **value+kind**: a prediction matches a gold quantity of its article with the same value and
  kind (each gold quantity matched once);
- **value+kind+about**: the same, and what it describes agrees: the gold name is the predicted
  entity's name or one of its aliases (for a quantity of a relationship, either end's), or both
  describe the article.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import UsageError
from graph.evaluate import Counts, micro
from graph.model import QUANTITY_KINDS, Extraction

GOLD_COLUMNS = ("file", "offset", "text", "value", "unit", "kind", "about")


@dataclass(frozen=True)
class GoldQuantity:
    offset: int
    text: str
    value: float
    kind: str
    about: str


@dataclass
class QuantityScore:
    """value+kind and value+kind+about counts, per kind."""

    values: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    about: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))

    def to_json(self) -> dict[str, Any]:
        return {
            name: {**{k: v.to_json() for k, v in sorted(table.items())},
                   "micro": micro(table).to_json()}
            for name, table in (("value_kind", self.values), ("value_kind_about", self.about))
        }


def load_gold(paths: Iterable[str | Path]) -> dict[str, list[GoldQuantity]]:
    """file name → its gold quantities, from one or more gold tables."""
    gold: dict[str, list[GoldQuantity]] = defaultdict(list)
    for path in paths:
        path = Path(path)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise UsageError(f"--gold {path}: cannot read it: {exc.strerror or exc}") from exc
        rows = [line for line in lines if line.strip() and not line.startswith("#")]
        for n, row in enumerate(csv.reader(rows, delimiter="\t"), 1):
            if row and row[0] == "file":
                continue
            if len(row) != len(GOLD_COLUMNS):
                raise UsageError(f"--gold {path}: row {n} has {len(row)} columns, expected "
                                 f"{len(GOLD_COLUMNS)} ({', '.join(GOLD_COLUMNS)})")
            item = dict(zip(GOLD_COLUMNS, row, strict=True))
            if item["kind"] not in QUANTITY_KINDS:
                raise UsageError(f"--gold {path}: row {n}: kind {item['kind']!r} is not one of "
                                 f"{', '.join(QUANTITY_KINDS)}")
            try:
                gold[item["file"]].append(GoldQuantity(
                    int(item["offset"]), item["text"], float(item["value"]), item["kind"],
                    item["about"].strip()))
            except ValueError as exc:
                raise UsageError(f"--gold {path}: row {n}: {exc}") from exc
    return dict(gold)


def _about_forms(extraction: Extraction, about: dict[str, str]) -> set[str]:
    """The names a prediction's subject goes by (empty set: the article)."""
    aliases: dict[tuple[str, str], set[str]] = {
        (e.label, e.name): {e.name, *e.aliases} for e in extraction.entities
    }
    if "type" in about:
        ends = ((about["head_label"], about["head"]), (about["tail_label"], about["tail"]))
    elif about:
        ends = ((about["label"], about["name"]),)
    else:
        return set()
    forms: set[str] = set()
    for end in ends:
        forms |= aliases.get(end, {end[1]})
    return forms


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def score_article(extraction: Extraction, gold: list[GoldQuantity]) -> QuantityScore:
    """Greedy one-to-one matching of the article's predicted and gold quantities, in text order."""
    score = QuantityScore()
    predicted = [(q, _about_forms(extraction, q.about)) for q in extraction.quantities]
    for with_about, table in ((False, score.values), (True, score.about)):
        used: set[int] = set()
        for g in gold:
            table[g.kind].gold += 1
            for i, (q, forms) in enumerate(predicted):
                if i in used or q.kind != g.kind or not _same(float(q.value), g.value):
                    continue
                if with_about and not (g.about in forms if g.about else not forms):
                    continue
                used.add(i)
                table[g.kind].gold_ok += 1
                break
        for i, (q, _) in enumerate(predicted):
            table[q.kind].pred += 1
            table[q.kind].pred_ok += i in used
    return score


def score_all(
    pairs: Iterable[tuple[str, Extraction]], gold: dict[str, list[GoldQuantity]]
) -> tuple[QuantityScore, list[str]]:
    """Score (file name, extraction) pairs whose file has gold; returns the score and the gold
    files no extraction was given for (scored as all misses)."""
    total = QuantityScore()
    seen: set[str] = set()
    for name, extraction in pairs:
        if name not in gold:
            continue
        seen.add(name)
        one = score_article(extraction, gold[name])
        for mine, theirs in ((total.values, one.values), (total.about, one.about)):
            for kind, counts in theirs.items():
                mine[kind].add(counts)
    missing = sorted(set(gold) - seen)
    for name in missing:
        for g in gold[name]:
            total.values[g.kind].gold += 1
            total.about[g.kind].gold += 1
    return total, missing


def format_score(score: QuantityScore) -> str:
    """A table: one row per kind and a micro row, for value+kind and value+kind+about."""
    lines = [f"{'kind':10} {'match':18} {'pred':>5} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for name, table in (("value+kind", score.values), ("value+kind+about", score.about)):
        rows = [(k, table[k]) for k in QUANTITY_KINDS if k in table]
        rows.append(("micro", micro(table)))
        for kind, c in rows:
            lines.append(f"{kind:10} {name:18} {c.pred:5d} {c.gold:5d} {c.precision:6.3f} "
                         f"{c.recall:6.3f} {c.f1:6.3f}")
    return "\n".join(lines) + "\n"
