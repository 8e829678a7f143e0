"""Where extraction time goes: a cProfile of `Extractor.extract` over the seed articles (and the
development set's raw articles when IIKG_DEVSET or ../shared/devset names a folder of them).

    .venv/bin/python tests/bench/profile_extract.py [--statistical] [--top 20]

One warm-up pass first (models, caches), then one profiled pass. Prints the share of each stage
(what `Extractor.extract` calls), the share of self time by source file, and the functions of
most self time. cProfile slows small Python calls more than C code: use the shares to rank,
and bench_extract.py for speeds.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graph.model import Article  # noqa: E402
from loaders.extract.pipeline import Extractor  # noqa: E402
from loaders.sources import load_file  # noqa: E402


def corpus() -> list[Article]:
    paths = sorted((ROOT / "seeds" / "articles").glob("*.txt"))
    devset = Path(os.environ.get("IIKG_DEVSET", ROOT.parent / "shared" / "devset")) / "raw"
    if devset.is_dir():
        paths += sorted(p for p in devset.iterdir() if p.is_file())
    return [load_file(p) for p in paths]


def _where(path: str) -> str:
    if "site-packages/" in path:
        return "site-packages: " + path.split("site-packages/")[1].split("/")[0]
    return path.replace(str(ROOT) + "/", "")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--statistical", action="store_true", help="with the statistical tagger")
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    articles = corpus()
    extractor = Extractor(statistical=args.statistical)
    for article in articles:
        extractor.extract(article)
    profile = cProfile.Profile()
    profile.enable()
    for article in articles:
        extractor.extract(article)
    profile.disable()
    stats = pstats.Stats(profile)
    table = stats.stats  # type: ignore[attr-defined]
    total = sum(row[2] for row in table.values())
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles, {chars:,} chars; profiled time {total:.3f} s")
    print("== stages (time spent in what Extractor.extract calls) ==")
    stages = Counter()
    for (path, _, name), row in table.items():
        for (caller_path, _, caller), timing in row[4].items():
            if caller == "extract" and caller_path.endswith("pipeline.py"):
                stages[f"{name} ({_where(path)})"] += timing[3]
    for name, seconds in stages.most_common():
        print(f"{seconds / total * 100:5.1f}%  {name}")
    print("== self time by file ==")
    files = Counter()
    for (path, _, name), row in table.items():
        files[_where(path) if path != "~" else name] += row[2]
    for name, seconds in files.most_common(args.top):
        print(f"{seconds / total * 100:5.1f}%  {name}")
    print("== functions by self time ==")
    tops = sorted(table.items(), key=lambda item: -item[1][2])[: args.top]
    for (path, line, name), row in tops:
        where = f"{_where(path)}:{line}" if path != "~" else "built-in"
        print(f"{row[2] / total * 100:5.1f}%  {row[1]:>7} calls  {name} ({where})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
