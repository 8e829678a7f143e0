"""Where things are, for tests wherever they sit under tests/."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds" / "articles"
DATA = ROOT / "tests" / "data"
BENCH = ROOT / "tests" / "bench"
OUTPUT = ROOT / "tests" / "output"  # screenshots of the browser tests (git-ignored)
