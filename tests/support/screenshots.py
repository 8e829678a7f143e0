"""Copy the pictures made by the exploration tests into graph/browser/screenshots/, kept small.

Regenerate (on a machine with Chromium and the managed local Neo4j):

    .venv/bin/pytest tests/e2e/test_explore_browser_e2e.py     # tests/output/neo4j-browser*.png,
                                                           # tests/output/html-view-kaos.png
    .venv/bin/iikg ingest seeds/articles
    .venv/bin/iikg report top-entities --plot tests/output/top-entities.png
    .venv/bin/python -m tests.support.screenshots
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = (
    "neo4j-browser.png", "neo4j-browser-evidence.png", "html-view-kaos.png", "top-entities.png"
)
MAX_BYTES = 150_000


def shrink_png(src: Path, dst: Path, max_bytes: int = MAX_BYTES) -> int:
    """Write `src` to `dst` as a palette PNG, scaled down until it fits `max_bytes`."""
    from PIL import Image

    with Image.open(src) as original:
        image = original.convert("RGB")
    scale = 1.0
    while True:
        size = (round(image.width * scale), round(image.height * scale))
        frame = image if scale == 1.0 else image.resize(size, Image.Resampling.LANCZOS)
        data = io.BytesIO()
        frame.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(
            data, format="PNG", optimize=True)
        if data.tell() <= max_bytes or scale < 0.3:
            dst.write_bytes(data.getvalue())
            return data.tell()
        scale *= 0.85


def main(argv: list[str] | None = None) -> int:
    source_dir = ROOT / "tests" / "output"
    target_dir = ROOT / "graph" / "browser" / "screenshots"
    target_dir.mkdir(exist_ok=True)
    missing = [name for name in SOURCES if not (source_dir / name).is_file()]
    if missing:
        print(f"missing in {source_dir}: {', '.join(missing)} (see this module's docstring)",
              file=sys.stderr)
        return 1
    for name in SOURCES:
        size = shrink_png(source_dir / name, target_dir / name)
        print(f"{target_dir / name}: {size // 1000} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
