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
- with ``--bulk``: ``iikg ingest --bulk`` into an empty database (neo4j-admin import on the
  managed server), its relationships per second (MENTIONS and Evidence links included), then a
  plain ingest of the same corpus on top (must write nothing); ``--only-bulk`` measures only
  jieba and the bulk load; ``--bulk-synthetic N`` only the writing side, on N synthetic
  extractions (bench_store.py's, no extraction): the Cypher writes of an ingest against the
  bulk load (files, neo4j-admin import, restart, schema, sources);

each ``iikg`` command in a fresh process (model loading included), and prints each time as a
multiple of jieba's, with the ingest's own account of it (the writer's busy time, the sources
refresh) and, for an ingest, where the CPU went: the iikg process with its extraction workers,
and the managed Neo4j server (its process's CPU time over the run; not shown for NEO4J_URI),
with the load average, since the machine may be shared. ``--steps`` picks some of them (the
statistical tagger makes extraction slow: e.g. ``--steps ingest,reingest``). Memory:
tests/bench/bench_memory.py.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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


def server_cpu() -> float | None:
    """CPU seconds the managed Neo4j server has used so far (None: another server, or no
    /proc)."""
    if os.environ.get("NEO4J_URI"):
        return None
    from graph.neo4j.local import LocalServer, running_pid

    pid = running_pid(LocalServer.from_env())
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, TypeError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_ingest(*args: str) -> tuple[float, str, str]:
    """`iikg ingest ARGS` and where its CPU went: the iikg process with its workers, the
    server."""
    children, server = resource.getrusage(resource.RUSAGE_CHILDREN), server_cpu()
    seconds, out = iikg("ingest", *args)
    after, server_after = resource.getrusage(resource.RUSAGE_CHILDREN), server_cpu()
    client = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    cpu = f"CPU: iikg and its workers {client:.1f} s"
    if server is not None and server_after is not None:
        cpu += f", Neo4j server {server_after - server:.1f} s"
    return seconds, out, cpu


STEPS = ("extract", "ingest", "reingest", "copies")


def _shown(out: str) -> str:
    """The ingest's lines worth printing next to a time: articles, time, sources."""
    keep = ("articles:", "time:", "sources:")
    return " | ".join(x for x in out.splitlines() if x.startswith(keep))


def _best(runs: int, *args: str) -> tuple[float, str]:
    """The fastest of `runs` runs of one iikg command (a re-ingest: the same work each time)."""
    results = [iikg(*args) for _ in range(runs)]
    return min(results, key=lambda r: r[0])


def bulk_figures(corpus: Path, base: float, show: Any) -> None:
    """`iikg ingest --bulk` into an emptied database, end to end in a fresh process, and its
    relationships per second (every relationship of the import files: MENTIONS, HAS_EVIDENCE,
    HAS_QUANTITY, QUANTIFIES and the entity relationships); then a plain ingest on top."""
    with connect(resolve_settings(start_local=True)) as graph:
        clear_database(graph)
    seconds, out = iikg("ingest", "--bulk", "--no-progress", str(corpus))
    files = next(x for x in out.splitlines() if x.startswith("bulk files"))
    nodes, rels = (int(n) for n in re.findall(r"(\d+) (?:nodes|relationships)", files))
    inside = out.splitlines()[-1].partition("(")[2].partition(")")[0]
    phases = dict(re.findall(r"(\w[\w -]*?) ([\d.]+) s", inside))
    show("ingest --bulk (empty database)", seconds, out)
    print(f"{'':44} {nodes:,} nodes, {rels:,} relationships: {rels / seconds:,.0f} "
          "relationships/s end to end")
    imported = float(phases.get("neo4j-admin import", "nan"))
    print(f"{'  of which neo4j-admin import':44} {imported:8.1f} s {imported / base:6.2f}x  "
          f"{rels / imported:,.0f} relationships/s")
    print(f"{'':44} phases: " + ", ".join(f"{k} {v} s" for k, v in phases.items()))
    seconds, out = iikg("ingest", "--no-progress", str(corpus))
    show("plain ingest after the bulk load", seconds, out)


def bulk_synthetic(count: int) -> None:
    """The Cypher writes of an ingest (batches of 200, then sources) against a bulk load of the
    same prepared articles, both into an emptied database of the managed server."""
    from bench_store import generate as synthetic

    from graph.batch import prepare
    from graph.bulk import load_managed, write_prepared

    prepared = [prepare(ex, "synthetic") for ex in synthetic(count)]
    settings = resolve_settings(start_local=True)
    with connect(settings) as graph:
        clear_database(graph)
        start = time.perf_counter()
        for i in range(0, len(prepared), 200):
            graph.write_articles(prepared[i: i + 200])
        graph.refresh_sources()
        base = time.perf_counter() - start
        rels = graph.stats()["relationships"]
        clear_database(graph)
    print(f"{count:,} synthetic articles: {rels:,} relationships (MENTIONS, HAS_EVIDENCE ... "
          "included)")
    print(f"{'Cypher writes of an ingest (batches of 200)':44} {base:8.1f} s   1.00x  "
          f"{rels / base:,.0f} relationships/s")
    with tempfile.TemporaryDirectory(prefix="iikg-bench-bulk-") as tmp:
        start = time.perf_counter()
        summary = write_prepared(prepared, Path(tmp) / "files")
        load_managed(summary, settings)
        seconds = time.perf_counter() - start
    what = "bulk load (files, import, restart, finish)"
    print(f"{what:44} {seconds:8.1f} s {seconds / base:6.2f}x  {rels / seconds:,.0f} "
          "relationships/s")
    imported = summary.seconds["neo4j-admin import"]
    print(f"{'  of which neo4j-admin import':44} {imported:8.1f} s {imported / base:6.2f}x  "
          f"{summary.relationships / imported:,.0f} relationships/s")
    print(f"{'':44} phases: " + ", ".join(f"{k} {v:.1f} s" for k, v in summary.seconds.items()))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--copies", type=float, default=0.36,
                        help="share of the files copied under a second folder")
    parser.add_argument("--steps", default=",".join(STEPS),
                        help=f"comma-separated, of {', '.join(STEPS)}")
    parser.add_argument("--bulk", action="store_true", help="also measure iikg ingest --bulk")
    parser.add_argument("--only-bulk", action="store_true",
                        help="measure raw jieba and the bulk load only")
    parser.add_argument("--bulk-synthetic", type=int, metavar="N",
                        help="only the Cypher writes against a bulk load of N synthetic articles")
    args = parser.parse_args()
    if args.bulk_synthetic:
        bulk_synthetic(args.bulk_synthetic)
        return 0
    steps = set(args.steps.split(","))
    work = Path(tempfile.mkdtemp(prefix="iikg-bench-ingest-"))
    corpus = work / "corpus"
    corpus.mkdir()
    files = generate(args.articles, corpus)
    texts = [load_file(p).text for p in files]
    chars = sum(len(t) for t in texts)
    base = jieba_seconds(texts)
    print(f"corpus: {len(files)} generated articles, {chars:,} chars; statistical tagger "
          f"{os.environ.get('IIKG_STATISTICAL_NER', 'off (default)')}")
    print(f"{'raw jieba.cut (one core)':44} {base:8.1f} s   1.00x  "
          f"load average {os.getloadavg()[0]:.1f}")

    def show(what: str, seconds: float, out: str = "") -> None:
        print(f"{what:44} {seconds:8.1f} s {seconds / base:6.2f}x  {_shown(out)}")

    if args.only_bulk:
        bulk_figures(corpus, base, show)
        shutil.rmtree(work)
        return 0
    if "extract" in steps:
        seconds, _ = iikg("extract", str(corpus), "-o", str(work / "out.jsonl"))
        show("extraction alone (iikg extract, 1 process)", seconds)
    settings = resolve_settings(start_local=True)
    with connect(settings) as graph:
        if "ingest" in steps:
            for jobs in sorted({1, args.jobs}):
                clear_database(graph)
                seconds, out, cpu = timed_ingest("--no-progress", "--jobs", str(jobs),
                                                 str(corpus))
                show(f"ingest --jobs {jobs} (empty database)", seconds, out)
                print(f"{'':44} {cpu}; load average {os.getloadavg()[0]:.1f}")
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
    if args.bulk:
        bulk_figures(corpus, base, show)
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
