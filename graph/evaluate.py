"""Score extractions against gold annotations, with the rule of docs/graph-model.md.

An entity matches when its label agrees and its name or any alias equals the gold name or any
gold alias. A relationship matches when its type agrees and both ends match, the ends being
compared through the entities' alias sets (either order for SIGNED_WITH and PARTNERS_WITH).
MENTIONS, PART_OF and Article nodes are not scored.

Precision counts the predicted items that match some gold item; recall counts the gold items
that some prediction matches. Per-label / per-type figures and micro averages (over all items)
are reported. Predicted relations are also counted per `method` (the rule that produced them):
predictions and correct ones, hence the precision of each rule (`iikg eval --by-method`; the
source of `loaders/extract/relations/confidence.csv`). Scores can be summed per group of gold
files named in a table (`load_groups`, `group_scores`: `iikg eval --group-by FILE:COLUMN`).

A gold file pairs with the input file of the same stem. When that input did not load or did not
extract, the gold file still counts: all its entities and relations are misses (false
negatives), so a loader that skips a file cannot raise the score. `Evaluation` keeps the tally
and names those gold files.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.model import SYMMETRIC_TYPES

UNSCORED_TYPES = frozenset({"MENTIONS", "PART_OF"})


@dataclass
class Counts:
    pred: int = 0
    pred_ok: int = 0  # predictions that match some gold item
    gold: int = 0
    gold_ok: int = 0  # gold items matched by some prediction

    def add(self, other: Counts) -> None:
        self.pred += other.pred
        self.pred_ok += other.pred_ok
        self.gold += other.gold
        self.gold_ok += other.gold_ok

    @property
    def precision(self) -> float:
        return self.pred_ok / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.gold_ok / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, float | int]:
        return {
            "pred": self.pred,
            "pred_ok": self.pred_ok,
            "gold": self.gold,
            "gold_ok": self.gold_ok,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def micro(table: dict[str, Counts]) -> Counts:
    """The sum of a table's counts: micro-averaged precision, recall and F1."""
    total = Counts()
    for c in table.values():
        total.add(c)
    return total


@dataclass
class Score:
    entities: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    relations: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    # Predicted relations by method: only `pred` and `pred_ok` are counted (gold has no method).
    methods: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    # Items that did not match, for inspection: (kind, key, description).
    misses: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for k, c in other.entities.items():
            self.entities[k].add(c)
        for k, c in other.relations.items():
            self.relations[k].add(c)
        for k, c in other.methods.items():
            self.methods[k].add(c)
        self.misses.extend(other.misses)

    @property
    def entity_micro(self) -> Counts:
        return micro(self.entities)

    @property
    def relation_micro(self) -> Counts:
        return micro(self.relations)

    def to_json(self) -> dict[str, Any]:
        return {
            "entities": {
                **{k: v.to_json() for k, v in sorted(self.entities.items())},
                "micro": self.entity_micro.to_json(),
            },
            "relations": {
                **{k: v.to_json() for k, v in sorted(self.relations.items())},
                "micro": self.relation_micro.to_json(),
            },
        }


def _forms(item: dict[str, Any]) -> set[str]:
    return {item["name"], *item.get("aliases", ())}


def score_one(pred: dict[str, Any], gold: dict[str, Any]) -> Score:
    """Score one extraction (the JSON shape of docs/graph-model.md) against one gold file's data."""
    score = Score()
    pred_entities = [e for e in pred.get("entities", []) if e.get("label") != "Article"]
    gold_entities = gold.get("entities", [])
    for e in pred_entities:
        forms = _forms(e)
        ok = any(g["label"] == e["label"] and forms & _forms(g) for g in gold_entities)
        _tally(score, "entity", e["label"], e["name"], ok, predicted=True)
    for g in gold_entities:
        forms = _forms(g)
        ok = any(e["label"] == g["label"] and forms & _forms(e) for e in pred_entities)
        _tally(score, "entity", g["label"], g["name"], ok, predicted=False)

    pred_forms: dict[tuple[str, str], set[str]] = {
        (e["label"], e["name"]): _forms(e) for e in pred_entities
    }
    gold_forms: dict[str, set[str]] = defaultdict(set)
    for g in gold_entities:
        gold_forms[g["name"]] |= _forms(g)

    def p_forms(label: str, name: str) -> set[str]:
        return pred_forms.get((label, name), {name})

    def g_forms(name: str) -> set[str]:
        return gold_forms.get(name) or {name}

    def matches(r: dict[str, Any], g: dict[str, Any]) -> bool:
        if r["type"] != g["type"]:
            return False
        h, t = p_forms(r["head_label"], r["head"]), p_forms(r["tail_label"], r["tail"])
        gh, gt = g_forms(g["head"]), g_forms(g["tail"])
        if h & gh and t & gt:
            return True
        return r["type"] in SYMMETRIC_TYPES and bool(h & gt and t & gh)

    pred_relations = [r for r in pred.get("relations", []) if r["type"] not in UNSCORED_TYPES]
    gold_relations = [g for g in gold.get("relations", []) if g["type"] not in UNSCORED_TYPES]
    for r in pred_relations:
        ok = any(matches(r, g) for g in gold_relations)
        _tally(score, "relation", r["type"], f"{r['head']} → {r['tail']}", ok, predicted=True)
        by_method = score.methods[r.get("method") or "(none)"]
        by_method.pred += 1
        by_method.pred_ok += ok
    for g in gold_relations:
        ok = any(matches(r, g) for r in pred_relations)
        _tally(score, "relation", g["type"], f"{g['head']} → {g['tail']}", ok, predicted=False)
    return score


