"""Extraction throughput and memory, next to raw jieba on the same text.

    .venv/bin/python tests/bench/bench_extract.py [--repeat 100] [--corpus seeds|devset]

Prints chars/s of `loaders.extract.pipeline.extract` (as configured: the rules alone by default),
of the extractor with the statistical tagger, and of `jieba.cut` (default settings, its own
tokenizer instance) over the seed articles (or the development set's), on one core, and their
ratio (must be >= 0.5), by wall time and by this process's CPU time (steadier when other
processes share the machine). Then streams a corpus of REPEAT × those articles through
`extract_many` and samples the resident set size: it must stay flat (the pipeline keeps nothing
per article).
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graph.model import Article  # noqa: E402
from loaders.extract.pipeline import Extractor, extract, extract_many  # noqa: E402
from loaders.sources import load_file  # noqa: E402


def seeds() -> list[Article]:
    return [load_file(p) for p in sorted((ROOT / "seeds" / "articles").glob("*.txt"))]


def devset() -> list[Article]:
    """The development set's raw articles (IIKG_DEVSET, or ../shared/devset next to the
    checkout): real news the rules were not tuned on."""
    folder = Path(os.environ.get("IIKG_DEVSET", ROOT.parent / "shared" / "devset")) / "raw"
    if not folder.is_dir():
        raise SystemExit(f"no development set at {folder} (set IIKG_DEVSET)")
    return [load_file(p) for p in sorted(folder.iterdir()) if p.is_file()]


def rss_bytes() -> int:
    """Current resident set size (Linux /proc; falls back to tracemalloc-free peak RSS)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def best_rates(fns: list, chars: int, rounds: int, clock=time.perf_counter) -> list[float]:
    """Best chars/s of each function over `rounds`, the functions taking turns so that both
    see the same machine load. `clock`: wall time, or time.process_time (this process's CPU
    time: steadier on a machine other processes load)."""
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for i, fn in enumerate(fns):
            start = clock()
            fn()
            best[i] = min(best[i], clock() - start)
    return [chars / b for b in best]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=100,
                        help="corpus size in copies of the articles")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--corpus", choices=("seeds", "devset"), default="seeds",
                        help="the seed articles, or the development set's")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    import jieba

    jieba.setLogLevel(logging.WARNING)
    raw = jieba.Tokenizer()
    raw.initialize()
    articles = seeds() if args.corpus == "seeds" else devset()
    chars = sum(len(a.text) for a in articles)
    extract(articles[0])  # load the pipeline and the gazetteer once

    def run_jieba() -> None:
        for a in articles:
            for _ in raw.cut(a.text):
                pass

    def run_extract() -> None:
        for a in articles:
            extract(a)

    tagged = Extractor(statistical=True)

    def run_tagged() -> None:
        for a in articles:
            tagged.extract(a)

    jieba_rate, extract_rate, tagged_rate = best_rates(
        [run_jieba, run_extract, run_tagged], chars, args.rounds
    )
    ratio = extract_rate / jieba_rate
    print(f"corpus: {len(articles)} {args.corpus} articles, {chars:,} chars, one core")
    print(f"jieba.cut:  {jieba_rate:12,.0f} chars/s")
    print(f"extract:    {extract_rate:12,.0f} chars/s  (as configured: "
          f"IIKG_STATISTICAL_NER={os.environ.get('IIKG_STATISTICAL_NER', '0 (default)')})")
    print(f"tagger on:  {tagged_rate:12,.0f} chars/s  (with the statistical tagger)")
    print(f"ratio:      {ratio:12.2f}  (extract / jieba; with the tagger / jieba "
          f"{tagged_rate / jieba_rate:.2f})")
    cpu = best_rates([run_jieba, run_extract, run_tagged], chars, args.rounds,
                     time.process_time)
    print(f"CPU time:   jieba.cut {cpu[0]:,.0f}, extract {cpu[1]:,.0f}, tagger on "
          f"{cpu[2]:,.0f} chars/s; ratios {cpu[1] / cpu[0]:.2f} and {cpu[2] / cpu[0]:.2f}")

    def corpus() -> Iterator[Article]:
        for i in range(args.repeat):
            for a in articles:
                yield replace(a, id=f"{a.id}-{i}")

    gc.collect()
    samples = []
    step = max(1, args.repeat * len(articles) // 10)
    started = time.perf_counter()
    for n, _ in enumerate(extract_many(corpus()), 1):
        if n % step == 0:
            gc.collect()
            samples.append(rss_bytes())
    elapsed = time.perf_counter() - started
    mib = [s / 2**20 for s in samples]
    growth = mib[-1] - mib[0]
    print(
        f"stream: {args.repeat * len(articles)} articles ({args.repeat}x {args.corpus}) "
        f"in {elapsed:.1f}s"
    )
    print("resident memory (MiB) every 10%: " + " ".join(f"{m:.1f}" for m in mib))
    print(f"growth first→last sample: {growth:+.2f} MiB")
    ok = growth < 5.0
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
