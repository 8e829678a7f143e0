"""HTML nested N levels deep: the time to load it with the nesting bound (loaders.html_depth)
against the same load with the bound lifted, in one process.

The HTML parser checks its stack of open elements for every block start tag, so without the
bound the time grows with the square of the depth (100,000 nested <div>s, 1.1 MB: about half a
minute); with it, the load is linear.

    .venv/bin/python tests/bench/bench_html_depth.py [--levels 10000 30000 100000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from loaders import formats, load_bytes  # noqa: E402
from loaders.html_depth import bound_nesting  # noqa: E402


def page(levels: int) -> bytes:
    body = "<div>" * levels + "星云科技与洛阳市签署合作协议。" + "</div>" * levels
    return f"<html><body>{body}</body></html>".encode()


def seconds(data: bytes) -> float:
    started = time.perf_counter()
    article = load_bytes(data, "deep.html", suffix=".html")
    elapsed = time.perf_counter() - started
    assert article.text == "星云科技与洛阳市签署合作协议。", article.text
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    args = parser.parse_args()
    for levels in args.levels:
        data = page(levels)
        bounded = seconds(data)
        formats.bound_nesting = lambda source: (source, 0)  # the bound lifted
        try:
            unbounded = seconds(data)
        finally:
            formats.bound_nesting = bound_nesting
        print(f"{levels:>7,} levels ({len(data):>9,} bytes): bounded {bounded:6.2f} s, "
              f"unbounded {unbounded:6.2f} s, ratio {unbounded / bounded:6.1f}x")


if __name__ == "__main__":
    main()