def _tally(score: Score, kind: str, key: str, desc: str, ok: bool, *, predicted: bool) -> None:
    """Count one predicted (precision side) or gold (recall side) item; keep misses."""
    counts = (score.entities if kind == "entity" else score.relations)[key]
    if predicted:
        counts.pred += 1
        counts.pred_ok += ok
    else:
        counts.gold += 1
        counts.gold_ok += ok
    if not ok:
        score.misses.append((f"{kind}-{'fp' if predicted else 'fn'}", key, desc))


def load_gold(gold_dir: str | Path) -> dict[str, dict[str, Any]]:
    """Gold files of a directory by stem: `X.json` pairs with the article `X.txt` (any suffix)."""
    out = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"{path}: not a readable gold file ({exc})") from exc
        if not isinstance(data, dict) or "entities" not in data:
            raise ValueError(f"{path}: not a gold file (no 'entities')")
        out[path.stem] = data
    return out


NO_PREDICTION: dict[str, Any] = {"entities": [], "relations": []}


@dataclass
class Evaluation:
    """Scores of a run against a gold directory, input by input.

    `add(path, pred)` scores an extraction whose input has a gold file; `fail(path, reason)`
    records an input that did not load or did not extract. `finish()` scores the gold files
    whose input failed and never produced an extraction as all misses (`no_article`), and lists
    the gold files no input named (`no_input`, not scored)."""

    gold: dict[str, dict[str, Any]]
    total: Score = field(default_factory=Score)
    scored: list[str] = field(default_factory=list)  # stems scored from an extraction
    failed: dict[str, str] = field(default_factory=dict)  # stem → why its input gave no article
    no_article: dict[str, str] = field(default_factory=dict)  # stem → why; scored as all misses
    no_input: list[str] = field(default_factory=list)
    by_stem: dict[str, Score] = field(default_factory=dict)  # each gold file's own score

    def _keep(self, stem: str, one: Score) -> None:
        self.total.add(one)
        self.by_stem.setdefault(stem, Score()).add(one)

    def add(self, path: str | None, pred: dict[str, Any]) -> tuple[str, Score] | None:
        """Score one extraction; (stem, its score), or None when no gold file has its stem."""
        stem = Path(path or "").stem
        if stem not in self.gold:
            return None
        one = score_one(pred, self.gold[stem])
        self._keep(stem, one)
        self.scored.append(stem)
        return stem, one

    def fail(self, path: str, reason: str) -> None:
        stem = Path(path).stem
        if stem in self.gold:
            self.failed.setdefault(stem, reason)

    def finish(self) -> list[tuple[str, Score]]:
        """Score the gold files without an article as all misses; (stem, score) of each."""
        out = []
        done = set(self.scored)
        for stem, reason in sorted(self.failed.items()):
            if stem in done or stem in self.no_article:
                continue
            one = score_one(NO_PREDICTION, self.gold[stem])
            self._keep(stem, one)
            self.no_article[stem] = reason
            out.append((stem, one))
        self.no_input = sorted(set(self.gold) - done - set(self.no_article))
        return out

    def run(
        self,
        items: Iterable[Any],
        extract: Callable[[Any], Any],
        report: Callable[[str], None] = lambda message: None,
    ) -> Iterator[tuple[str, Score]]:
        """Extract and score a stream of loader results (Article or LoadError, the items of
        `loaders.sources.iter_articles`); yields (stem, score) per gold file scored, the gold
        files without an article last. Skips and failures go to `report`, one line each, then
        a count line. One article's failure never stops the run."""
        read = skipped = failed = done = 0
        for item in items:
            reason = getattr(item, "reason", None)
            if reason is not None:  # a LoadError
                skipped += 1
                report(f"skipped {item.path}: {reason}")
                self.fail(item.path, reason)
                continue
            read += 1
            try:
                extraction = extract(item)
            except Exception as exc:  # one article's failure must not stop the corpus
                failed += 1
                report(f"extraction failed for {item.path or item.id}: {exc!r}")
                self.fail(item.path or "", f"extraction failed: {exc!r}")
                continue
            done += 1
            one = self.add(item.path, extraction.to_json())
            if one is not None:
                yield one
        report(f"{read} article(s) read, {done} extracted, {skipped} skipped, {failed} failed")
        yield from self.finish()

    @property
    def gold_files(self) -> int:
        """Gold files in the score: with an extraction or counted as all misses."""
        return len(set(self.scored)) + len(self.no_article)


