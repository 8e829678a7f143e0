"""Loader throughput in MB/s of input, on one core.

Builds a corpus from the seed articles (each copy slightly changed so no two files are equal)
until it reaches --mb megabytes, then times `iter_articles` over it: decoding, front matter,
HTML, normalization (including Traditional → Simplified for the Traditional seed) and metadata.
The same articles are also written as one JSON Lines corpus and timed on their own.

    .venv/bin/python tests/bench/bench_loaders.py [--mb 20] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from loaders import LoadSummary, iter_articles  # noqa: E402
from loaders.formats import split_front_matter  # noqa: E402

SEEDS = ROOT / "seeds" / "articles"


def build_corpus(folder: Path, megabytes: float) -> tuple[int, int]:
    """Seed copies in `folder/files/`, and the same articles in `folder/corpus.jsonl`.
    Returns (bytes of files, bytes of the JSON Lines corpus)."""
    seeds = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    files = folder / "files"
    files.mkdir()
    target = int(megabytes * 1_000_000)
    total = copy = 0
    with (folder / "corpus.jsonl").open("w", encoding="utf-8") as jsonl:
        while total < target:
            for name, text in seeds:
                # a different number in each copy: distinct text, distinct id
                changed = text.replace("工业互联网", f"工业互联网{copy}", 1).replace(
                    "工業(yè)互聯(lián)網", f"工業(yè)互聯(lián)網{copy}", 1)
                data = changed.encode("utf-8")
                (files / f"{copy:05d}_{name}").write_bytes(data)
                total += len(data)
                front, body = split_front_matter(changed)
                record = {"id": f"{copy}-{name}", **{k: str(v) for k, v in (front or {}).items()
                                                    if k in ("title", "date", "author")}}
                record["html" if front else "text"] = body
                jsonl.write(json.dumps(record, ensure_ascii=False) + "\n")
            copy += 1
    return total, (folder / "corpus.jsonl").stat().st_size


def timed(path: Path) -> tuple[float, float, LoadSummary]:
    """(wall seconds, CPU seconds of this single-threaded process, summary)."""
    summary = LoadSummary()
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in iter_articles(path, summary=summary):
        pass
    return time.perf_counter() - wall, time.process_time() - cpu, summary


def report(label: str, size: int, wall: float, cpu: float, summary: LoadSummary) -> None:
    print(f"{label}: {summary.read} articles, {size / 1e6:.1f} MB: "
          f"{size / 1e6 / cpu:.1f} MB/s per CPU second ({cpu:.2f} s), "
          f"{size / 1e6 / wall:.1f} MB/s wall ({wall:.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    parser.add_argument("--profile", action="store_true", help="print the top functions")
    parser.add_argument("--sort", default="cumulative", help="profile order (cumulative, tottime)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        file_bytes, jsonl_bytes = build_corpus(folder, args.mb)
        # warm-up: conversion tables and parsers are built on first use, not per article
        timed(SEEDS)
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
        wall, cpu, summary = timed(folder / "files")
        if args.profile:
            profiler.disable()
            pstats.Stats(profiler).sort_stats(args.sort).print_stats(25)
        assert summary.input_bytes == file_bytes and not summary.skipped, summary
        report("files", file_bytes, wall, cpu, summary)
        wall, cpu, summary = timed(folder / "corpus.jsonl")
        assert not summary.skipped, summary
        report("jsonl", jsonl_bytes, wall, cpu, summary)


if __name__ == "__main__":
    main()
