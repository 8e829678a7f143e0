"""The code base is ruff-clean: lint runs as part of the test command, so CI needs nothing
beyond it."""

from __future__ import annotations

import subprocess
import sys

from support.paths import ROOT


def test_ruff_finds_nothing() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
