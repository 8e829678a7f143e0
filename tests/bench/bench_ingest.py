"""Ingest end to end, next to raw jieba on the same text: every figure a ratio to jieba's time.

    .venv/bin/python tests/bench/bench_ingest.py [--articles 1000] [--jobs N] [--copies 0.36]
        [--steps extract,ingest,reingest,copies]

EMPTIES the database it uses: NEO4J_URI, else the managed local server of IIKG_NEO4J_INSTANCE.

Generates ARTICLES articles of real shape from the seed articles (their sentences recombined,
the firms they name renamed with invented names, so that every article is a new text; no other
text is used), writes them as .txt files, then measures:

- raw ``jieba.cut`` (default settings, its own tokenizer) over the same texts, one core;
- extraction alone (``iikg extract``, one process);
- ``iikg ingest --jobs 1`` and ``--jobs N`` into an empty database;
- re-ingest of the unchanged corpus (nothing is loaded, extracted or written), best of three;
- a corpus with COPIES of the files copied under a second folder: first ingest, then re-ingest
  (must report 0 changed, and nothing created or deleted), best of three;

each ``iikg`` command in a fresh process (model loading included), and prints each time as a
multiple of jieba's, with the ingest's own account of it (the writer's busy time, the sources
refresh). ``--steps`` picks some of them (the statistical tagger makes extraction slow: e.g.
``--steps ingest,reingest``). Memory: tests/bench/bench_memory.py.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # for support

from support.graphdb import clear_database  # noqa: E402

from graph.neo4j import connect, resolve_settings  # noqa: E402
from loaders.sources import load_file  # noqa: E402

_FIRST = "星云晨曦曙光天衡瀚海青禾鼎峰远航恒信博润嘉禾启明"
_SECOND = "智造科技精工数控新材电气重工机电"
_FIRM = re.compile(r"[\u4e00-\u9fff]{2,8}(?:集团|股份有限公司|有限公司|科技)")


def generate(count: int, out: Path) -> list[Path]:
    """`count` article files recombined from the seeds' sentences, firms renamed."""
    seeds = [load_file(p) for p in sorted((ROOT / "seeds" / "articles").glob("*.txt"))]
    sentences = [s + "。" for a in seeds for s in a.text.replace("\n", "").split("。") if s]
    firms = sorted({m.group(0) for a in seeds for m in _FIRM.finditer(a.text)})
    rng = random.Random(12)
    paths = []
    for i in range(count):
        names = {f: rng.choice(_FIRST[::2]) + rng.choice(_FIRST[1::2]) + rng.choice(
            _SECOND[::2]) + rng.choice(_SECOND[1::2]) + f"{i % 97}号科技" for f in firms}
        chosen = rng.sample(sentences, min(len(sentences), rng.randint(35, 70)))
        body = []
        for n, sentence in enumerate(chosen):
            for firm, name in names.items():
                sentence = sentence.replace(firm, name)
            body.append(sentence + ("\n" if n % 4 == 3 else ""))
        path = out / f"article-{i:05d}.txt"
        path.write_text(f"工业互联网观察（第{i}期）\n" + "".join(body) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def jieba_seconds(texts: list[str]) -> float:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    raw = jieba.Tokenizer()
    raw.initialize()
    start = time.perf_counter()
    for text in texts:
        for _ in raw.cut(text):
            pass
    return time.perf_counter() - start


def iikg(*args: str) -> tuple[float, str]:
    exe = Path(sys.executable).with_name("iikg")
    start = time.perf_counter()
    done = subprocess.run([str(exe), *args], check=True, capture_output=True, text=True)
    return time.perf_counter() - start, done.stdout


STEPS = ("extract", "ingest", "reingest", "copies")


def _shown(out: str) -> str:
    """The ingest's lines worth printing next to a time: articles, time, sources."""
    keep = ("articles:", "time:", "sources:")
    return " | ".join(x for x in out.splitlines() if x.startswith(keep))


def _best(runs: int, *args: str) -> tuple[float, str]:
    """The fastest of `runs` runs of one iikg command (a re-ingest: the same work each time)."""
    results = [iikg(*args) for _ in range(runs)]
    return min(results, key=lambda r: r[0])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--copies", type=float, default=0.36,
                        help="share of the files copied under a second folder")
    parser.add_argument("--steps", default=",".join(STEPS),
                        help=f"comma-separated, of {', '.join(STEPS)}")
    args = parser.parse_args()
    steps = set(args.steps.split(","))
    work = Path(tempfile.mkdtemp(prefix="iikg-bench-ingest-"))
    corpus = work / "corpus"
    corpus.mkdir()
    files = generate(args.articles, corpus)
    texts = [load_file(p).text for p in files]
    chars = sum(len(t) for t in texts)
    base = jieba_seconds(texts)
    print(f"corpus: {len(files)} generated articles, {chars:,} chars; statistical tagger "
          f"{os.environ.get('IIKG_STATISTICAL_NER', 'on (default)')}")
    print(f"{'raw jieba.cut (one core)':44} {base:8.1f} s   1.00x")

    def show(what: str, seconds: float, out: str = "") -> None:
        print(f"{what:44} {seconds:8.1f} s {seconds / base:6.2f}x  {_shown(out)}")

    if "extract" in steps:
        seconds, _ = iikg("extract", str(corpus), "-o", str(work / "out.jsonl"))
        show("extraction alone (iikg extract, 1 process)", seconds)
    settings = resolve_settings(start_local=True)
    with connect(settings) as graph:
        if "ingest" in steps:
            for jobs in sorted({1, args.jobs}):
                clear_database(graph)
                seconds, out = iikg("ingest", "--no-progress", "--jobs", str(jobs), str(corpus))
                show(f"ingest --jobs {jobs} (empty database)", seconds, out)
        if "reingest" in steps:
            seconds, out = _best(3, "ingest", "--no-progress", str(corpus))
            show("re-ingest, unchanged (best of 3)", seconds, out)
        if "copies" in steps:
            mirror = work / "mirror"
            mirror.mkdir()
            for path in files[: int(len(files) * args.copies)]:
                shutil.copy(path, mirror / path.name)
            seconds, out = iikg("ingest", "--no-progress", str(corpus), str(mirror))
            show(f"ingest with {len(list(mirror.iterdir()))} copies added", seconds, out)
            seconds, out = _best(3, "ingest", "--no-progress", str(corpus), str(mirror))
            show("re-ingest with the copies (best of 3)", seconds, out)
            nodes = next((x for x in out.splitlines() if x.startswith("nodes:")), "")
            print(f"{'':44} {nodes}")
        print("bulk load (iikg ingest --bulk): not implemented")
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
