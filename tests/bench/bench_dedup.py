"""Near-duplicate detection: quality on a constructed set of real articles, and time for N.

Quality: every article of the given folders (default: seeds/articles and the development set's
raw/, read at run time) is loaded, and copies are made of each: a few characters changed
(1, 5, 20), and a syndicated copy with a line of the outlet's own added at the top and bottom.
All of them go through ``graph.dedup``: a pair (copy, its article) found is a true positive; any
other pair linked is a false positive. Precision and recall are printed, with the similarity of
each kind of copy.

Time: N invented articles (tests/support/invented_text.py, about 500 characters each; one in
ten has a near-duplicate) are signed and grouped; printed per phase, and as a ratio against
the baseline of comparing every pair of signatures in numpy, run in the same process (the
baseline is skipped past 6,000 articles: it grows with N squared).

On a graph (--neo4j N --wipe; WIPES the database of NEO4J_URI or of the managed local server,
so point it at an instance whose data you do not need): the N synthetic articles of
bench_store.py, plus a copy of one in ten with 5 characters changed under another outlet, are
written, then the refresh after that ingest (`Graph.refresh_sources`), a second one (nothing to
do), and `iikg dedup` (every relationship recounted) are timed, with the peak of the memory
Python allocates during each (tracemalloc: flat means the same peak whatever N).

    .venv/bin/python tests/bench/bench_dedup.py [--n 1000 --n 10000] [PATH ...]
    .venv/bin/python tests/bench/bench_dedup.py --n 0 --neo4j 5000 --wipe
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "bench"))

from support.invented_text import changed, invented_text  # noqa: E402

from graph.dedup import THRESHOLD, ArticleSig, duplicate_groups, signature  # noqa: E402
from loaders.sources import iter_articles  # noqa: E402


def quality(paths: list[str]) -> None:
    articles = [a for a in iter_articles(paths) if not isinstance(a, Exception)]
    texts: dict[str, str] = {}
    truth: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for a in articles:
        texts[a.id] = a.text
        copies = {f"{n} chars": changed(a.text, min(n, len(a.text)), seed=n) for n in (1, 5, 20)}
        copies["syndicated"] = f"（转载自某某网）\n{a.text}\n责任编辑：某某"
        for kind, text in copies.items():
            cid = f"{a.id}~{kind}"
            texts[cid], truth[cid], kinds[cid] = text, a.id, kind
    started = time.perf_counter()
    sigs = {i: signature(t) for i, t in texts.items()}
    dups = duplicate_groups(ArticleSig(i, "2000" if i in truth else "1999", s)
                            for i, s in sigs.items())
    seconds = time.perf_counter() - started
    found = {frozenset((d.id, d.original)) for d in dups.values()}
    expected = {frozenset((c, o)) for c, o in truth.items()}
    tp = len(found & expected)
    print(f"constructed set: {len(articles)} articles + {len(truth)} copies "
          f"({len(texts)} texts, {sum(map(len, texts.values())):,} chars), threshold {THRESHOLD}")
    print(f"  pairs expected {len(expected)}, linked {len(found)}, correct {tp}: precision "
          f"{tp / max(len(found), 1):.3f}, recall {tp / max(len(expected), 1):.3f} "
          f"({seconds:.2f} s)")
    for kind in sorted(set(kinds.values())):
        sims = [float(np.mean(np.array(sigs[c]) == np.array(sigs[truth[c]])))
                for c in kinds if kinds[c] == kind]
        hit = sum(frozenset((c, truth[c])) in found for c in kinds if kinds[c] == kind)
        print(f"  {kind:>10}: found {hit}/{len(sims)}, similarity min {min(sims):.2f} "
              f"median {float(np.median(sims)):.2f}")


def timing(n: int) -> None:
    rng = random.Random(n)
    texts = {f"a{i}": invented_text(i) for i in range(n)}
    for i in rng.sample(range(n), n // 10):
        texts[f"a{i}~copy"] = changed(texts[f"a{i}"], 5, seed=i)
    started = time.perf_counter()
    sigs = [ArticleSig(i, None, signature(t)) for i, t in texts.items()]
    signed = time.perf_counter() - started
    started = time.perf_counter()
    dups = duplicate_groups(sigs)
    grouped = time.perf_counter() - started
    line = (f"N={len(texts):,}: signatures {signed:.2f} s ({signed / len(texts) * 1000:.2f} "
            f"ms/article), LSH grouping {grouped:.2f} s, {len(dups)} duplicates "
            f"(expected {n // 10})")
    if len(texts) <= 6000:
        matrix = np.array([s.minhash for s in sigs], dtype=np.uint64)
        started = time.perf_counter()
        pairs = 0
        for i in range(len(matrix)):
            pairs += int(((matrix[i + 1 :] == matrix[i]).mean(axis=1) >= THRESHOLD).sum())
        brute = time.perf_counter() - started
        line += f"; all-pairs baseline {brute:.2f} s ({pairs} pairs), LSH/baseline " \
                f"{grouped / brute:.2f}"
    print(line)


def on_neo4j(n: int) -> None:
    from bench_store import generate
    from support.graphdb import clear_database

    from graph.batch import prepare
    from graph.model import Article, Extraction
    from graph.neo4j import connect, resolve_settings

    rng = random.Random(n)
    extractions = []
    for e in generate(n):
        extractions.append(e)
        if rng.random() < 0.1:
            copy = Article(**{**vars(e.article), "id": e.article.id + "c",
                              "path": f"{e.article.path}.copy", "source": "copy",
                              "text": changed(e.article.text, 5)})
            extractions.append(Extraction(copy, e.entities, e.relations))
    with connect(resolve_settings()) as graph:
        clear_database(graph)
        started = time.perf_counter()
        prepared = [prepare(e) for e in extractions]
        prep = time.perf_counter() - started
        started = time.perf_counter()
        for i in range(0, len(prepared), 500):
            graph.write_articles(prepared[i : i + 500])
        written = time.perf_counter() - started
        print(f"graph: {len(prepared):,} articles ({len(prepared) - n} copies) prepared in "
              f"{prep:.1f} s, written in {written:.1f} s")
        for what, full in (("after ingest", False), ("again", False), ("iikg dedup", True)):
            tracemalloc.start()
            result = graph.refresh_sources(full=full)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            print(f"  {what}: {result.line()}; peak Python memory {peak / 2**20:.1f} MiB")
        clear_database(graph)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, action="append", help="articles to time (repeatable)")
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "seeds" / "articles"),
                                                 str(ROOT.parent / "shared" / "devset" / "raw")])
    ap.add_argument("--neo4j", type=int, default=0, metavar="N",
                    help="also time the refresh on a graph of N generated articles (needs --wipe)")
    ap.add_argument("--wipe", action="store_true", help="confirm that --neo4j empties the database")
    args = ap.parse_args()
    if args.neo4j and not args.wipe:
        ap.error("--neo4j empties the database: pass --wipe to confirm")
    quality(args.paths)
    for n in args.n or [1000, 5000]:
        if n:
            timing(n)
    if args.neo4j:
        on_neo4j(args.neo4j)


if __name__ == "__main__":
    main()