def score_all(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> Score:
    """Sum the scores of (prediction, gold) pairs."""
    total = Score()
    for pred, gold in pairs:
        total.add(score_one(pred, gold))
    return total


def format_table(score: Score) -> str:
    """A readable table: one row per label / type, then the micro average."""
    lines = []
    for title, table, micro in (
        ("entities", score.entities, score.entity_micro),
        ("relations", score.relations, score.relation_micro),
    ):
        lines.append(f"{title:<16}{'P':>7}{'R':>7}{'F1':>7}{'pred':>7}{'gold':>7}")
        for key in sorted(table):
            c = table[key]
            lines.append(
                f"  {key:<14}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}{c.pred:>7}{c.gold:>7}"
            )
        lines.append(
            f"  {'micro':<14}{micro.precision:>7.3f}{micro.recall:>7.3f}{micro.f1:>7.3f}"
            f"{micro.pred:>7}{micro.gold:>7}"
        )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def format_methods(score: Score) -> str:
    """One row per relation method: predictions, correct ones (matching some gold relation) and
    precision; most predictions first, then the total."""
    lines = [f"{'relation method':<32}{'pred':>7}{'correct':>9}{'P':>8}"]
    rows = sorted(score.methods.items(), key=lambda kv: (-kv[1].pred, kv[0]))
    for method, c in rows:
        lines.append(f"  {method:<30}{c.pred:>7}{c.pred_ok:>9}{c.precision:>8.3f}")
    total = micro(score.methods)
    lines.append(f"  {'all':<30}{total.pred:>7}{total.pred_ok:>9}{total.precision:>8.3f}")
    return "\n".join(lines) + "\n"


def methods_to_json(score: Score) -> dict[str, dict[str, float | int]]:
    return {
        m: {"predicted": c.pred, "correct": c.pred_ok, "precision": round(c.precision, 4)}
        for m, c in sorted(score.methods.items())
    }


UNGROUPED = "(not in table)"


def load_groups(spec: str) -> tuple[str, dict[str, str]]:
    """`FILE:COLUMN` → (column, {file stem: value}): a tab-separated table (a `.csv` file is
    read as comma-separated) with a header naming `file` and COLUMN; each row's `file` is
    matched to gold files by stem (`001_x.md` groups the gold file `001_x.json`)."""
    path, sep, column = spec.rpartition(":")
    if not sep or not path or not column:
        raise ValueError(f"--group-by {spec!r}: expected FILE:COLUMN")
    try:
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f, delimiter="," if path.endswith(".csv") else "\t"))
    except OSError as exc:
        raise ValueError(f"--group-by {spec!r}: cannot read {path} ({exc})") from exc
    header = set(rows[0]) if rows else set()
    for needed in ("file", column):
        if needed not in header:
            raise ValueError(f"--group-by {spec!r}: {path} has no column {needed!r}")
    return column, {Path(row["file"]).stem: row[column] or "" for row in rows}


def group_scores(by_stem: dict[str, Score], groups: dict[str, str]) -> dict[str, tuple[int, Score]]:
    """(gold files, their summed score) per group, by group name; gold files the table does not
    name go to UNGROUPED."""
    out: dict[str, tuple[int, Score]] = {}
    for stem, one in by_stem.items():
        key = groups.get(stem, UNGROUPED)
        n, total = out.get(key, (0, Score()))
        total.add(one)
        out[key] = (n + 1, total)
    return dict(sorted(out.items()))


def groups_to_json(table: dict[str, tuple[int, Score]]) -> dict[str, dict[str, Any]]:
    return {
        name: {"files": n, "entities": one.entity_micro.to_json(),
               "relations": one.relation_micro.to_json()}
        for name, (n, one) in table.items()
    }


def format_groups(column: str, table: dict[str, tuple[int, Score]]) -> str:
    """Micro P/R/F1 of entities and relations, one row per group, then all groups together."""
    total, files = Score(), 0
    for n, one in table.values():
        total.add(one)
        files += n
    width = max([len(column), 3, *(len(g) for g in table)]) + 2
    lines = [
        f"{column:<{width}}{'files':>5}  {'ent P':>6}{'R':>6}{'F1':>6}{'pred':>6}{'gold':>6}"
        f"  {'rel P':>6}{'R':>6}{'F1':>6}{'pred':>6}{'gold':>6}"
    ]
    for name, (n, one) in [*table.items(), ("all", (files, total))]:
        e, r = one.entity_micro, one.relation_micro
        lines.append(
            f"{name:<{width}}{n:>5}  {e.precision:>6.3f}{e.recall:>6.3f}{e.f1:>6.3f}{e.pred:>6}"
            f"{e.gold:>6}  {r.precision:>6.3f}{r.recall:>6.3f}{r.f1:>6.3f}{r.pred:>6}{r.gold:>6}"
        )
    return "\n".join(lines) + "\n"
