"""Re-measure the precision of every relation method on the development set and write
`loaders/extract/relations/confidence.csv`, the table `relation()` takes its confidences from.

    .venv/bin/python tests/bench/calibrate_confidence.py [--devset /work/shared/devset]
        [--group-by repo] [--check]

The devset holds `raw/` (articles), `gold/` (gold files by stem) and `sources.tsv` (a `file`
column and the group column, the article's feed by default).

Measuring: the extraction is scored (graph.evaluate, `iikg eval --by-method`) and each method's
predictions and correct predictions counted. The confidences take part in the extraction itself
(of two rules finding the same relationship, the one with the higher confidence is kept), so the
counts are first measured with every rule on its own default, then again with the table just
measured, until the table measures itself (at most --rounds rounds); that table is written.

Held out: the table is also computed leaving out one feed at a time (the extractor has no other
trained parameter). Per method: its precision on all files and the largest absolute difference
between a fold's precision and it; then, on each held-out feed, the Brier score of the
confidences the left-out table gives against those of the rules' defaults.

--check measures and compares with the shipped table without writing it (exit 1 on a difference).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graph.evaluate import Evaluation, Score, load_gold, load_groups, score_one  # noqa: E402
from loaders.extract.pipeline import extract  # noqa: E402
from loaders.extract.relations import confidence  # noqa: E402
from loaders.extract.relations.confidence import MIN_PREDICTED, Measured  # noqa: E402
from loaders.sources import iter_articles  # noqa: E402

CSV_PATH = ROOT / "loaders" / "extract" / "relations" / "confidence.csv"
FIELDS = ("method", "predicted", "correct", "precision", "measured_on")


def measure(devset: Path) -> tuple[Evaluation, dict[str, list[dict[str, Any]]]]:
    """Extract and score the devset with the current table: the evaluation and, per stem, the
    scored relations as extracted (with their confidence and whether each matched)."""
    gold = load_gold(devset / "gold")
    run = Evaluation(gold)
    outcomes: dict[str, list[dict[str, Any]]] = {}

    def extract_and_keep(article: Any) -> Any:
        extraction = extract(article)
        stem = Path(article.path or "").stem
        if stem in gold:
            data = extraction.to_json()
            kept = []
            for r in data["relations"]:
                one = score_one({"entities": data["entities"], "relations": [r]}, gold[stem])
                if one.methods:  # a scored type
                    ok = sum(c.pred_ok for c in one.methods.values())
                    kept.append({"method": r["method"], "confidence": r["confidence"], "ok": ok})
            outcomes[stem] = kept
        return extraction

    for _ in run.run(iter_articles([str(devset / "raw")]), extract_and_keep):
        pass
    return run, outcomes


def table_of(scores: Iterable[Score]) -> dict[str, Measured]:
    total = Score()
    for one in scores:
        total.add(one)
    return {m: Measured(c.pred, c.pred_ok) for m, c in sorted(total.methods.items())}


def conf(table: dict[str, Measured], method: str, default: float) -> float:
    confidence.use_table(table)
    try:
        return confidence.calibrated(method, default)
    finally:
        confidence.use_table(None)


def precision(m: Measured) -> float:
    return m.correct / m.predicted if m.predicted else 0.0


def write_table(path: Path, table: dict[str, Measured], measured_on: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(FIELDS)
        for method, m in sorted(table.items(), key=lambda kv: (-kv[1].predicted, kv[0])):
            out.writerow([method, m.predicted, m.correct, f"{precision(m):.4f}", measured_on])


def held_out(
    by_stem: dict[str, Score],
    groups: dict[str, str],
    defaults: dict[str, list[dict[str, Any]]],
    full: dict[str, Measured],
) -> None:
    """Leave-one-group-out tables: their spread per method, and their Brier score on the
    held-out group next to that of the rules' defaults."""
    feeds = sorted({groups.get(s, "(not in table)") for s in by_stem})
    folds = {
        f: table_of(one for s, one in by_stem.items() if groups.get(s) != f) for f in feeds
    }
    print(f"\nleave-one-{len(feeds)}-groups-out: per-method precision across folds "
          f"(confidence used only when predicted >= {MIN_PREDICTED})")
    print(f"{'method':<30}{'pred':>6}{'P all':>8}{'P min':>8}{'P max':>8}{'max |Δ|':>9}"
          f"{'conf all':>10}{'conf max |Δ|':>14}")
    for method, m in sorted(full.items(), key=lambda kv: (-kv[1].predicted, kv[0])):
        ps = [precision(t[method]) for t in folds.values() if t.get(method, Measured(0, 0))[0]]
        cs = [conf(t, method, -1.0) for t in folds.values()]
        c_all = conf(full, method, -1.0)
        c_delta = (
            max(abs(c - c_all) for c in cs) if c_all >= 0 and all(c >= 0 for c in cs) else None
        )
        print(
            f"{method:<30}{m.predicted:>6}{precision(m):>8.3f}"
            f"{min(ps, default=0):>8.3f}{max(ps, default=0):>8.3f}"
            f"{max((abs(p - precision(m)) for p in ps), default=0):>9.3f}"
            + (f"{c_all:>10.3f}" if c_all >= 0 else f"{'default':>10}")
            + (f"{c_delta:>14.3f}" if c_delta is not None else f"{'-':>14}")
        )
    print("\nheld-out Brier score of relation confidences (lower is better), per left-out group")
    print(f"{'group':<38}{'relations':>10}{'defaults':>10}{'LOFO table':>12}")
    tot_n = tot_d = tot_t = 0.0
    for f in feeds:
        n = d = t = 0.0
        for stem, rels in defaults.items():
            if groups.get(stem, "(not in table)") != f:
                continue
            for r in rels:
                q = conf(folds[f], r["method"], r["confidence"])
                n += 1
                d += (r["confidence"] - r["ok"]) ** 2
                t += (q - r["ok"]) ** 2
        tot_n, tot_d, tot_t = tot_n + n, tot_d + d, tot_t + t
        if n:
            print(f"{f:<38}{int(n):>10}{d / n:>10.3f}{t / n:>12.3f}")
    if tot_n:
        print(f"{'all':<38}{int(tot_n):>10}{tot_d / tot_n:>10.3f}{tot_t / tot_n:>12.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--devset", type=Path, default=Path("/work/shared/devset"))
    ap.add_argument("--group-by", default="repo", help="column of sources.tsv for the folds")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--check", action="store_true", help="compare with the shipped table only")
    args = ap.parse_args()

    confidence.use_table({})  # round 0: every rule on its own default
    run, defaults = measure(args.devset)
    table = table_of(run.by_stem.values())
    print(f"round 0 (rule defaults): {sum(m.predicted for m in table.values())} predictions, "
          f"{len(table)} methods")
    for i in range(1, args.rounds + 1):
        confidence.use_table(table)
        run, _ = measure(args.devset)
        again = table_of(run.by_stem.values())
        changed = sorted(m for m in set(table) | set(again) if table.get(m) != again.get(m))
        print(f"round {i} (measured table): {len(changed)} method(s) changed "
              f"{', '.join(changed)}")
        table = again
        if not changed:
            break
    else:
        print("warning: the table did not settle; writing the last one measured")
    confidence.use_table(None)

    _, groups = load_groups(f"{args.devset / 'sources.tsv'}:{args.group_by}")
    held_out(run.by_stem, groups, defaults, table)

    measured_on = f"{args.devset.name}:{run.gold_files} articles"
    if args.check:
        shipped = confidence.table()
        same = shipped == table
        print(f"\nshipped table {'matches' if same else 'DIFFERS from'} the measurement")
        return 0 if same else 1
    write_table(CSV_PATH, table, measured_on)
    print(f"\nwrote {CSV_PATH.relative_to(ROOT)} ({len(table)} methods, measured on "
          f"{measured_on})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
