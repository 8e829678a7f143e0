"""Handles of detached servers: kept while their process runs, so none is dropped running."""

from __future__ import annotations

import subprocess
import sys

from graph import detached


def test_a_running_server_keeps_its_handle_until_it_has_ended() -> None:
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"],
                            stdin=subprocess.DEVNULL)
    try:
        detached.hold(proc)
        detached.release(proc.pid)  # still running: dropping it now would warn
        assert detached.held(proc.pid)
    finally:
        proc.kill()
        proc.wait()
    detached.release(proc.pid)
    assert not detached.held(proc.pid)
