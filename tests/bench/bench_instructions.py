"""Extraction against raw jieba.cut in machine instructions: a figure a busy machine does not blur.

    .venv/bin/python tests/bench/bench_instructions.py [--corpus seeds|devset|both] [--passes 2]

Wall and CPU times on a shared machine vary by 30% from one run to the next (bench_extract.py
takes the best of many rounds to see through it); instructions executed vary by about 1.5% (the
same code, run again). This benchmark counts them with valgrind (`cachegrind`, no cache
simulation) for the same text cut by raw `jieba.cut` (default settings) and extracted by
`loaders.extract.pipeline.extract` (the rules alone), and prints their ratio. Each side runs in
its own process twice: once with one warm-up pass (loading included), once with PASSES more
after it (the warm-up's objects collected and frozen out of the garbage collector's way); the
difference over PASSES is one pass's count. Instructions are not time (the two sides need not
run at the same instructions per cycle), so this complements bench_extract.py; it is the figure
to compare two versions of the rules by. Needs valgrind (`apt-get install valgrind`); about five
minutes on the seeds.

`--corpus devset` reads the development set's raw articles (IIKG_DEVSET, or ../shared/devset
next to the checkout): real news the rules were not tuned on.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def corpus_paths(which: str) -> list[Path]:
    paths: list[Path] = []
    if which in ("seeds", "both"):
        paths += sorted((ROOT / "seeds" / "articles").glob("*.txt"))
    if which in ("devset", "both"):
        devset = Path(os.environ.get("IIKG_DEVSET", ROOT.parent / "shared" / "devset")) / "raw"
        if not devset.is_dir():
            raise SystemExit(f"no development set at {devset} (set IIKG_DEVSET)")
        paths += sorted(p for p in devset.iterdir() if p.is_file())
    return paths


def load(which: str) -> list:
    from loaders.sources import load_file

    return [load_file(p) for p in corpus_paths(which)]


def workload(side: str, which: str, passes: int) -> None:
    """What runs under valgrind: one warm-up pass of `side`, then `passes` more."""
    articles = load(which)
    if side == "jieba":
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()

        def run() -> None:
            for article in articles:
                for _ in tokenizer.cut(article.text):
                    pass
    else:
        from loaders.extract.pipeline import extract

        def run() -> None:
            for article in articles:
                extract(article)

    run()
    # The warm-up's garbage is collected and what remains frozen, so that a full collection
    # falling in one run and not in the other does not count as the rules' work.
    gc.collect()
    gc.freeze()
    for _ in range(passes):
        run()


def instructions(side: str, which: str, passes: int) -> int:
    command = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, __file__, "--run", side, "--corpus", which, "--passes", str(passes),
    ]
    env = dict(os.environ, PYTHONHASHSEED="0")  # the same dict and set orders in every run
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode != 0 or not found:
        raise SystemExit(f"valgrind run failed ({side}):\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", choices=("seeds", "devset", "both"), default="seeds")
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=2, help="valgrind runs at once")
    parser.add_argument("--run", choices=("jieba", "extract"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        workload(args.run, args.corpus, args.passes)
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    articles = load(args.corpus)
    runs = [(side, n) for side in ("jieba", "extract") for n in (0, args.passes)]
    with ThreadPoolExecutor(args.jobs) as pool:
        found = pool.map(lambda run: instructions(run[0], args.corpus, run[1]), runs)
        counts = dict(zip(runs, found, strict=True))
    per_pass = {side: (counts[side, args.passes] - counts[side, 0]) / args.passes
                for side in ("jieba", "extract")}
    print(f"corpus: {args.corpus}, {len(articles)} articles, "
          f"{sum(len(a.text) for a in articles):,} chars")
    for side in ("jieba", "extract"):
        print(f"{side + ':':9} {per_pass[side] / 1e6:10,.1f} M instructions per pass")
    print(f"ratio:    {per_pass['jieba'] / per_pass['extract']:10.2f}  "
          "(jieba.cut's instructions / extraction's: above 1, extraction does less)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
