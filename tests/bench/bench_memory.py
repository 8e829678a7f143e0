"""Memory of `iikg ingest --jobs N` at two corpus sizes: flat means the same peak for both.

    .venv/bin/python tests/bench/bench_memory.py [--sizes 500,5000] [--jobs N]

EMPTIES the database it uses: NEO4J_URI, else the managed local server of IIKG_NEO4J_INSTANCE.

For each size it generates that many articles (tests/bench/bench_ingest.py: the seeds' sentences
recombined, firms renamed), empties the database and runs ``iikg ingest --no-progress --jobs N``
in a fresh process, sampling every SAMPLE seconds from /proc the memory of that process and of
its worker processes: the sum of their proportional set sizes (PSS: pages the forked workers
share with the parent are counted once, split between them) and the largest resident set of one
process. It prints the peaks of each size and their ratio to the smallest size's peaks, and the
growth in bytes per article between the two sizes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # for support
sys.path.insert(0, str(ROOT / "tests" / "bench"))

from bench_ingest import generate  # noqa: E402
from support.graphdb import clear_database  # noqa: E402

from graph.neo4j import connect, resolve_settings  # noqa: E402

SAMPLE = 0.2  # seconds between two samples


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def _tree(pid: int) -> list[int]:
    tree, out, todo = _children(), [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        todo.extend(tree.get(current, []))
    return out


def _kib(path: str, field: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def sample(pid: int) -> tuple[int, int, int]:
    """(PSS of the process tree, largest RSS of one process, processes), in KiB."""
    pids = _tree(pid)
    pss = sum(_kib(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids)
    rss = max((_kib(f"/proc/{p}/status", "VmRSS:") for p in pids), default=0)
    return pss, rss, len(pids)


def measure(corpus: Path, jobs: int) -> tuple[float, int, int, int, str]:
    """(seconds, peak PSS of the tree, peak RSS of one process, most processes, time line)."""
    exe = Path(sys.executable).with_name("iikg")
    start = time.perf_counter()
    proc = subprocess.Popen([str(exe), "ingest", "--no-progress", "--jobs", str(jobs),
                             str(corpus)], stdout=subprocess.PIPE, text=True)
    peak_pss = peak_rss = most = 0
    while proc.poll() is None:
        pss, rss, count = sample(proc.pid)
        peak_pss, peak_rss, most = max(peak_pss, pss), max(peak_rss, rss), max(most, count)
        time.sleep(SAMPLE)
    out = proc.stdout.read() if proc.stdout else ""
    if proc.returncode:
        raise SystemExit(f"iikg ingest failed with status {proc.returncode}")
    line = next((x for x in out.splitlines() if x.startswith("articles:")), "")
    return time.perf_counter() - start, peak_pss, peak_rss, most, line


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="500,5000",
                        help="corpus sizes, comma-separated (the seeds are 5 articles)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    work = Path(tempfile.mkdtemp(prefix="iikg-bench-memory-"))
    rows = []
    with connect(resolve_settings(start_local=True)) as graph:
        for size in sizes:
            corpus = work / f"corpus-{size}"
            corpus.mkdir()
            generate(size, corpus)
            clear_database(graph)
            seconds, pss, rss, procs, line = measure(corpus, args.jobs)
            rows.append((size, pss, rss))
            print(f"{size:6} articles, --jobs {args.jobs}: {seconds:7.1f} s, peak PSS of "
                  f"{procs} processes {pss / 1024:7.1f} MiB, largest process RSS "
                  f"{rss / 1024:7.1f} MiB  ({line})", flush=True)
    first = rows[0]
    for size, pss, rss in rows[1:]:
        per_article = (pss - first[1]) * 1024 / (size - first[0])
        print(f"{size} vs {first[0]} articles: PSS x{pss / first[1]:.3f}, largest RSS "
              f"x{rss / first[2]:.3f}; growth {per_article:,.0f} bytes per article (PSS)")
    for path in sorted(work.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    work.rmdir()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
